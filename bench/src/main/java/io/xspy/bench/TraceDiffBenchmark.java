package io.xspy.bench;

import io.xspy.stats.CriticalPath;
import io.xspy.stats.TraceDiff;
import io.xspy.statsview.TraceDiffView;
import io.xspy.timeline.Canvas;
import io.xspy.trace.Trace;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Two 10,000-node traces ({@code BigTraces}, two seeds: the same shape, other loop lengths, calls and
 * timings) aligned by span path, and the critical path of one. The {@code first…} benchmarks time the
 * first call in a fresh JVM (classes loaded, code interpreted: what a user's {@code xspy diff} meets),
 * one shot in each of several forks; the others the same work once warm (what the TUI meets again).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class TraceDiffBenchmark {

    @Param("10000")
    public int nodes;

    Trace a;
    Trace b;
    TraceDiffView view;

    @Setup
    public void setUp() {
        a = TimelineBenchmark.assemble(BigTraces.batchGetTraces(nodes, 42));
        b = TimelineBenchmark.assemble(BigTraces.batchGetTraces(nodes, 43));
        if (a.nodeCount() != nodes || b.nodeCount() != nodes) throw new IllegalStateException("node counts");
        view = new TraceDiffView(TraceDiff.of(a, b));
        view.render(160, false, 0, 22, 0);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public TraceDiff diff() {
        return TraceDiff.of(a, b);
    }

    /** The diff and the first frame the TUI's Diff screen draws (160 columns, 22 rows of the middle). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Canvas diffAndFirstFrame() {
        TraceDiff diff = TraceDiff.of(a, b);
        return new TraceDiffView(diff).render(160, false, diff.rows().size() / 2, 22, diff.rows().size() / 2 + 3);
    }

    /** A frame of the Diff screen after the first (a key pressed): the rows are laid out already. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Canvas nextFrame() {
        return view.render(160, false, view.diff().rows().size() / 2, 22, view.diff().rows().size() / 2 + 3);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public CriticalPath criticalPath() {
        return CriticalPath.of(a);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 5, jvmArgs = {"-Xmx2g"})
    public TraceDiff firstDiff() {
        return TraceDiff.of(a, b);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 5, jvmArgs = {"-Xmx2g"})
    public CriticalPath firstCriticalPath() {
        return CriticalPath.of(a);
    }
}
