package io.xspy.bench;

import io.xspy.query.Filter;
import io.xspy.query.FilterParser;
import io.xspy.source.local.TraceStore;
import io.xspy.trace.Segment;
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
 * The first pass of each {@link FilterBenchmark} filter over traces freshly stored: every iteration
 * stores the same 100,000 demo-like documents' traces in a new {@link TraceStore} and lists them (as the
 * trace list does before any filter is typed; untimed), then times one pass of the filter. Target:
 * under 100 ms, as for the repeat. Run with {@code java -jar bench/target/benchmarks.jar FilterFirstPassBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class FilterFirstPassBenchmark {

    List<List<Segment>> documents;
    List<Trace> traces;
    Filter serviceAndResponseTime;
    Filter annotation;
    Filter edgeAndFault;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        documents = new ArrayList<>(FilterBenchmark.TRACES);
        for (int i = 0; i < FilterBenchmark.TRACES; i++) documents.add(FilterBenchmark.demoTrace(i, random).documents());
        serviceAndResponseTime = FilterParser.parse(FilterBenchmark.SERVICE_AND_RESPONSE_TIME);
        annotation = FilterParser.parse(FilterBenchmark.ANNOTATION);
        edgeAndFault = FilterParser.parse(FilterBenchmark.EDGE_OR_ANY_FAULT);
    }

    /** A new store with every trace in it, listed: what a filter typed first meets. */
    @Setup(Level.Iteration)
    public void freshStore() {
        TraceStore store = new TraceStore();
        for (List<Segment> docs : documents) store.ingestAll(docs);
        traces = store.traces();
        if (traces.size() != FilterBenchmark.TRACES) throw new IllegalStateException("store lost traces");
        System.gc(); // the last store's garbage is collected here, not inside the timed pass
    }

    @Benchmark
    public int serviceAndResponseTime() {
        return count(serviceAndResponseTime);
    }

    @Benchmark
    public int annotation() {
        return count(annotation);
    }

    @Benchmark
    public int edgeOrAnyFault() {
        return count(edgeAndFault);
    }

    private int count(Filter filter) {
        int n = 0;
        for (Trace t : traces) if (filter.matches(t)) n++;
        return n;
    }
}
