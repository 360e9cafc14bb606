package io.xspy.source.serve;

import io.xspy.trace.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.source.local.TraceStore;
import io.xspy.trace.LogLine;
import io.xspy.trace.SegmentDocuments;
import io.xspy.trace.SegmentParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Traces shaped like the xraystarter stack, generated for tests: an API segment calling a Lambda
 * function (service and function segments, cold start on every fifth) that writes to DynamoDB, every
 * seventh a fault, with the invocation's CloudWatch lines (START, a line without the request id, the
 * handler's line, END, REPORT). Trace i starts {@code 10 * i} seconds before {@code newest}.
 */
public final class GeneratedTraces {

    public static final String FUNCTION = "xraystarter-py";
    public static final String LOG_GROUP = "/aws/lambda/" + FUNCTION;
    private static final ObjectMapper JSON = Json.mapper();

    /** One generated trace: its id, Lambda request id, documents (JSON text) and log lines. */
    public record Generated(String traceId, String requestId, double start, List<String> documents,
            List<LogLine> logs) {}

    private GeneratedTraces() {}

    public static List<Generated> generate(int count, double newest) {
        List<Generated> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(one(i, newest - 10.0 * i));
        return out;
    }

    /** Generates and stores them (documents and logs). */
    public static List<Generated> load(TraceStore store, int count, double newest) {
        return load(store, count, newest, true);
    }

    /** Generates and stores the documents, and the log lines only if asked. */
    public static List<Generated> load(TraceStore store, int count, double newest, boolean withLogs) {
        List<Generated> traces = generate(count, newest);
        for (Generated g : traces) {
            for (String doc : g.documents()) {
                try {
                    store.ingest(new SegmentParser("generated", new ArrayList<>()).parseDocument(JSON.readTree(doc)));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (withLogs) g.logs().forEach(store::addLog);
        }
        return traces;
    }

    public static String traceId(int i, double start) {
        return String.format("1-%08x-%024x", (long) start, 0xabc000000L + i);
    }

    private static Generated one(int i, double start) {
        String traceId = traceId(i, start);
        String requestId = String.format("c0ffee%02x-0000-4000-8000-%012x", i % 256, i);
        boolean fault = i % 7 == 3;
        boolean cold = i % 5 == 0;
        String api = id(i, 1), call = id(i, 2), service = id(i, 3), attempt = id(i, 4), function = id(i, 5);
        double end = start + 0.25;

        ObjectNode root = segment(api, traceId, "xraystarter-api", start, end);
        root.put("origin", "AWS::ApiGateway::Stage");
        root.putObject("http").putObject("request").put("method", "POST").put("url", "https://api.example.com/items");
        ((ObjectNode) root.get("http")).putObject("response").put("status", fault ? 502 : 200);
        if (fault) root.put("fault", true);
        root.putObject("annotations").put("key", "k" + i);
        ObjectNode lambdaCall = root.putArray("subsegments").addObject();
        lambdaCall.put("id", call).put("name", "Lambda").put("namespace", "aws")
                .put("start_time", start + 0.01).put("end_time", end - 0.01);
        lambdaCall.putObject("aws").put("operation", "Invoke").put("function_name", FUNCTION);

        ObjectNode svc = segment(service, traceId, FUNCTION, start + 0.02, end - 0.02);
        svc.put("origin", "AWS::Lambda").put("parent_id", call);
        svc.putObject("aws").put("request_id", requestId);
        ArrayNode svcSubs = svc.putArray("subsegments");
        svcSubs.addObject().put("id", id(i, 6)).put("name", "Dwell Time").put("start_time", start + 0.02)
                .put("end_time", start + 0.03);
        svcSubs.addObject().put("id", attempt).put("name", "Attempt #1").put("start_time", start + 0.03)
                .put("end_time", end - 0.02);

        double fnStart = start + 0.03;
        ObjectNode fn = segment(function, traceId, FUNCTION, fnStart, end - 0.03);
        fn.put("origin", "AWS::Lambda::Function").put("parent_id", service);
        fn.putObject("aws").put("function_arn", "arn:aws:lambda:us-east-1:000000000000:function:" + FUNCTION);
        ArrayNode fnSubs = fn.putArray("subsegments");
        double invStart = fnStart;
        if (cold) {
            fnSubs.addObject().put("id", id(i, 7)).put("name", "Initialization").put("start_time", fnStart)
                    .put("end_time", fnStart + 0.08);
            invStart = fnStart + 0.08;
        }
        ObjectNode invocation = fnSubs.addObject().put("id", id(i, 8)).put("name", "Invocation")
                .put("start_time", invStart).put("end_time", end - 0.05);
        ObjectNode ddb = invocation.putArray("subsegments").addObject().put("id", id(i, 9)).put("name", "DynamoDB")
                .put("namespace", "aws").put("start_time", invStart + 0.01).put("end_time", end - 0.06);
        ddb.putObject("aws").put("operation", "PutItem").put("table_name", "items");
        ddb.putObject("http").putObject("response").put("status", 200);
        fnSubs.addObject().put("id", id(i, 10)).put("name", "Overhead").put("start_time", end - 0.05)
                .put("end_time", end - 0.04);

        String stream = "2026/11/26/[$LATEST]" + String.format("%032x", i / 10);
        List<LogLine> logs = List.of(
                new LogLine(invStart, LOG_GROUP, stream, "START RequestId: " + requestId + " Version: $LATEST"),
                new LogLine(invStart + 0.001, LOG_GROUP, stream, "plain stdout line of invocation " + i),
                new LogLine(invStart + 0.002, LOG_GROUP, stream, requestId + "\tINFO\tput item k" + i),
                new LogLine(end - 0.045, LOG_GROUP, stream, "END RequestId: " + requestId),
                new LogLine(end - 0.044, LOG_GROUP, stream, "REPORT RequestId: " + requestId + "\tDuration: 170.00 ms"));
        return new Generated(traceId, requestId, start,
                List.of(root.toString(), svc.toString(), fn.toString()), logs);
    }

    private static ObjectNode segment(String id, String traceId, String name, double start, double end) {
        ObjectNode s = JSON.createObjectNode();
        s.put("id", id).put("trace_id", traceId).put("name", name).put("start_time", start).put("end_time", end);
        return s;
    }

    private static String id(int trace, int n) {
        return String.format("%012x%04x", trace, n);
    }
}
