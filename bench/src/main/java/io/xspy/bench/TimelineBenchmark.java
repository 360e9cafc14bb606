package io.xspy.bench;

import io.xspy.timeline.AnsiText;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.TimelineLayout;
import io.xspy.timeline.TimelineOptions;
import io.xspy.timeline.TimelineRenderer;
import io.xspy.timeline.TimelineRow;
import io.xspy.trace.ParseResult;
import io.xspy.trace.SegmentDocuments;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceAssembler;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The timeline of a 10,000-node trace: from JSON text to one 200-column frame, from the assembled
 * trace to one frame (what the TUI does on each key press), and every row as text (what
 * {@code xspy trace} prints).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TimelineBenchmark {

    static final int WIDTH = 200;
    static final int FRAME_ROWS = 60;

    @Param("10000")
    public int nodes;

    String json;
    Trace trace;
    TimelineOptions frame;

    @Setup
    public void setUp() {
        json = BigTraces.batchGetTraces(nodes, 42);
        trace = assemble(json);
        if (trace.nodeCount() != nodes) throw new IllegalStateException(trace.nodeCount() + " nodes, wanted " + nodes);
        // the frame a user scrolled to, in the middle of the trace
        frame = TimelineOptions.full(WIDTH, false).withWindow(nodes / 2, FRAME_ROWS).withSelectedRow(nodes / 2 + 3);
    }

    static Trace assemble(String json) {
        ParseResult parsed = SegmentDocuments.parse(json, "big.json");
        return TraceAssembler.assemble(parsed.segments().get(0).traceId(), parsed.segments());
    }

    @Benchmark
    public Canvas parseAssembleLayoutRenderFrame() {
        Trace t = assemble(json);
        return TimelineRenderer.render(t, TimelineLayout.rows(t, Set.of()), frame);
    }

    @Benchmark
    public Canvas layoutRenderFrame() {
        return TimelineRenderer.render(trace, TimelineLayout.rows(trace, Set.of()), frame);
    }

    @Benchmark
    public String layoutRenderEveryRowAsText() {
        List<TimelineRow> rows = TimelineLayout.rows(trace, Set.of());
        return AnsiText.of(TimelineRenderer.render(trace, rows, TimelineOptions.full(WIDTH, false)), true);
    }
}
