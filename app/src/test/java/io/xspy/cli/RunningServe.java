package io.xspy.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * {@code xspy ... serve} running on a thread of the test, as the command line starts it; closing it
 * interrupts the command, which stops the server as Ctrl-C does.
 */
final class RunningServe implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Pattern URL = Pattern.compile("http://[^ ]+:(\\d+)");

    private final StringWriter err = new StringWriter();
    private final Thread thread;
    private volatile int exit = -1;

    private RunningServe(Map<String, String> env, String... args) {
        XspyCommand command = new XspyCommand();
        command.env = env;
        CommandLine cli = Subcommands.all(command);
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err, true));
        thread = new Thread(() -> exit = Main.run(cli, args), "test-serve");
        thread.setDaemon(true);
        thread.start();
    }

    static RunningServe start(String... args) {
        return new RunningServe(Map.of("LANG", "C.UTF-8"), args);
    }

    static RunningServe start(Map<String, String> env, String... args) {
        return new RunningServe(env, args);
    }

    /** Everything on stderr so far. */
    synchronized String err() {
        synchronized (err) {
            return err.toString();
        }
    }

    /** Waits until stderr holds the text (or the command ended); returns stderr. */
    String awaitErr(String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!err().contains(text)) {
            if (!thread.isAlive()) throw new AssertionError("serve ended (" + exit + ") without \"" + text + "\": " + err());
            if (Instant.now().isAfter(deadline)) throw new AssertionError("no \"" + text + "\" on stderr: " + err());
            Thread.sleep(20);
        }
        return err();
    }

    /** Waits for the command to end by itself; returns its exit code. */
    int awaitExit() throws InterruptedException {
        thread.join(PATIENCE.toMillis());
        if (thread.isAlive()) throw new AssertionError("serve still running: " + err());
        return exit;
    }

    /** The port of the URL serve printed. */
    int port() throws InterruptedException {
        Matcher m = URL.matcher(awaitErr("http://"));
        if (!m.find()) throw new AssertionError("no URL on stderr: " + err());
        return Integer.parseInt(m.group(1));
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(PATIENCE.toMillis());
    }
}
