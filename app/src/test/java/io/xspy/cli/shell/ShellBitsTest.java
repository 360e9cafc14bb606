package io.xspy.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The history's place, when the full screen gives way to the shell, and how a listing is noticed. */
class ShellBitsTest {
    @Test
    void historyLivesInTheXdgStateDirectory() {
        assertEquals(Path.of("/s/xspy/history"), History.file(Map.of("XDG_STATE_HOME", "/s", "HOME", "/h")));
        assertEquals(Path.of("/h/.local/state/xspy/history"), History.file(Map.of("HOME", "/h")));
        // the spec: a relative XDG_STATE_HOME is ignored
        assertEquals(Path.of("/h/.local/state/xspy/history"), History.file(Map.of("XDG_STATE_HOME", "rel", "HOME", "/h")));
    }

    @Test
    void aDumbTerminalGetsTheShellWithASentenceThatSaysWhy() {
        String why = LineMode.why(Map.of("TERM", "dumb"));
        assertTrue(why.startsWith("TERM=dumb cannot move the cursor"), why);
        assertTrue(why.endsWith("."), why);
        assertNull(LineMode.why(Map.of("TERM", "xterm-256color")));
        assertNull(LineMode.why(Map.of("TERM", "tmux-256color")));
        assertNull(LineMode.why(Map.of())); // unknown: the full screen, as before
    }

    @Test
    void commonTerminalFamiliesAreKnownToDrawWithoutAskingTerminfo() {
        for (String term : List.of("xterm", "xterm-256color", "xterm-kitty", "tmux-256color", "screen.xterm-256color",
                "screen-256color", "rxvt-unicode-256color", "linux", "alacritty", "foot-extra", "vt100")) {
            assertTrue(LineMode.knownFullScreen(term), term);
        }
        // these are left to terminfo (or, for dumb, refused before it)
        for (String term : List.of("dumb", "emacs", "xtermish", "cons25", "vt52", "")) {
            assertFalse(LineMode.knownFullScreen(term), term);
        }
    }

    @Test
    void aListingIsTheTraceIdsAnOutputPrintedInOrder() {
        StringWriter text = new StringWriter();
        ListingCapture capture = new ListingCapture(new PrintWriter(text));
        String out = "START  ID\nx  1-6b0c8d9b-0c5d1d9cacf814c12fb3b1c4  ok\ny  1-6b0c8d8e-4d8af7e8e5e0a55239d04028\n"
                + "z  1-6b0c8d9b-0c5d1d9cacf814c12fb3b1c4\n";
        capture.write(out.toCharArray(), 0, out.length());
        capture.flush();
        assertEquals(out, text.toString());
        assertEquals(List.of("1-6b0c8d9b-0c5d1d9cacf814c12fb3b1c4", "1-6b0c8d8e-4d8af7e8e5e0a55239d04028"), capture.ids());
    }
}
