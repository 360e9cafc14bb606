package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar in a real terminal: {@code java -jar target/xspy.jar --demo} in a detached tmux
 * session of 100×30, driven with send-keys and read with capture-pane. Skipped only without tmux.
 */
class TmuxEndToEndIT {
    private static final String SESSION = "xspy-it-" + ProcessHandle.current().pid();
    /** A tmux server of its own, so the test neither sees nor disturbs the user's sessions. */
    private static final String SOCKET = "xspy-e2e";
    private static final Path JAR = Path.of(System.getProperty("xspy.jar", "target/xspy.jar"));

    @AfterEach
    void killSession() throws Exception {
        if (tmuxAvailable()) run(List.of("tmux", "-L", SOCKET, "kill-session", "-t", SESSION), true);
    }

    @Test
    void walksTheDemoAndQuits() throws Exception {
        assumeTrue(tmuxAvailable(), "tmux is not installed");
        assertTrue(Files.exists(JAR), "package the jar first: " + JAR.toAbsolutePath());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long started = System.nanoTime();
        run(List.of("tmux", "-L", SOCKET, "-u", "new-session", "-d", "-s", SESSION, "-x", "100", "-y", "30",
                "env LANG=C.UTF-8 TERM=xterm-256color '" + java + "' -jar '" + JAR.toAbsolutePath() + "' --demo; sleep 30"), false);
        String services = waitFor(s -> s.contains("4xx%") && s.contains("xraystarter-py"), "the services screen");
        System.out.printf("first services screen after %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertTrue(services.contains("Services"), services);

        keys("j", "Enter");
        String traces = waitFor(s -> s.contains("trace id") && s.contains(" traces"), "the traces screen");
        assertTrue(traces.contains("Services \u203A "), traces);

        keys("Enter");
        String trace = waitFor(s -> s.contains("timeline") && s.contains("logs"), "the trace screen");
        assertTrue(trace.contains("Invocation") || trace.contains("Dwell Time"), trace);

        keys("Tab", "Tab");
        waitFor(s -> s.contains("\u25B6 logs"), "the log pane focused");
        keys("x");
        waitFor(s -> s.contains("raw JSON of"), "the raw JSON");
        keys("Escape", "Escape", "Escape");
        waitFor(s -> s.contains("4xx%") && !s.contains("trace id"), "back on the services screen");

        keys("q");
        String after = waitFor(s -> !s.contains("4xx%"), "the terminal restored after q");
        assertTrue(!after.contains("Exception"), after);
    }

    private static void keys(String... keys) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", SOCKET, "send-keys", "-t", SESSION));
        cmd.addAll(List.of(keys));
        run(cmd, false);
    }

    private static String waitFor(Predicate<String> ready, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = run(List.of("tmux", "-L", SOCKET, "capture-pane", "-p", "-t", SESSION), true);
            if (ready.test(screen)) return screen;
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what + "; the screen was:\n" + screen);
    }

    private static boolean tmuxAvailable() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String run(List<String> cmd, boolean tolerateFailure) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
        // a UTF-8 locale for tmux itself, whatever the machine's, so captured screens keep their symbols
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().remove("LC_ALL");
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
        if (p.exitValue() != 0 && !tolerateFailure) throw new AssertionError(cmd + " failed: " + out);
        return out;
    }
}
