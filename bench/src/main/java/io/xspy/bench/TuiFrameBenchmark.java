package io.xspy.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.xspy.source.demo.DemoBatch;
import io.xspy.source.demo.DemoWorld;
import io.xspy.source.local.EmbeddedSource;
import io.xspy.source.local.TraceStore;
import io.xspy.trace.SegmentParser;
import io.xspy.tui.Tui;
import io.xspy.tui.TuiOptions;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Frames of the TUI on a 160×48 virtual terminal with 100,000 demo traces stored, driven through real
 * key events (one {@link Tui#step()}: the key, loads run inline, render, copy, refresh):
 *
 * <ul>
 *   <li>{@code scrollOneRow}: ↓ with the cursor on the list's last visible row, so every row of the
 *       list moves (the diffing refresh rewrites the list), a frame that changed;
 *   <li>{@code openTrace}: Enter on a trace of the list, a different one each time, up to its first
 *       frame (load, assemble, timeline); Esc back and ↓ happen outside the measurement;
 *   <li>{@code tracesListFrame}, {@code traceWithLogsFrame}: the same state drawn again, which the
 *       diffing refresh turns into no output (render and compare only).
 * </ul>
 * Target: every frame under 16 ms. The list holds the first 5,000 rows (50 pages) of all 100,000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class TuiFrameBenchmark {

    static final int LISTED = 5_000;
    static final KeyStroke DOWN = new KeyStroke(KeyType.ArrowDown);

    @Param({"100000"})
    int traces;

    /** A UI on its own virtual terminal, driven key by key. */
    record Ui(Tui tui, DefaultVirtualTerminal terminal) {
        String row(int y) {
            StringBuilder line = new StringBuilder();
            for (int x = 0; x < terminal.getTerminalSize().getColumns(); x++) {
                line.append(terminal.getBufferCharacter(x, y).getCharacterString());
            }
            return line.toString();
        }

        void press(KeyStroke... keys) throws IOException {
            for (KeyStroke k : keys) {
                terminal.addInput(k);
                tui.step();
            }
        }

        void press(char c) throws IOException {
            press(new KeyStroke(c, false, false));
        }
    }

    Ui list;
    Ui trace;
    Ui scrolling;
    Ui opening;
    /** Rows the scrolling list's cursor has moved down from the top since the last reset. */
    int scrolled;
    /** The row of the opening list's cursor, and whether its trace is open. */
    int openedRow;
    boolean open;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Instant now = Instant.parse("2026-11-26T16:00:00Z");
        // uploads come about every ten seconds, a day of them at a time (never all documents in memory at once)
        Instant start = now.minusSeconds(traces * 10L);
        DemoWorld world = new DemoWorld(7, start, start.plusSeconds(600));
        // the newest 100,000 log lines: the trace with logs is among the newest
        TraceStore store = new TraceStore(traces, 100_000);
        SegmentParser parser = new SegmentParser("demo", new ArrayList<>());
        for (Instant t = start.plus(Duration.ofDays(1)); store.counters().traces() < traces && t.isBefore(now.plus(Duration.ofDays(30)));
                t = t.plus(Duration.ofDays(1))) {
            DemoBatch batch = world.advance(t.isAfter(now) ? now : t);
            for (ObjectNode doc : batch.segmentDocuments()) store.ingest(parser.parseDocument(doc));
            batch.logEvents().forEach(store::addLog);
            if (!t.isBefore(now)) break;
        }
        if (store.counters().traces() < traces) throw new IllegalStateException("only " + store.counters().traces() + " traces stored");
        EmbeddedSource source = new EmbeddedSource("demo", store);
        TuiOptions options = new TuiOptions(Duration.ofSeconds(traces * 10L + 86_400), "", false, true, false, null);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);

        list = listOfAll(source, options, clock);
        scrolling = listOfAll(source, options, clock);
        resetScroll();
        opening = listOfAll(source, options, clock);
        opening.press('g');
        checkFramesChange();

        trace = open(source, options, clock);
        trace.press(new KeyStroke('/', false, false), new KeyStroke(KeyType.Enter), new KeyStroke(KeyType.Enter));
    }

    /** The traces of every service (an empty filter), {@value #LISTED} rows of them loaded. */
    private Ui listOfAll(EmbeddedSource source, TuiOptions options, Clock clock) throws IOException {
        Ui ui = open(source, options, clock);
        ui.press(new KeyStroke('/', false, false), new KeyStroke(KeyType.Enter));
        for (int i = 0; i < LISTED / 100; i++) ui.press('G');
        String header = ui.row(0);
        Matcher loaded = Pattern.compile("(\\d+)\\+? traces").matcher(header);
        if (!loaded.find() || Integer.parseInt(loaded.group(1)) < LISTED) throw new IllegalStateException("not all rows loaded: " + header);
        return ui;
    }

    private static Ui open(EmbeddedSource source, TuiOptions options, Clock clock) throws IOException {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(160, 48));
        Tui tui = new Tui(source, options, terminal, clock, Runnable::run);
        tui.step();
        return new Ui(tui, terminal);
    }

    /** Fails the trial unless ↓ moves every row of the list and Enter shows a trace: what is measured is a change. */
    private void checkFramesChange() throws IOException {
        String before = scrolling.row(3);
        scrollOneRow();
        if (scrolling.row(3).equals(before)) throw new IllegalStateException("↓ did not scroll the list: " + before);
        String listHeader = opening.row(0);
        openTrace();
        String traceHeader = opening.row(0);
        if (traceHeader.equals(listHeader) || !traceHeader.contains(" nodes")) {
            throw new IllegalStateException("Enter did not open a trace: " + traceHeader);
        }
        beforeEach();
        if (!opening.row(0).equals(listHeader)) throw new IllegalStateException("Esc did not go back: " + opening.row(0));
    }

    /** Top of the list, then the cursor down to the last visible row, so that the next ↓ scrolls. */
    private void resetScroll() throws IOException {
        scrolling.press('g');
        for (int i = 0; i < 48; i++) scrolling.press(DOWN);
        scrolled = 48;
    }

    /** Far enough from the loaded end that ↓ never starts loading the next page. */
    @Setup(Level.Invocation)
    public void beforeEach() throws IOException {
        if (scrolled >= LISTED - 500) resetScroll();
        if (open) {
            opening.press(new KeyStroke(KeyType.Escape), DOWN);
            open = false;
            if (++openedRow >= LISTED - 500) {
                opening.press('g');
                openedRow = 0;
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (Ui ui : new Ui[] {list, trace, scrolling, opening}) ui.tui().close();
    }

    @Benchmark
    public void scrollOneRow() throws IOException {
        scrolling.press(DOWN);
        scrolled++;
    }

    @Benchmark
    public void openTrace() throws IOException {
        opening.press(new KeyStroke(KeyType.Enter));
        open = true;
    }

    @Benchmark
    public void tracesListFrame() throws IOException {
        list.tui().draw();
    }

    @Benchmark
    public void traceWithLogsFrame() throws IOException {
        trace.tui().draw();
    }
}
