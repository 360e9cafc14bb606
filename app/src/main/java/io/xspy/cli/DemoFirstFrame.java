package io.xspy.cli;

import com.googlecode.lanterna.screen.Screen;
import io.xspy.source.demo.DemoSource;
import io.xspy.tui.TerminalHeadStart;
import io.xspy.tui.Tui;
import io.xspy.tui.TuiOptions;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The first frame of {@code xspy --demo}, told from the command line before picocli has parsed it, so that
 * the terminal's head start draws it while picocli builds its model. Only for command lines of options
 * whose part in that frame is known here (--demo, --seed N, --no-color, --ascii, -f/--follow, each once),
 * read as {@link XspyCommand}, {@link Sources} and {@link Terminal} read them; anything else leaves the frame
 * to the UI. DemoFirstFrameTest holds the two frames equal (a difference would last until the UI's first frame).
 */
final class DemoFirstFrame implements TerminalHeadStart.FirstFrame {
    private final long seed;
    private final boolean ascii;
    private final boolean noColor;
    private final boolean follow;
    private final Map<String, String> env;
    private final Clock clock;

    private DemoFirstFrame(long seed, boolean ascii, boolean noColor, boolean follow, Map<String, String> env, Clock clock) {
        this.seed = seed;
        this.ascii = ascii;
        this.noColor = noColor;
        this.follow = follow;
        this.env = env;
        this.clock = clock;
    }

    /** The frame of this command line, or null when it is not one of the demo's plain ones. */
    static DemoFirstFrame of(Map<String, String> env, Clock clock, String... args) {
        boolean demo = false;
        boolean ascii = false;
        boolean noColor = false;
        boolean follow = false;
        long seed = 1;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            if (a.startsWith("--seed=")) {
                value = a.substring("--seed=".length());
                a = "--seed";
            } else if (a.equals("--seed") && i + 1 < args.length) {
                value = args[++i];
            } else if (a.equals("-f")) {
                a = "--follow";
            }
            if (!seen.add(a)) return null; // picocli refuses an option given twice
            if (a.equals("--demo")) demo = true;
            else if (a.equals("--ascii")) ascii = true;
            else if (a.equals("--no-color")) noColor = true;
            else if (a.equals("--follow")) follow = true;
            else if (a.equals("--seed") && plainNumber(value)) seed = Long.parseLong(value);
            else return null;
        }
        return demo ? new DemoFirstFrame(seed, ascii, noColor, follow, env, clock) : null;
    }

    /** A number every reading agrees on (no sign, no leading zero, not too long): picocli's, Long.decode's. */
    private static boolean plainNumber(String s) {
        if (s == null || s.isEmpty() || s.length() > 18 || (s.charAt(0) == '0' && s.length() > 1)) return false;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return true;
    }

    /** Draws the frame as the UI over the demo will: its whole history as the window, the display options. */
    @Override
    public void draw(Screen screen) throws IOException {
        DemoSource demo = new DemoSource(seed, clock);
        Instant now = clock.instant();
        TuiOptions options = new TuiOptions(Duration.between(demo.historyStart(), now), "", ascii || !TuiOptions.utf8Locale(env),
                !noColor && !TuiOptions.noColor(env), follow, TuiOptions.DEFAULT_FOLLOW_INTERVAL);
        Tui.drawFirstFrame(screen, demo, options, clock.withZone(ZoneId.systemDefault()));
    }
}
