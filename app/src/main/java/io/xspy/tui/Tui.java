package io.xspy.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import io.xspy.source.TraceSource;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.Cell;
import io.xspy.timeline.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The terminal UI: a loop on the calling thread that reads keys, applies loaded results, and
 * draws the state (through a {@link Canvas}) to a Lanterna screen. {@link #run} is the entry point
 * for the CLI; the constructor takes any Lanterna terminal, so tests drive a virtual one.
 */
public final class Tui implements AutoCloseable {

    private final App app;
    private final Screen screen;
    private final Palette palette;
    private final ExecutorService ownExecutor;
    /** Holds the own executor's loads until the first frame is drawn (null with the caller's executor). */
    private final FirstFrameGate gate;
    private boolean dirty = true;
    /** Set on every SIGWINCH, even when the size ends where it began (a storm Lanterna sees as no resize). */
    private final AtomicBoolean windowChanged = new AtomicBoolean();

    // What run hands the signal handler and the shutdown hook, made here rather than as lambdas in run: the
    // build's representative run makes a Tui (so the class-data-sharing archive holds these) but cannot call run,
    // and a lambda spun up at run time costs ~1-15 ms before the first frame.
    static final LongSupplier NANO_TIME = System::nanoTime;
    private final Runnable onWindowChange = () -> windowChanged.set(true);
    private final Runnable onExit = this::close;
    private boolean started;
    /** Whether start-up is marked (not for a frame drawn ahead, which the head start marks itself). */
    private boolean marks = true;
    private long lastFrameNanos;
    private int frames;

    /**
     * A UI on the given terminal. {@code executor} runs the loads (tests pass a direct one for
     * deterministic screens); null gives each load a background thread of its own.
     */
    public Tui(TraceSource source, TuiOptions options, Terminal terminal, Clock clock, java.util.concurrent.Executor executor)
            throws IOException {
        this(source, options, terminal, clock, executor, NANO_TIME);
    }

    /**
     * As above, with the monotonic time (nanoseconds) that paces the live refresh of the status
     * line and of a live source's list; tests pass one they advance themselves.
     */
    public Tui(TraceSource source, TuiOptions options, Terminal terminal, Clock clock, java.util.concurrent.Executor executor,
            LongSupplier ticker) throws IOException {
        this(source, options, terminal, clock, executor, ticker, Clipboard.NONE);
    }

    /** As above, with where {@code y} copies to (OSC 52 on the terminal's stream, or nowhere). */
    Tui(TraceSource source, TuiOptions options, Terminal terminal, Clock clock, java.util.concurrent.Executor executor,
            LongSupplier ticker, Clipboard clipboard) throws IOException {
        this(source, options, new TerminalScreen(terminal), clock, executor, ticker, clipboard);
    }

    /** As above, on a screen (started already when the first frame was drawn ahead on it). */
    Tui(TraceSource source, TuiOptions options, Screen screen, Clock clock, java.util.concurrent.Executor executor,
            LongSupplier ticker, Clipboard clipboard) {
        // a thread per load (reused when idle): a cancelled call that ignores its interrupt, such as
        // a hung network read, never holds up the next load
        this.ownExecutor = executor == null ? Executors.newCachedThreadPool(new LoaderThreads()) : null;
        this.gate = executor == null ? new FirstFrameGate(ownExecutor) : null;
        this.app = new App(source, options, clock, new Loader(executor == null ? gate : executor), ticker);
        this.app.clipboard = clipboard;
        this.palette = new Palette(options.color());
        this.screen = screen;
    }

    /**
     * Starts {@code screen} and draws on it the first frame of a UI over {@code source}, as {@link #run} will
     * (which then takes the screen over): the loads are asked for, so the frame says what it is loading, and
     * never run here. For {@link TerminalHeadStart}, while the command line is parsed.
     */
    public static void drawFirstFrame(Screen screen, TraceSource source, TuiOptions options, Clock clock) throws IOException {
        Tui ahead = new Tui(source, options, screen, clock, new NoLoads(), NANO_TIME, Clipboard.NONE);
        ahead.marks = false;
        ahead.start();
        ahead.draw();
    }

    /**
     * Opens the UI on the process's terminal (never a Swing window) and returns when the user
     * quits. The terminal is restored on quit, on Ctrl-C and after a crash; nothing else prints to
     * stdout or stderr meanwhile (what the process writes there is held and printed afterwards).
     */
    public static void run(TraceSource source, TuiOptions options) throws IOException {
        run(source, options, Clock.systemDefaultZone());
    }

    /** As {@link #run(TraceSource, TuiOptions)}, on a given clock (a file's traces are shown as of their end). */
    public static void run(TraceSource source, TuiOptions options, Clock clock) throws IOException {
        run(source, options, clock, null);
    }

    /** As above, opened at a trace (over the services screen, where Esc goes back) unless {@code traceId} is null. */
    public static void run(TraceSource source, TuiOptions options, Clock clock, String traceId) throws IOException {
        PrintStream out = System.out;
        PrintStream err = System.err;
        out.flush();
        TuiTerminal t = TerminalHeadStart.takeTerminal(); // with the first frame on it, drawn ahead
        if (t == null) t = TuiTerminal.open();
        OutputStream tty = t.tty();
        ByteArrayOutputStream held = new ByteArrayOutputStream();
        Clipboard clipboard = Osc52.supported(System.getenv()) ? new Osc52(tty, new Osc52.TerminalFlush(t.terminal()), System.getenv("TMUX") != null) : Clipboard.NONE;
        Tui tui = new Tui(source, options, t.screen(), clock, null, NANO_TIME, clipboard);
        StartupMarks.mark("ui");
        WindowChanges.watch(tui.onWindowChange);
        Thread restore = new Thread(tui.onExit, "xspy-restore-terminal");
        Runtime.getRuntime().addShutdownHook(restore);
        PrintStream hold = new PrintStream(held, true, Charset.defaultCharset());
        System.setOut(hold);
        System.setErr(hold);
        try {
            if (traceId != null) {
                tui.start();
                tui.app.open(new TraceScreen(traceId));
            }
            tui.loop();
        } finally {
            tui.close();
            try {
                tty.flush();
            } catch (IOException gone) {
                // the terminal is gone; nothing more to show on it
            }
            System.setOut(out);
            System.setErr(err);
            try {
                Runtime.getRuntime().removeShutdownHook(restore);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
            if (held.size() > 0) err.print(held.toString(Charset.defaultCharset()));
        }
    }

    /** Starts the screen and the first loads. */
    public void start() throws IOException {
        if (started) return;
        started = true;
        screen.startScreen();
        screen.setCursorPosition(null);
        if (marks) StartupMarks.mark("screen started");
        app.start();
        if (marks) StartupMarks.mark("first loads started");
    }

    /** Runs until the user quits. */
    public void loop() throws IOException {
        start();
        while (!app.quit) {
            if (!step()) {
                try {
                    Thread.sleep(app.loader.busy() ? 30 : 10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * One turn of the loop: resize (then every cell is repainted), keys, timers, loaded results, then a frame if anything
     * changed. Returns whether anything happened.
     */
    public boolean step() throws IOException {
        start();
        boolean changed = false;
        if (screen.doResizeIfNecessary() != null | windowChanged.getAndSet(false)) {
            // the terminal kept, clipped or blanked what it showed: repaint every cell, not the changes
            app.repaint = true;
            changed = true;
        }
        for (KeyStroke k; !app.quit && (k = screen.pollInput()) != null; ) {
            app.key(Key.from(k));
            changed = true;
        }
        if (app.tick()) changed = true;
        if (app.loader.drain()) changed = true;
        // progress lines change on their own while a load runs
        if (app.loader.busy() && System.nanoTime() - lastFrameNanos > 100_000_000L) changed = true;
        if (changed || dirty) {
            draw();
            dirty = false;
        }
        return changed;
    }

    /** Draws the current state now (render onto a canvas, copy to the screen, refresh). */
    public void draw() throws IOException {
        TerminalSize size = screen.getTerminalSize();
        app.width = size.getColumns();
        app.height = size.getRows();
        Canvas canvas = Screens.render(app, size.getColumns(), size.getRows());
        copy(canvas);
        boolean complete = app.repaint;
        app.repaint = false;
        screen.refresh(complete ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
        lastFrameNanos = System.nanoTime();
        if (frames++ < 3 && marks) StartupMarks.mark("frame " + frames);
        if (gate != null) gate.open();
    }

    private final Map<Cell, TextCharacter> characters = new HashMap<>();

    /** Copies canvas cells to the screen's back buffer; the second half of a wide character is skipped. */
    private void copy(Canvas canvas) {
        TerminalSize size = screen.getTerminalSize();
        int w = Math.min(canvas.width(), size.getColumns());
        int h = Math.min(canvas.height(), size.getRows());
        if (characters.size() > 4096) characters.clear();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                Cell cell = canvas.cell(x, y);
                if (cell.isContinuation()) continue;
                TextCharacter ch = characters.computeIfAbsent(cell, this::character);
                boolean wide = x + 1 < canvas.width() && canvas.cell(x + 1, y).isContinuation();
                if (ch.isDoubleWidth() != wide) {
                    // Lanterna would count this glyph's columns differently from the canvas (and the
                    // terminal): show the placeholder, so no column drifts
                    ch = characters.computeIfAbsent(new Cell(Text.PLACEHOLDER, cell.style()), this::character);
                    if (wide) screen.setCharacter(x + 1, y, characters.computeIfAbsent(new Cell(" ", cell.style()), this::character));
                }
                screen.setCharacter(x, y, ch);
            }
        }
    }

    private TextCharacter character(Cell cell) {
        Palette.Look look = palette.look(cell.style());
        TextCharacter[] chars = TextCharacter.fromString(cell.text(), look.fg(), look.bg(), look.sgr());
        return chars.length == 0 ? TextCharacter.DEFAULT_CHARACTER : chars[0];
    }

    public boolean quitRequested() {
        return app.quit;
    }

    /** Restores the terminal: leaves the private screen, shows the cursor. Safe to call twice. */
    @Override
    public synchronized void close() {
        try {
            if (started) screen.stopScreen();
        } catch (IOException | RuntimeException e) {
            // the terminal is gone; nothing more to restore
        } finally {
            started = false;
            if (ownExecutor != null) ownExecutor.shutdownNow();
        }
    }

    App app() {
        return app;
    }

    Screen screen() {
        return screen;
    }

    /** Where the loads of a frame drawn ahead go: nowhere (the UI that takes its screen over asks again). */
    static final class NoLoads implements java.util.concurrent.Executor {
        @Override
        public void execute(Runnable task) {
            // dropped
        }
    }

    /** The loads' daemon threads (a class, not a lambda: see {@link #NANO_TIME}). */
    static final class LoaderThreads implements java.util.concurrent.ThreadFactory {
        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "xspy-loader");
            t.setDaemon(true);
            return t;
        }
    }
}
