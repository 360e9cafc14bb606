package io.xspy.cli.shell;

import java.nio.file.Path;
import java.util.Map;

/** Where the shell keeps its history: $XDG_STATE_HOME/xspy/history, by default ~/.local/state/xspy/history. */
final class History {
    private History() {}

    static Path file(Map<String, String> env) {
        String state = env.get("XDG_STATE_HOME");
        // the XDG spec: a relative path is invalid and ignored
        Path base = state != null && !state.isBlank() && Path.of(state).isAbsolute() ? Path.of(state)
                : home(env).resolve(".local").resolve("state");
        return base.resolve("xspy").resolve("history");
    }

    private static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }
}
