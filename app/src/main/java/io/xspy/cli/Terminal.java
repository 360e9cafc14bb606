package io.xspy.cli;

import io.xspy.query.TimeWindow;
import io.xspy.tui.Tui;
import io.xspy.tui.TuiOptions;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;

/** Opens the terminal UI on an open source, with the command line's window and display options. */
final class Terminal {
    private Terminal() {}

    static int open(Sources.Opened opened, XspyCommand options) throws IOException {
        return open(opened, options, null);
    }

    /** The command line's display options: ASCII, colour, follow. */
    static TuiOptions display(XspyCommand options) {
        return TuiOptions.defaults().withAscii(options.asciiOnly()).withColor(options.colorAllowed())
                .withFollow(options.follow);
    }

    /** As above, opened at a trace when {@code traceId} is not null (xspy shell's open ID). */
    static int open(Sources.Opened opened, XspyCommand options, String traceId) throws IOException {
        View view = view(opened, options);
        Tui.run(opened.source(), view.tui(), view.clock(), traceId);
        return 0;
    }

    /** What the UI starts with: the display options and window, and its clock. */
    record View(TuiOptions tui, Clock clock) {}

    static View view(Sources.Opened opened, XspyCommand options) {
        TuiOptions tui = display(options);
        Clock clock = options.clock.withZone(ZoneId.systemDefault());
        if (opened.wholeStoreWindow() && !options.sinceGiven()) {
            // a recorded file: show all of it, as of its last moment
            TimeWindow all = opened.window(options);
            tui = tui.withWindow(all.span());
            clock = Clock.fixed(all.end(), ZoneId.systemDefault());
        } else {
            TimeWindow window = opened.showsWholeDemo(options) ? opened.window(options) : options.window(clock.instant());
            tui = tui.withWindow(window.span());
            if (options.until != null) clock = Clock.fixed(window.end(), ZoneId.systemDefault());
        }
        return new View(tui, clock);
    }
}
