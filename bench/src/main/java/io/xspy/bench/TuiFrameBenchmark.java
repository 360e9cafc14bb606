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
 * One frame of the TUI (render onto the canvas, copy to the screen, refresh a 160×48 virtual
 * terminal) with thousands of demo traces loaded: the traces list, and a trace with its logs.
 * Target: every frame under 16 ms, whatever is loaded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TuiFrameBenchmark {

    @Param({"5000"})
    int traces;

    /** A UI on its own virtual terminal, driven key by key. */
    record Ui(Tui tui, DefaultVirtualTerminal terminal) {
        String header() {
            StringBuilder line = new StringBuilder();
            for (int x = 0; x < terminal.getTerminalSize().getColumns(); x++) {
                line.append(terminal.getBufferCharacter(x, 0).getCharacterString());
            }
            return line.toString();
        }

        void press(KeyStroke... keys) throws IOException {
            for (KeyStroke k : keys) {
                terminal.addInput(k);
                tui.step();
            }
        }
    }

    Ui list;
    Ui trace;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Instant now = Instant.parse("2026-11-26T16:00:00Z");
        // uploads come about every ten seconds
        Instant start = now.minusSeconds(traces * 10L);
        DemoBatch batch = new DemoWorld(7, start, start.plusSeconds(600)).advance(now);
        TraceStore store = new TraceStore();
        SegmentParser parser = new SegmentParser("demo", new ArrayList<>());
        for (ObjectNode doc : batch.segmentDocuments()) store.ingest(parser.parseDocument(doc));
        batch.logEvents().forEach(store::addLog);
        EmbeddedSource source = new EmbeddedSource("demo", store);
        TuiOptions options = new TuiOptions(Duration.ofDays(2), "", false, true, false, null);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);

        list = open(source, options, clock);
        // the traces of every service (an empty filter), then all pages down to the last
        list.press(new KeyStroke('/', false, false), new KeyStroke(KeyType.Enter));
        for (int i = 0; i < traces / 100 + 2; i++) list.press(new KeyStroke('G', false, false));

        String header = list.header();
        java.util.regex.Matcher loaded = java.util.regex.Pattern.compile("(\\d+) traces").matcher(header);
        if (!loaded.find() || Integer.parseInt(loaded.group(1)) < traces) throw new IllegalStateException("not all traces loaded: " + header);

        trace = open(source, options, clock);
        trace.press(new KeyStroke('/', false, false), new KeyStroke(KeyType.Enter), new KeyStroke(KeyType.Enter));
    }

    private static Ui open(EmbeddedSource source, TuiOptions options, Clock clock) throws IOException {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(160, 48));
        Tui tui = new Tui(source, options, terminal, clock, Runnable::run);
        tui.step();
        return new Ui(tui, terminal);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        list.tui().close();
        trace.tui().close();
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
