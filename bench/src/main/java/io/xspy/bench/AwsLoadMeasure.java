package io.xspy.bench;

import io.xspy.trace.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.source.aws.AwsOptions;
import io.xspy.source.aws.AwsSource;
import io.xspy.source.local.TraceStore;
import io.xspy.source.serve.FaultPlan;
import io.xspy.source.serve.ServeServer;
import io.xspy.trace.SegmentDocuments;
import io.xspy.trace.SegmentParser;
import io.xspy.trace.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * How long AwsSource takes to load 100 full traces through a link that adds 50 ms to every call
 * (xspy serve with a latency fault), against the lower bound of its batching: 100 ids / 5 per
 * BatchGetTraces call = 20 calls, 4 in flight, so 5 rounds of 50 ms = 250 ms. The target is 1.3 times
 * that. Wall time through a real socket, so a main class rather than a JMH benchmark.
 *
 * <p>Run: {@code mvn -B -pl bench -am package -DskipTests && java -cp bench/target/benchmarks.jar
 * io.xspy.bench.AwsLoadMeasure [traces] [latencyMs] [runs]}
 */
public final class AwsLoadMeasure {

    public static void main(String[] args) throws Exception {
        int traces = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        long latency = args.length > 1 ? Long.parseLong(args[1]) : 50;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int concurrency = io.xspy.source.aws.AwsSettings.defaults().concurrency();

        TraceStore store = new TraceStore();
        List<String> ids = load(store, traces, Instant.now().getEpochSecond() - 60);
        FaultPlan faults = FaultPlan.none().latency("*", latency);
        try (ServeServer serve = ServeServer.start(store, "127.0.0.1", 0, faults);
                AwsSource aws = AwsSource.create(new AwsOptions(null, "us-east-1", serve.endpoint()),
                        io.xspy.source.aws.AwsSettings.defaults().withCacheSize(0) // every run fetches everything
                                .withCredentials(StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("AKIDEXAMPLE", "dummy"))))) {
            for (int i = 0; i < 5; i++) check(aws.traces(ids), traces); // warm up: JIT, connections
            double[] ms = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                List<Trace> loaded = aws.traces(ids);
                ms[i] = (System.nanoTime() - t0) / 1e6;
                check(loaded, traces);
            }
            Arrays.sort(ms);
            int calls = (traces + AwsSource.BATCH_SIZE - 1) / AwsSource.BATCH_SIZE;
            int rounds = (calls + concurrency - 1) / concurrency;
            double bound = rounds * (double) latency;
            double median = ms[runs / 2];
            System.out.printf("loading %d traces: %d BatchGetTraces calls, %d in flight, %d ms added per call%n",
                    traces, calls, concurrency, latency);
            System.out.printf("lower bound %.0f ms (%d rounds), target <= %.0f ms (1.3x)%n", bound, rounds, 1.3 * bound);
            System.out.printf("median %.1f ms, min %.1f ms, max %.1f ms over %d runs: median is %.2fx the bound -> %s%n",
                    median, ms[0], ms[runs - 1], runs, median / bound, median <= 1.3 * bound ? "OK" : "TOO SLOW");
            Results.print("median", median, "ms");
            Results.print("bound", bound, "ms");
        }
    }

    private static void check(List<Trace> loaded, int expected) {
        if (loaded.size() != expected) throw new IllegalStateException("loaded " + loaded.size() + " of " + expected);
    }

    /** Stores {@code n} traces of three documents each (API, Lambda service, function) and returns their ids. */
    private static List<String> load(TraceStore store, int n, double newest) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double start = newest - i;
            String traceId = String.format("1-%08x-%024x", (long) start, i);
            ObjectNode api = doc("a" + i, traceId, "api", start, start + 0.2, null, null);
            ObjectNode svc = doc("b" + i, traceId, "fn", start + 0.01, start + 0.19, "a" + i, "AWS::Lambda");
            svc.putObject("aws").put("request_id", "req-" + i);
            ObjectNode fn = doc("c" + i, traceId, "fn", start + 0.02, start + 0.18, "b" + i, "AWS::Lambda::Function");
            fn.putArray("subsegments").addObject().put("id", "d" + i).put("name", "Invocation")
                    .put("start_time", start + 0.02).put("end_time", start + 0.18);
            for (ObjectNode d : List.of(api, svc, fn)) {
                store.ingest(new SegmentParser("bench", new ArrayList<>()).parseDocument(d));
            }
            ids.add(traceId);
        }
        return ids;
    }

    private static ObjectNode doc(String id, String traceId, String name, double start, double end, String parent,
            String origin) {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("id", String.format("%16s", id).replace(' ', '0')).put("trace_id", traceId).put("name", name)
                .put("start_time", start).put("end_time", end);
        if (parent != null) d.put("parent_id", String.format("%16s", parent).replace(' ', '0'));
        if (origin != null) d.put("origin", origin);
        return d;
    }
}
