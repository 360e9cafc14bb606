package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * y in a real terminal: the packaged jar in tmux with {@code set-clipboard on}, which takes an
 * application's OSC 52 into a paste buffer, so the buffer shows what reached the terminal.
 */
class CopyTmuxIT {
    private static final Pattern COPIED = Pattern.compile("copied trace id (1-[0-9a-f]{8}-[0-9a-f]{24}) to the clipboard");

    @Test
    void yPutsTheTraceIdIntoTmuxsBufferThroughOsc52() throws Exception {
        Tmux.require();
        try (Tmux tmux = Tmux.xspy(100, 30, "--demo")) {
            tmux.command("set-option", "-g", "set-clipboard", "on");
            tmux.waitFor(TmuxEndToEndIT::servicesShown, "the services screen");
            tmux.keys("j", "Enter");
            tmux.waitFor(s -> TmuxEndToEndIT.TRACE_ROW.matcher(s).find() && TmuxEndToEndIT.TRACES_FOOTER.matcher(s).find()
                    && !s.contains(TmuxEndToEndIT.LOADING), "the traces screen with its rows");
            tmux.keys("Enter");
            tmux.waitFor(s -> TmuxEndToEndIT.TRACE_LOADED.matcher(s).find() && !s.contains(TmuxEndToEndIT.LOADING), "the trace screen");
            tmux.keys("y");
            String screen = tmux.waitFor(s -> COPIED.matcher(s).find(), "the status line saying what was copied");
            Matcher m = COPIED.matcher(screen);
            assertTrue(m.find());
            assertTrue(screen.contains("set-clipboard on"), "in tmux the status line says how tmux passes it on: " + screen);
            assertEquals(m.group(1), tmux.command("show-buffer").strip(), "tmux's buffer holds the id the status line names");
            tmux.keys("q");
            assertTrue(tmux.waitFor(s -> s.contains("xspy exit="), "xspy to end").contains("xspy exit=0"));
        }
    }
}
