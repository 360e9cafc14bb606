package io.xspy.bench;

import io.xspy.query.Filter;
import io.xspy.query.FilterParser;
import io.xspy.trace.ParseResult;
import io.xspy.trace.SegmentDocuments;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceAssembler;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One pass of a filter over 100,000 demo-like traces held in memory (the three Lambda runtimes of the
 * demo stack, each a Lambda service segment, a function segment and a DynamoDB PutItem, with cold
 * starts and faults mixed in), repeated: the traces' indexes are built by then. Target: under 100 ms per
 * pass; {@link FilterFirstPassBenchmark} times the first pass over freshly stored traces. Run with
 * {@code java -jar bench/target/benchmarks.jar FilterBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class FilterBenchmark {

    static final int TRACES = 100_000;
    static final String[] RUNTIMES = {"ts", "py", "go"};

    static final String SERVICE_AND_RESPONSE_TIME =
            "service(id(name: \"xraystarter-py\", type: \"AWS::Lambda\")) AND responsetime > 0.1";
    static final String ANNOTATION = "annotation.runtime = \"go\" AND annotation.key BEGINSWITH \"test-1\"";
    static final String EDGE_OR_ANY_FAULT =
            "edge(id(type: \"AWS::Lambda::Function\"), \"items\") { responsetime > 0.05 } OR service() { fault }";

    List<Trace> traces;
    Filter serviceAndResponseTime;
    Filter annotation;
    Filter edgeAndFault;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        traces = new ArrayList<>(TRACES);
        for (int i = 0; i < TRACES; i++) traces.add(demoTrace(i, random));
        serviceAndResponseTime = FilterParser.parse(SERVICE_AND_RESPONSE_TIME);
        annotation = FilterParser.parse(ANNOTATION);
        edgeAndFault = FilterParser.parse(EDGE_OR_ANY_FAULT);
        if (count(serviceAndResponseTime) == 0 || count(annotation) == 0 || count(edgeAndFault) == 0) {
            throw new IllegalStateException("benchmark filters match nothing: the generated traces are wrong");
        }
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

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Filter parse() {
        return FilterParser.parse("service(id(name: \"xraystarter-py\", type: \"AWS::Lambda\")) AND responsetime > 0.1");
    }

    private int count(Filter filter) {
        int n = 0;
        for (Trace t : traces) if (filter.matches(t)) n++;
        return n;
    }

    /** A trace as the demo stack writes it; the Go SDK does not name the table. */
    static Trace demoTrace(int n, Random random) {
        String runtime = RUNTIMES[n % RUNTIMES.length];
        String function = "xraystarter-" + runtime;
        boolean cold = random.nextInt(10) == 0;
        boolean fault = random.nextInt(20) == 0;
        double start = 1_700_000_000 + n * 0.01;
        double fnStart = start + 0.005 + random.nextDouble() * 0.02;
        double invStart = fnStart + (cold ? 0.1 + random.nextDouble() * 0.3 : 0);
        double dbStart = invStart + 0.002;
        double dbEnd = dbStart + 0.005 + random.nextDouble() * 0.1;
        double invEnd = dbEnd + 0.001;
        double fnEnd = invEnd + 0.001;
        double end = fnEnd + 0.002;
        String serviceId = String.format("a%015x", n);
        String fnId = String.format("b%015x", n);
        String init = cold ? String.format(Locale.ROOT,
                "{\"id\":\"c%015x\",\"name\":\"Initialization\",\"start_time\":%.6f,\"end_time\":%.6f},", n, fnStart, invStart)
                : "";
        String table = runtime.equals("go") ? "" : ",\"table_name\":\"items\"";
        String json = String.format(Locale.ROOT, """
                [{"id":"%s","trace_id":"1-65000000-%024x","name":"%s","origin":"AWS::Lambda",
                  "start_time":%.6f,"end_time":%.6f,"http":{"response":{"status":%d}},
                  "subsegments":[{"id":"d%015x","name":"Dwell Time","start_time":%.6f,"end_time":%.6f},
                                 {"id":"e%015x","name":"Attempt #1","start_time":%.6f,"end_time":%.6f}]},
                 {"id":"%s","trace_id":"1-65000000-%024x","parent_id":"%s","name":"%s","origin":"AWS::Lambda::Function",
                  "start_time":%.6f,"end_time":%.6f,
                  "subsegments":[%s
                    {"id":"f%015x","name":"Invocation","start_time":%.6f,"end_time":%.6f,"fault":%b,
                     "subsegments":[{"id":"1%015x","name":"handler","start_time":%.6f,"end_time":%.6f,
                        "annotations":{"runtime":"%s","key":"test-%d","objects":%d},
                        "subsegments":[{"id":"2%015x","name":"DynamoDB","namespace":"aws","start_time":%.6f,"end_time":%.6f,
                           "aws":{"operation":"PutItem"%s},"http":{"response":{"status":200}}}]}]},
                    {"id":"3%015x","name":"Overhead","start_time":%.6f,"end_time":%.6f}]}]
                """,
                serviceId, n, function, start, end, fault ? 500 : 200,
                n, start, fnStart, n, fnStart, end,
                fnId, n, serviceId, function, fnStart, fnEnd,
                init, n, invStart, invEnd, fault,
                n, invStart, invEnd, runtime, n, 1 + random.nextInt(3),
                n, dbStart, dbEnd, table,
                n, invEnd, fnEnd);
        ParseResult parsed = SegmentDocuments.parse(json, "bench");
        if (!parsed.diagnostics().isEmpty()) throw new IllegalStateException(parsed.diagnostics().toString());
        return TraceAssembler.assemble(parsed.segments().get(0).traceId(), parsed.segments());
    }
}
