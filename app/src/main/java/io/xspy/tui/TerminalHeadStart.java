package io.xspy.tui;

import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.DefaultKeyDecodingProfile;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.ZoneId;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * What the full-screen UI needs that does not depend on the command line, begun on another thread
 * while picocli builds its model on the main one (~100 ms): the terminal's settings as {@code stty -g}
 * prints them (a process, which Lanterna would otherwise start on the way to the first frame), the
 * local time zone's rules, and Lanterna's key patterns. Nothing here changes the terminal, so when
 * the command turns out not to be the UI the result is simply dropped.
 */
public final class TerminalHeadStart {
    private static volatile FutureTask<String> settings;

    private TerminalHeadStart() {}

    /** Starts the head start (once per process). */
    public static synchronized void begin() {
        if (settings != null) return;
        FutureTask<String> stty = new FutureTask<>(TerminalHeadStart::currentSettings);
        settings = stty;
        Thread t = new Thread(() -> {
            stty.run();
            ZoneId.systemDefault().getRules();
            new DefaultKeyDecodingProfile().getPatterns();
            TextCharacter.fromString("x");
        }, "xspy-head-start");
        t.setDaemon(true);
        t.start();
    }

    /** The settings read ahead (waiting for them if need be), once; null when none were or reading failed. */
    static String settings() {
        FutureTask<String> f = settings;
        settings = null;
        if (f == null) return null;
        try {
            return f.get();
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** {@code stty -g} on the controlling terminal, as Lanterna runs it. */
    private static String currentSettings() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("stty", "-g").redirectInput(ProcessBuilder.Redirect.from(new File("/dev/tty"))).start();
        String out = new String(p.getInputStream().readAllBytes(), Charset.defaultCharset()).trim();
        if (p.waitFor() != 0 || out.isEmpty()) throw new IOException("stty -g failed");
        return out;
    }
}
