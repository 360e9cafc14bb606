package io.xspy.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Analytics screen (issue 10) over 100,000 demo traces in the embedded store, on a 160×48
 * virtual terminal; the loads run on the calling thread when the benchmark says so:
 * <ul>
 * <li>{@code analyticsFrame}: one frame of the finished screen (render, copy, refresh). Target < 16 ms.</li>
 * <li>{@code firstFrameAfterA}: from {@code a} on the list of all traces to the first frame that shows
 *     statistics: those of the newest 5,000 traces (listing their ids, reading them, grouping every
 *     span by path with the cold/warm split), the screen saying it reads the rest, and the frame.
 *     Target < 1 s. Each shot starts from the list again; the first shot runs with cold caches, the
 *     later ones warm.</li>
 * <li>{@code allTracesAfterA}: as above, and then the rest of the 100,000 (listed, read, walked and
 *     combined with the first part) and the frame that shows the statistics of all.</li>
 * <li>{@code wholeScreenAfterA}: as above, and then the load that follows (where each function's time
 *     goes, the annotation names) and the frame that shows it.</li>
 * </ul>
 * Run with {@code java -jar bench/target/benchmarks.jar AnalyticsFrameBenchmark}.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class AnalyticsFrameBenchmark {

    static final int TRACES = 100_000;

    Tui tui;
    DefaultVirtualTerminal terminal;
    /** The loads the UI started, run when the benchmark says. */
    final ArrayDeque<Runnable> loads = new ArrayDeque<>();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Instant now = Instant.parse("2026-11-26T16:00:00Z");
        Instant start = now.minusSeconds(TRACES * 12L);
        DemoWorld world = new DemoWorld(7, start, start.plusSeconds(TRACES * 6L));
        TraceStore store = new TraceStore(TRACES, 0);
        SegmentParser parser = new SegmentParser("demo", new ArrayList<>());
        // a day at a time, so the documents of 100,000 traces are never all in memory at once
        for (Instant t = start.plus(Duration.ofDays(1)); store.counters().traces() < TRACES && t.isBefore(now.plus(Duration.ofDays(30)));
                t = t.plus(Duration.ofDays(1))) {
            for (ObjectNode doc : world.advance(t).segmentDocuments()) store.ingest(parser.parseDocument(doc));
        }
        EmbeddedSource source = new EmbeddedSource("demo", store);
        terminal = new DefaultVirtualTerminal(new TerminalSize(160, 48));
        TuiOptions options = new TuiOptions(Duration.ofDays(60), "", false, true, false, null);
        tui = new Tui(source, options, terminal, Clock.fixed(now.plus(Duration.ofDays(30)), ZoneOffset.UTC), loads::add);
        loadAll();
        // the list of all traces (an empty filter), then their analytics, with everything loaded
        press(new KeyStroke('/', false, false));
        press(new KeyStroke(KeyType.Enter));
        loadAll();
        press(new KeyStroke('a', false, false));
        loadAll();
        String header = row(0);
        if (!header.contains(TRACES + " traces")) throw new IllegalStateException("not every trace in the statistics: " + header);
    }

    /** Runs the loads (and those their results start) and steps the UI after each. */
    private void loadAll() throws IOException {
        tui.step();
        for (Runnable load; (load = loads.poll()) != null; ) {
            load.run();
            tui.step();
        }
    }

    private void press(KeyStroke... keys) throws IOException {
        for (KeyStroke k : keys) {
            terminal.addInput(k);
            tui.step();
        }
    }

    private String row(int y) {
        StringBuilder line = new StringBuilder();
        for (int x = 0; x < terminal.getTerminalSize().getColumns(); x++) line.append(terminal.getBufferCharacter(x, y).getCharacterString());
        return line.toString();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        tui.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public void analyticsFrame() throws IOException {
        tui.draw();
    }

    /** Back to the list before each shot of {@link #firstFrameAfterA}. */
    @State(Scope.Thread)
    public static class FromTheList {
        @Setup(Level.Invocation)
        public void back(AnalyticsFrameBenchmark b) throws IOException {
            b.press(new KeyStroke(KeyType.Escape));
            b.loads.clear(); // a breakdown cancelled by Esc
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 6)
    public String firstFrameAfterA(FromTheList list) throws IOException {
        press(new KeyStroke('a', false, false));
        loads.poll().run();
        tui.step();
        String counts = row(2);
        if (!counts.contains("split by cold")) throw new IllegalStateException("no statistics after a: " + counts);
        return counts;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 6)
    public String allTracesAfterA(FromTheList list) throws IOException {
        press(new KeyStroke('a', false, false));
        loads.poll().run(); // the newest traces
        tui.step();
        loads.poll().run(); // the rest
        tui.step();
        String counts = row(2);
        if (!counts.contains(TRACES + " traces")) throw new IllegalStateException("not the statistics of all traces after a: " + counts);
        return counts;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 6)
    public String wholeScreenAfterA(FromTheList list) throws IOException {
        press(new KeyStroke('a', false, false));
        loadAll();
        for (int y = 0; y < terminal.getTerminalSize().getRows(); y++) {
            if (row(y).contains("where the time goes (")) return row(y);
        }
        throw new IllegalStateException("no breakdown after a");
    }
}
