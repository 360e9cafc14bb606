package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * xspy shell in a real terminal: a service name completed inside a quoted filter, the listing, open 1
 * to the full-screen trace, q back to the prompt (where Ctrl-C cancels a command again), and the
 * history recalled with the up arrow after a restart (its file in a temporary XDG_STATE_HOME).
 */
class TmuxShellIT {
    @TempDir Path state;

    static boolean prompt(String screen) {
        String[] lines = screen.stripTrailing().split("\n");
        return lines[lines.length - 1].equals("xspy>");
    }

    @Test
    void completesAFilterOpensTheTraceAndComesBackOnQ() throws Exception {
        Tmux.require();
        Map<String, String> env = Map.of("XDG_STATE_HOME", state.toString());
        try (Tmux tmux = Tmux.xspy(env, 120, 35, "--demo", "shell")) {
            tmux.waitFor(TmuxShellIT::prompt, "the prompt");
            tmux.keys("-l", "traces --limit 3 --filter 'service(\"xraystarter-p");
            tmux.keys("Tab");
            tmux.waitFor(s -> s.contains("--filter 'service(\"xraystarter-py\")"), "the service name completed");
            tmux.keys("-l", " { fault }'");
            tmux.keys("Enter");
            String listing = tmux.waitFor(s -> s.contains("! fault") && prompt(s), "the listing");
            assertFalse(listing.contains("\u001b"), "plain text");

            tmux.keys("-l", "open 1");
            tmux.keys("Enter");
            String ui = tmux.waitFor(s -> TmuxEndToEndIT.TRACE_LOADED.matcher(s).find() && !s.contains(TmuxEndToEndIT.LOADING),
                    "the trace in the full-screen UI");
            assertTrue(ui.contains("timeline 1-"), ui);

            tmux.keys("q");
            String back = tmux.waitFor(s -> prompt(s) && s.contains("xspy> open 1"), "the prompt again");
            assertFalse(TmuxEndToEndIT.TRACE_LOADED.matcher(back).find(), back);
            // the tty is the shell's again: Ctrl-C is a signal that cancels the running command
            tmux.keys("-l", "serve --port 0");
            tmux.keys("Enter");
            tmux.waitFor(s -> s.contains("(Ctrl-C stops)"), "the server running");
            tmux.keys("C-c");
            tmux.waitFor(s -> s.contains("xspy: cancelled") && prompt(s), "the command cancelled");
            tmux.keys("-l", "window");
            tmux.keys("Enter");
            tmux.waitFor(s -> s.contains("(the source's default)") && prompt(s), "the shell answering");
            tmux.keys("C-d");
            String after = tmux.waitFor(s -> s.contains("xspy exit="), "the shell to end on Ctrl-D");
            assertTrue(after.contains("xspy exit=0"), after);
        }
        assertTrue(Files.readString(state.resolve("xspy/history")).contains("open 1"));
        try (Tmux tmux = Tmux.xspy(env, 120, 35, "--demo", "shell")) {
            tmux.waitFor(TmuxShellIT::prompt, "the prompt after a restart");
            tmux.keys("Up");
            tmux.waitFor(s -> s.contains("xspy> window"), "the last line recalled");
            tmux.keys("Enter");
            tmux.waitFor(s -> s.contains("(the source's default)") && prompt(s), "it ran again");
        }
    }
}
