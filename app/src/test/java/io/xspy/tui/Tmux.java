package io.xspy.tui;

import io.xspy.testing.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Drives the packaged jar in a real terminal: a detached tmux session on a tmux server of its own
 * (so a test neither sees nor disturbs the user's sessions), keys by send-keys, screens by
 * capture-pane. Waits are for a state of the screen, never for a time; {@link #PATIENCE} is only
 * the upper bound after which a wait fails with what it saw.
 */
final class Tmux implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(120);
    static final Path JAR = Path.of(System.getProperty("xspy.jar", "target/xspy.jar"));
    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final String socket = "xspy-it-" + ProcessHandle.current().pid() + "-" + SERVERS.incrementAndGet();
    private final String session = "xspy";
    private Path socketPath;

    private Tmux() {}

    /** Skips without tmux (fails under CI=true) and checks the jar was packaged. */
    static void require() {
        RequiredTool.require(available(), "tmux is not installed; the end-to-end tests drive xspy in tmux");
        if (!Files.exists(JAR)) throw new AssertionError("package the jar first: " + JAR.toAbsolutePath());
    }

    /**
     * Starts {@code xspy ARGS} in a new {@code width}×{@code height} session. When xspy ends, the
     * pane shows {@code xspy exit=N} (its exit status) and stays open.
     */
    static Tmux xspy(int width, int height, String... args) throws Exception {
        return xspy(java.util.Map.of(), width, height, args);
    }

    /** As above, with more environment variables (values are quoted; names are the test's own). */
    static Tmux xspy(java.util.Map<String, String> env, int width, int height, String... args) throws Exception {
        Tmux t = new Tmux();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder cmd = new StringBuilder("env LANG=C.UTF-8 TERM=xterm-256color");
        env.forEach((k, v) -> cmd.append(' ').append(k).append("='").append(v).append('\''));
        cmd.append(" '").append(java).append("' -jar '").append(JAR.toAbsolutePath()).append("'");
        for (String a : args) cmd.append(" '").append(a).append("'");
        cmd.append("; echo \"xspy exit=$?\"; sleep 3600");
        t.tmux(false, "-u", "new-session", "-d", "-s", t.session, "-x", String.valueOf(width), "-y", String.valueOf(height),
                cmd.toString());
        t.socketPath = Path.of(t.tmux(false, "display-message", "-p", "#{socket_path}").strip());
        return t;
    }

    Tmux keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        tmux(false, args.toArray(String[]::new));
        return this;
    }

    Tmux resize(int width, int height) throws Exception {
        tmux(false, "resize-window", "-t", session, "-x", String.valueOf(width), "-y", String.valueOf(height));
        return this;
    }

    /** The pane's text, one line per row. */
    String screen() throws Exception {
        return tmux(true, "capture-pane", "-p", "-t", session);
    }

    /** Polls the screen until {@code ready} holds; fails with the last screen after {@link #PATIENCE}. */
    String waitFor(Predicate<String> ready, String what) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = screen();
            if (ready.test(screen)) return screen;
            Thread.sleep(50); // a poll interval, not a wait for time: the loop ends on a state of the screen
        }
        throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what + "; the screen was:\n" + screen);
    }

    /** Runs a tmux command on this session's server (set-option, show-buffer) and returns its output. */
    String command(String... args) throws Exception {
        return tmux(false, args);
    }

    /** Writes straight to the pane's terminal, as another program sharing it would. */
    Tmux scribble(String text) throws Exception {
        String tty = tmux(false, "display-message", "-p", "-t", session, "#{pane_tty}").strip();
        Files.writeString(Path.of(tty), text, StandardCharsets.UTF_8);
        return this;
    }

    @Override
    public void close() throws Exception {
        tmux(true, "kill-server");
        if (socketPath != null) Files.deleteIfExists(socketPath);
    }

    static boolean available() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String tmux(boolean tolerateFailure, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
        // a UTF-8 locale for tmux itself, whatever the machine's, so captured screens keep their symbols
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().remove("LC_ALL");
        builder.environment().remove("TMUX");
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
        }
        if (p.exitValue() != 0 && !tolerateFailure) throw new AssertionError(cmd + " failed: " + out);
        return out;
    }
}
