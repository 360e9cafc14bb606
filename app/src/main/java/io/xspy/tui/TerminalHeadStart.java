package io.xspy.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.DefaultKeyDecodingProfile;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * What the full-screen UI needs that does not depend on the command line, begun on another thread
 * while picocli builds its model on the main one: the terminal's settings as {@code stty -g} prints
 * them (or as the launcher read them), then the UI's raw mode (each a process, which Lanterna would otherwise
 * start on the way to the first frame); and on a third thread the local time zone's rules, Lanterna's key
 * patterns and the Unicode blocks. Raw mode
 * changes only input (no echo, a key at a time), so an error printed meanwhile reads as usual; when
 * the command turns out not to be the UI, {@link #release} puts the settings back.
 * <p>When the command line alone tells what the first frame shows (a {@link FirstFrame}), the head start
 * also opens the terminal and draws that frame, which the UI then takes over ({@link #takeTerminal});
 * {@link #release} leaves a frame nobody took (private mode left, settings restored) before an error prints.
 */
public final class TerminalHeadStart {
    /** The UI's raw mode in one stty call: Lanterna's four settings (see {@link BufferedUnixTerminal}). */
    static final String[] RAW = {"-icanon", "min", "1", "-echo", "intr", "undef"};

    /** Runs stty on the controlling terminal with these arguments; returns what it printed. */
    interface Stty {
        String run(String... args) throws IOException, InterruptedException;
    }

    /** The UI's first frame as the command line will open it, drawn ahead on the UI's screen. */
    public interface FirstFrame {
        void draw(Screen screen) throws IOException;
    }

    /** Opens the terminal the UI draws on. */
    interface Opener {
        TuiTerminal open() throws IOException;
    }

    /**
     * One head start, run on its own thread: the settings read, whether raw mode was set, and what the
     * terminal took of them. Classes rather than lambdas here: a lambda is spun up at run time (the
     * class-data-sharing archive holds only those the build's representative run made), on the main thread.
     */
    private static final class Ahead implements Runnable {
        final Stty stty;
        /** The settings the launcher read (one process of sh's rather than the JVM's first), or null. */
        final String given;
        final BooleanSupplier fullScreen;
        final FirstFrame firstFrame;
        final Opener opener;
        final CompletableFuture<String> settings = new CompletableFuture<>();
        final CompletableFuture<Boolean> raw = new CompletableFuture<>();
        /** The terminal the first frame was drawn on, or null (none asked for, or it failed). */
        final CompletableFuture<TuiTerminal> drawn = new CompletableFuture<>();
        boolean settingsTaken;
        boolean rawClaimed;
        boolean drawnTaken;

        Ahead(Stty stty, String given, BooleanSupplier fullScreen, FirstFrame firstFrame, Opener opener) {
            this.stty = stty;
            this.given = given;
            this.fullScreen = fullScreen;
            this.firstFrame = firstFrame;
            this.opener = opener;
        }

        @Override
        public void run() {
            try {
                String read = given != null ? given : stty.run("-g");
                if (read.isEmpty()) throw new IOException("stty -g printed nothing");
                settings.complete(read);
                StartupMarks.mark("ahead: settings read");
            } catch (IOException | InterruptedException | RuntimeException e) {
                settings.completeExceptionally(e);
            }
            try {
                // no settings to go back to: no raw mode either
                raw.complete(settings.isCompletedExceptionally() || !fullScreen.getAsBoolean() ? false : setRaw());
                StartupMarks.mark("ahead: raw mode");
            } catch (IOException | InterruptedException | RuntimeException e) {
                raw.completeExceptionally(e);
            }
            TuiTerminal t = null;
            try {
                if (firstFrame != null && Boolean.TRUE.equals(raw.getNow(false))) t = drawFirstFrame();
            } finally {
                drawn.complete(t); // whatever happened: the UI and release wait for this
            }
        }

        /** The terminal with the first frame on it; null (and the terminal as it was) when that fails. */
        private TuiTerminal drawFirstFrame() {
            TuiTerminal t = null;
            try {
                t = opener.open();
                firstFrame.draw(t.screen());
                StartupMarks.mark("ahead: first frame");
                return t;
            } catch (IOException | RuntimeException e) {
                if (t != null) t.putAway();
                return null;
            }
        }

        private boolean setRaw() throws IOException, InterruptedException {
            stty.run(RAW);
            return true;
        }
    }

    /**
     * What the first frame needs that does not wait for the terminal, done on a thread of its own while the head
     * start waits for stty (a process, 10-80 ms) and picocli parses: the time zone's rules, Lanterna's key patterns,
     * its characters and the Unicode blocks (~8 ms), then the first frame itself on a virtual screen.
     */
    private static final class WarmUp implements Runnable {
        final FirstFrame firstFrame;

        WarmUp(FirstFrame firstFrame) {
            this.firstFrame = firstFrame;
        }

        @Override
        public void run() {
            ZoneId.systemDefault().getRules();
            new DefaultKeyDecodingProfile().getPatterns();
            TextCharacter.fromString("x");
            TerminalTextUtils.isCharCJK('x');
            if (firstFrame == null) return;
            try {
                firstFrame.draw(new TerminalScreen(new DefaultVirtualTerminal(new TerminalSize(120, 36))));
            } catch (IOException | RuntimeException e) {
                // only a warm-up: the frame on the terminal says what went wrong, if anything
            }
            StartupMarks.mark("ahead: warmed up");
        }
    }

    /** stty on the controlling terminal, as Lanterna runs it. */
    private static final class ProcessStty implements Stty {
        @Override
        public String run(String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("stty"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/tty"))).start();
            String out = new String(p.getInputStream().readAllBytes(), Charset.defaultCharset()).trim();
            if (p.waitFor() != 0) throw new IOException("stty " + String.join(" ", args) + " failed");
            return out;
        }
    }

    private static Ahead ahead;

    private TerminalHeadStart() {}

    /**
     * Starts the head start (once per process); raw mode only if {@code fullScreen} (asked on the other
     * thread: it may start infocmp) says the full-screen UI, not the line-mode shell, will take the terminal.
     */
    public static void begin(BooleanSupplier fullScreen) {
        begin(fullScreen, null);
    }

    /** As above, and then the first frame drawn ahead when {@code firstFrame} is not null (and raw mode was set). */
    public static void begin(BooleanSupplier fullScreen, FirstFrame firstFrame) {
        begin(fullScreen, firstFrame, new ProcessStty(), savedSettings(System.getenv("XSPY_STTY_SAVED")),
                new TuiTerminal.OfThisProcess(), true);
    }

    static void begin(BooleanSupplier fullScreen, Stty stty, boolean warmUi) {
        begin(fullScreen, null, stty, null, null, warmUi);
    }

    static void begin(BooleanSupplier fullScreen, FirstFrame firstFrame, Stty stty, String given, Opener opener, boolean warmUi) {
        Ahead a;
        synchronized (TerminalHeadStart.class) {
            if (ahead != null) return;
            a = new Ahead(stty, given, fullScreen, firstFrame, opener);
            ahead = a;
        }
        Thread t = new Thread(a, "xspy-head-start");
        t.setDaemon(true);
        t.start();
        if (warmUi) {
            Thread w = new Thread(new WarmUp(firstFrame), "xspy-warm-up");
            w.setDaemon(true);
            w.start();
        }
    }

    /** The settings read ahead (waiting for them if need be), once; null when none were or reading failed. */
    static String settings() {
        Ahead a;
        synchronized (TerminalHeadStart.class) {
            a = ahead;
            if (a == null || a.settingsTaken) return null;
            a.settingsTaken = true;
        }
        return result(a.settings);
    }

    /** Whether raw mode was set ahead (waiting for it if need be); the caller then owns it, once. */
    static boolean claimRawMode() {
        Ahead a;
        synchronized (TerminalHeadStart.class) {
            a = ahead;
            if (a == null || a.rawClaimed) return false;
            a.rawClaimed = true;
        }
        return Boolean.TRUE.equals(result(a.raw));
    }

    /**
     * The settings the launcher read with {@code stty -g} ({@code XSPY_STTY_SAVED}), if they look like what stty
     * prints (they go back to stty at exit): hex fields or name=value ones, separated by colons. Else null.
     */
    static String savedSettings(String value) {
        if (value == null || value.isEmpty() || value.length() > 4096) return null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == ':' || c == '=' || c == '_')) return null;
        }
        return value;
    }

    /** The terminal with the first frame drawn ahead (waiting for it if need be), once; null when none was. */
    static TuiTerminal takeTerminal() {
        Ahead a;
        synchronized (TerminalHeadStart.class) {
            a = ahead;
            if (a == null || a.drawnTaken) return null;
            a.drawnTaken = true;
        }
        return result(a.drawn);
    }

    /** Waits until the first frame asked for is drawn ahead (or could not be); the UI still takes it over. */
    public static void awaitFirstFrame() {
        Ahead a;
        synchronized (TerminalHeadStart.class) {
            a = ahead;
        }
        if (a != null && a.firstFrame != null) result(a.drawn);
    }

    /** How stty runs: as the head start runs it, else a process. */
    static Stty stty() {
        synchronized (TerminalHeadStart.class) {
            return ahead != null ? ahead.stty : new ProcessStty();
        }
    }

    /**
     * At exit, or before an error is printed: a first frame drawn ahead that the UI did not take is put away
     * (private mode left, settings restored), and raw mode set ahead for a UI that never took the terminal is
     * undone (the settings read are restored).
     */
    public static void release() {
        Ahead a;
        synchronized (TerminalHeadStart.class) {
            a = ahead;
            if (a == null) return;
        }
        TuiTerminal early = takeTerminal();
        if (early != null) early.putAway(); // its terminal claimed the raw mode and restores the settings
        synchronized (TerminalHeadStart.class) {
            ahead = null;
            if (a.rawClaimed) return;
            a.rawClaimed = true;
        }
        if (!Boolean.TRUE.equals(result(a.raw))) return;
        try {
            a.stty.run(result(a.settings));
        } catch (IOException e) {
            // the terminal is gone: nothing to restore it on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T result(Future<T> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
