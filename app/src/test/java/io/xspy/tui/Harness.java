package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.googlecode.lanterna.TerminalSize;
import io.xspy.testing.GoldenFiles;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Drives a {@link Tui} on Lanterna's virtual terminal: keys by name, one loop step per key, loads
 * run on the calling thread (so every screen is deterministic), screens read back as text.
 */
final class Harness implements AutoCloseable {

    final DefaultVirtualTerminal terminal;
    final Tui tui;
    /** The UI's monotonic time: it moves only when a test calls {@link #tick}. */
    private final java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();

    Harness(io.xspy.source.TraceSource source, TuiOptions options, int width, int height) {
        this(source, options, width, height, Runnable::run);
    }

    Harness(io.xspy.source.TraceSource source, TuiOptions options, int width, int height, Executor executor) {
        this(source, options, width, height, executor, Clipboard.NONE);
    }

    /** A UI whose y copies to {@code clipboard} (an {@link Osc52} over a byte stream, to read what it wrote). */
    Harness(io.xspy.source.TraceSource source, TuiOptions options, int width, int height, Executor executor, Clipboard clipboard) {
        terminal = new DefaultVirtualTerminal(new TerminalSize(width, height));
        try {
            tui = new Tui(source, options, terminal, Fixtures.CLOCK, executor, nanos::get, clipboard);
            tui.step();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TuiOptions options() {
        return new TuiOptions(TuiOptions.DEFAULT_WINDOW, "", false, true, false, null);
    }

    Harness keys(String... names) {
        for (String n : names) {
            terminal.addInput(stroke(n));
            step();
        }
        return this;
    }

    Harness type(String text) {
        for (char c : text.toCharArray()) {
            terminal.addInput(new KeyStroke(c, false, false));
            step();
        }
        return this;
    }

    Harness step() {
        try {
            tui.step();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Steps the UI until its screen satisfies {@code ready}, for loads on threads of their own; fails
     * with the last screen after a generous bound (a state is awaited, never a time).
     */
    String stepUntil(java.util.function.Predicate<String> ready, String what) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        String screen;
        while (!ready.test(screen = step().screen())) {
            if (System.nanoTime() > deadline) throw new AssertionError("waited 60 s for " + what + "; the screen was:\n" + screen);
            try {
                Thread.sleep(5); // a poll interval, not a wait for time: the loop ends on a state of the screen
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
        return screen;
    }

    /** Lets one live-refresh period pass, then steps the UI (no key pressed). */
    Harness tick() {
        nanos.addAndGet(App.LIVE_PERIOD_NANOS);
        return step();
    }

    Harness resize(int w, int h) {
        terminal.setTerminalSize(new TerminalSize(w, h));
        return step();
    }

    static KeyStroke stroke(String name) {
        if (name.length() == 1) return new KeyStroke(name.charAt(0), false, false);
        if (name.startsWith("Ctrl-")) return new KeyStroke(Character.toLowerCase(name.charAt(5)), true, false);
        return switch (name) {
            case "Space" -> new KeyStroke(' ', false, false);
            case "Enter" -> new KeyStroke(KeyType.Enter);
            case "Esc" -> new KeyStroke(KeyType.Escape);
            case "Backspace" -> new KeyStroke(KeyType.Backspace);
            case "Tab" -> new KeyStroke(KeyType.Tab);
            case "Up" -> new KeyStroke(KeyType.ArrowUp);
            case "Down" -> new KeyStroke(KeyType.ArrowDown);
            case "Left" -> new KeyStroke(KeyType.ArrowLeft);
            case "Right" -> new KeyStroke(KeyType.ArrowRight);
            case "PgUp" -> new KeyStroke(KeyType.PageUp);
            case "PgDn" -> new KeyStroke(KeyType.PageDown);
            case "Home" -> new KeyStroke(KeyType.Home);
            case "End" -> new KeyStroke(KeyType.End);
            default -> throw new IllegalArgumentException("no key " + name);
        };
    }

    /** The terminal's text, one line per row, trailing spaces removed. */
    String screen() {
        TerminalSize size = terminal.getTerminalSize();
        List<String> lines = new ArrayList<>();
        for (int y = 0; y < size.getRows(); y++) {
            StringBuilder line = new StringBuilder();
            for (int x = 0; x < size.getColumns(); x++) {
                TextCharacter c = terminal.getBufferCharacter(x, y);
                line.append(c.getCharacterString());
                if (c.isDoubleWidth()) x++;
            }
            lines.add(line.toString().replaceAll("\\s+$", ""));
        }
        return String.join("\n", lines) + "\n";
    }

    /** What the UI draws for its current state at the terminal's size, rendered afresh, as text. */
    String freshRender() {
        TerminalSize size = terminal.getTerminalSize();
        return Screens.render(tui.app(), size.getColumns(), size.getRows()).toText();
    }

    /** The canvas the UI draws now (styles included), for what text alone does not show. */
    io.xspy.timeline.Canvas canvas() {
        TerminalSize size = terminal.getTerminalSize();
        return Screens.render(tui.app(), size.getColumns(), size.getRows());
    }

    /** Compares the screen with a golden file; -Dgolden.update=true rewrites the file instead. */
    void assertGolden(String name) {
        GoldenFiles.check("tui", name + ".txt", screen());
    }

    @Override
    public void close() {
        tui.close();
    }
}
