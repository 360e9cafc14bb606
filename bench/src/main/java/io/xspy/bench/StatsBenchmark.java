package io.xspy.bench;

import io.xspy.query.Filter;
import io.xspy.stats.Breakdown;
import io.xspy.stats.PathComparison;
import io.xspy.stats.SpanSelector;
import io.xspy.stats.SpanStats;
import io.xspy.stats.Split;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Statistics of one span path (the Go function's DynamoDB PutItem, split cold/warm) over 100,000
 * demo-like traces held in memory, as {@link FilterBenchmark} builds them. Target: under 200 ms a pass.
 * {@code firstPass} reads traces built just before it (nothing of them in a CPU cache, every
 * per-computation structure new), once per iteration; {@code repeat} is the same pass again and again
 * over the same traces. Also where the time goes (every function) and an A/B of two halves. Run with
 * {@code java -jar bench/target/benchmarks.jar StatsBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class StatsBenchmark {

    static final int TRACES = 100_000;
    static final SpanSelector GO_DYNAMODB = SpanSelector.of("xraystarter-go > Invocation > handler > DynamoDB PutItem");

    @State(Scope.Benchmark)
    public static class Loaded {
        List<Trace> traces;
        List<Trace> firstHalf;
        List<Trace> secondHalf;

        @Setup(Level.Trial)
        public void setUp() {
            traces = build(42);
            firstHalf = traces.subList(0, TRACES / 2);
            secondHalf = traces.subList(TRACES / 2, TRACES);
            check(SpanStats.compute(traces, Filter.ALL, GO_DYNAMODB, Split.COLD));
        }
    }

    /** Traces built anew before each measured pass. */
    @State(Scope.Thread)
    public static class Fresh {
        List<Trace> traces;
        int seed;

        @Setup(Level.Iteration)
        public void setUp() {
            traces = null; // the old ones can go before the new ones are built
            traces = build(++seed);
            System.gc(); // the building's garbage is not the pass's to collect

        }
    }

    @Benchmark
    public SpanStats repeat(Loaded state) {
        return SpanStats.compute(state.traces, Filter.ALL, GO_DYNAMODB, Split.COLD);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public SpanStats firstPass(Fresh fresh) {
        return SpanStats.compute(fresh.traces, Filter.ALL, GO_DYNAMODB, Split.COLD);
    }

    @Benchmark
    public List<Breakdown> breakdownAllFunctions(Loaded state) {
        return Breakdown.of(state.traces, Filter.ALL, fn -> true);
    }

    @Benchmark
    public List<PathComparison> compareHalves(Loaded state) {
        return PathComparison.of(SpanStats.compute(state.firstHalf, Filter.ALL, GO_DYNAMODB, Split.NONE),
                SpanStats.compute(state.secondHalf, Filter.ALL, GO_DYNAMODB, Split.NONE));
    }

    static List<Trace> build(long seed) {
        Random random = new Random(seed);
        List<Trace> out = new ArrayList<>(TRACES);
        for (int i = 0; i < TRACES; i++) out.add(FilterBenchmark.demoTrace(i, random));
        return out;
    }

    static void check(SpanStats stats) {
        if (stats.paths().size() != 1 || stats.paths().get(0).all().count() < TRACES / 4) {
            throw new IllegalStateException("the benchmark's span path is not in the generated traces: " + stats.paths());
        }
    }
}
