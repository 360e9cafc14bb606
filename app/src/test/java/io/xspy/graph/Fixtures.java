package io.xspy.graph;

import io.xspy.trace.ParseResult;
import io.xspy.trace.Segment;
import io.xspy.trace.SegmentDocuments;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceAssembler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Segment documents of the demo stack's shape, for tests: SNS topic → Lambda → function → DynamoDB. */
public final class Fixtures {
    public static final double T0 = 1_700_000_000.0;

    private Fixtures() {}

    public static String traceId(int n) {
        return String.format(Locale.ROOT, "1-%08x-%024x", (int) T0 + n, n);
    }

    /**
     * The documents of one invocation: topic (10 ms), AWS::Lambda segment {@code lambda} s long,
     * function segment {@code function} s long with a DynamoDB PutItem of {@code dynamo} s whose
     * outcome is {@code dynamoFlags} (for example {@code "\"throttle\":true,\"error\":true,"}).
     */
    public static List<String> invocation(int n, double start, double lambda, double function, boolean functionFault,
            double dynamo, String dynamoFlags) {
        String trace = traceId(n);
        String sns = String.format(Locale.ROOT, "%016x", 0x1000L + n);
        String svc = String.format(Locale.ROOT, "%016x", 0x2000L + n);
        String fn = String.format(Locale.ROOT, "%016x", 0x3000L + n);
        String ddb = String.format(Locale.ROOT, "%016x", 0x4000L + n);
        List<String> docs = new ArrayList<>();
        docs.add(String.format(Locale.ROOT,
                "{\"id\":\"%s\",\"trace_id\":\"%s\",\"name\":\"uploads\",\"origin\":\"AWS::SNS::Topic\","
                        + "\"start_time\":%.6f,\"end_time\":%.6f,\"inferred\":true}",
                sns, trace, start, start + 0.010));
        docs.add(String.format(Locale.ROOT,
                "{\"id\":\"%s\",\"trace_id\":\"%s\",\"parent_id\":\"%s\",\"name\":\"resize\",\"origin\":\"AWS::Lambda\","
                        + "\"start_time\":%.6f,\"end_time\":%.6f,\"aws\":{\"request_id\":\"req-%d\"},"
                        + "\"http\":{\"response\":{\"status\":200}}}",
                svc, trace, sns, start + 0.010, start + 0.010 + lambda, n));
        double fs = start + 0.010 + (lambda - function);
        docs.add(String.format(Locale.ROOT,
                "{\"id\":\"%s\",\"trace_id\":\"%s\",\"parent_id\":\"%s\",\"name\":\"resize\","
                        + "\"origin\":\"AWS::Lambda::Function\",\"start_time\":%.6f,\"end_time\":%.6f,%s"
                        + "\"subsegments\":[{\"id\":\"%s\",\"name\":\"DynamoDB\",\"namespace\":\"aws\","
                        + "\"start_time\":%.6f,\"end_time\":%.6f,%s\"aws\":{\"table_name\":\"items\",\"operation\":\"PutItem\"}}]}",
                fn, trace, svc, fs, fs + function, functionFault ? "\"fault\":true," : "", ddb, fs + 0.001,
                fs + 0.001 + dynamo, dynamoFlags));
        return docs;
    }

    /** Parses documents and assembles them into traces by trace id, failing on any diagnostic. */
    public static List<Trace> traces(List<String> docs) {
        Map<String, List<Segment>> byTrace = new LinkedHashMap<>();
        for (Segment s : segments(docs)) byTrace.computeIfAbsent(s.traceId(), k -> new ArrayList<>()).add(s);
        List<Trace> out = new ArrayList<>();
        byTrace.forEach((id, segs) -> out.add(TraceAssembler.assemble(id, segs)));
        return out;
    }

    public static List<Segment> segments(List<String> docs) {
        ParseResult r = SegmentDocuments.parse(String.join("\n", docs), "fixture");
        if (!r.diagnostics().isEmpty()) throw new AssertionError("fixture diagnostics: " + r.diagnostics());
        return r.segments();
    }

    /** Three invocations: 100/200/400 ms Lambda, the last function faulting, DynamoDB ok/throttled/faulted. */
    public static List<String> threeInvocations() {
        List<String> docs = new ArrayList<>();
        docs.addAll(invocation(1, T0, 0.100, 0.080, false, 0.020, ""));
        docs.addAll(invocation(2, T0 + 10, 0.200, 0.150, false, 0.030, "\"throttle\":true,\"error\":true,"));
        docs.addAll(invocation(3, T0 + 20, 0.400, 0.350, true, 0.050, "\"fault\":true,"));
        return docs;
    }
}
