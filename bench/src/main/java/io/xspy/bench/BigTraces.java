package io.xspy.bench;

import io.xspy.trace.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.trace.SegmentDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A big, realistic trace as segment documents: an API Gateway stage fanning out to many Lambda
 * invocations (service and function segments, cold and warm starts), each handler writing to
 * DynamoDB, S3, SNS and an HTTP API in wide loops, some recursing deep, plus inferred segments.
 * Deterministic for a seed.
 */
public final class BigTraces {

    private final Random random;
    private final String traceId;
    private final int target;
    private final List<ObjectNode> documents = new ArrayList<>();
    private int nodes;
    private long nextId = 1;

    private BigTraces(int target, long seed) {
        this.random = new Random(seed);
        this.target = target;
        this.traceId = String.format(Locale.ROOT, "1-%08x-%024x", 1_700_000_000L, seed & 0xFFFFFFFFFFFFL);
    }

    /** The segment documents of one trace of exactly {@code nodes} nodes (at least 10). */
    public static List<ObjectNode> documents(int nodes, long seed) {
        BigTraces b = new BigTraces(Math.max(10, nodes), seed);
        b.build();
        return b.documents;
    }

    public static String traceId(long seed) {
        return new BigTraces(10, seed).traceId;
    }

    /** The trace as {@code aws xray batch-get-traces} prints it: documents as JSON strings. */
    public static String batchGetTraces(int nodes, long seed) {
        List<ObjectNode> docs = documents(nodes, seed);
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode trace = root.putArray("Traces").addObject();
        trace.put("Id", traceId(seed));
        double start = Double.MAX_VALUE, end = 0;
        for (ObjectNode d : docs) {
            start = Math.min(start, d.get("start_time").asDouble());
            end = Math.max(end, d.get("end_time").asDouble());
        }
        trace.put("Duration", Math.round((end - start) * 1000) / 1000.0).put("LimitExceeded", false);
        ArrayNode segments = trace.putArray("Segments");
        for (ObjectNode d : docs) segments.addObject().put("Id", d.get("id").asText()).put("Document", d.toString());
        root.putArray("UnprocessedTraceIds");
        return root.toString();
    }

    /** The documents one per line, as the X-Ray daemon receives them. */
    public static String ndjson(int nodes, long seed) {
        StringBuilder out = new StringBuilder();
        for (ObjectNode d : documents(nodes, seed)) out.append(d).append('\n');
        return out.toString();
    }

    private void build() {
        double t = 1_700_000_000.0;
        ObjectNode api = node("checkout-api", t);
        api.put("origin", "AWS::ApiGateway::Stage");
        api.putObject("http").putObject("request").put("method", "POST").put("url", "https://api.example.com/prod/checkout");
        api.put("trace_id", traceId);
        documents.add(api);
        ArrayNode apiSubs = api.putArray("subsegments");
        double clock = t + 0.002;
        int invocation = 0;
        while (nodes + 12 <= target) { // an invocation takes up to 11 nodes before its loops
            String fn = List.of("orders-ts", "payments-py", "stock-go", "notify-ts").get(invocation % 4);
            ObjectNode call = node("Lambda", clock);
            call.put("namespace", "aws");
            call.putObject("aws").put("operation", "Invoke").put("function_name", fn);
            apiSubs.add(call);
            double end = invocation(call.get("id").asText(), fn, clock + 0.0005, invocation++);
            finish(call, end + 0.0004);
            clock += 0.001 + random.nextDouble() * 0.004; // calls overlap: the API calls in parallel
        }
        while (nodes < target) { // the last few nodes: cache lookups of the API itself
            apiSubs.add(finish(node("cache-lookup", clock), clock));
            clock += 0.0003;
        }
        double last = 0;
        for (ObjectNode d : documents) last = Math.max(last, d.path("end_time").asDouble(0));
        finish(api, last + 0.001);
        api.putObject("http").putObject("response").put("status", 200);
    }

    /** One Lambda invocation; returns its end time. */
    private double invocation(String callId, String fn, double t, int n) {
        ObjectNode service = document(fn, t, callId);
        service.put("origin", "AWS::Lambda");
        service.putObject("aws").put("request_id", String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", n, n));
        ArrayNode serviceSubs = service.putArray("subsegments");
        double dwell = 0.02 + random.nextDouble() * 0.07;
        serviceSubs.add(finish(node("Dwell Time", t), t + dwell));
        ObjectNode attempt = node("Attempt #1", t + dwell);
        serviceSubs.add(attempt);

        double ft = t + dwell + 0.001;
        ObjectNode function = document(fn, ft, attempt.get("id").asText());
        function.put("origin", "AWS::Lambda::Function");
        function.putObject("aws").putArray("cloudwatch_logs").addObject().put("log_group", "/aws/lambda/" + fn);
        ArrayNode fnSubs = function.putArray("subsegments");
        double clock = ft;
        if (n % 7 == 0) { // a cold start
            double init = 0.12 + random.nextDouble() * 0.2;
            fnSubs.add(finish(node("Initialization", clock), clock + init));
            clock += init;
        }
        ObjectNode invocation = node("Invocation", clock);
        fnSubs.add(invocation);
        ObjectNode overhead = node("Overhead", clock); // counted now, timed when the handler is done
        double end = handler(invocation.get("id").asText(), clock + 0.0002, n);
        finish(invocation, end + 0.0002);
        overhead.put("start_time", round(end + 0.0002));
        fnSubs.add(finish(overhead, end + 0.0008));
        finish(function, end + 0.0008);
        finish(attempt, end + 0.001);
        finish(service, end + 0.001);
        if (n % 3 == 1) service.put("error", true);
        return end + 0.001;
    }

    /** The handler, sent as an independent subsegment; wide loops of calls and sometimes a deep recursion. */
    private double handler(String parentId, double t, int n) {
        ObjectNode handler = document("handler", t, parentId);
        handler.put("type", "subsegment");
        handler.putObject("annotations").put("invocation", n).put("batch", "b-" + (n % 13));
        ArrayNode subs = handler.putArray("subsegments");
        double clock = t + 0.0001;
        int items = 20 + random.nextInt(280);
        for (int i = 0; i < items && nodes + 2 <= target; i++) {
            ObjectNode item = node("write-item", clock);
            subs.add(item);
            ObjectNode call = node(callName(i), clock + 0.00005);
            decorate(call, i);
            item.putArray("subsegments").add(call);
            double took = 0.002 + random.nextDouble() * (random.nextInt(20) == 0 ? 0.15 : 0.02);
            finish(call, clock + 0.00005 + took);
            finish(item, clock + took + 0.0001);
            if (call.get("name").asText().equals("DynamoDB") && i % 50 == 0 && nodes < target) {
                ObjectNode inferred = document("items", clock + 0.00005, call.get("id").asText());
                inferred.put("inferred", true).put("origin", "AWS::DynamoDB::Table");
                finish(inferred, clock + 0.00005 + took);
            }
            clock += took + 0.0002;
        }
        if (n % 5 == 2) clock = recursion(subs, clock, 30 + random.nextInt(60));
        finish(handler, clock + 0.0001);
        return clock + 0.0001;
    }

    /** A chain of nested subsegments, as a recursive algorithm would record. */
    private double recursion(ArrayNode into, double t, int depth) {
        List<ObjectNode> chain = new ArrayList<>();
        ArrayNode subs = into;
        double clock = t;
        for (int d = 0; d < depth && nodes < target; d++) {
            ObjectNode level = node("resolve-dependency", clock);
            level.putObject("annotations").put("depth", d);
            subs.add(level);
            chain.add(level);
            subs = level.putArray("subsegments");
            clock += 0.0001;
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            clock += 0.0002 + random.nextDouble() * 0.0005;
            finish(chain.get(i), clock);
        }
        return clock + 0.0001;
    }

    private String callName(int i) {
        return switch (random.nextInt(10)) {
            case 0 -> "S3";
            case 1 -> "SNS";
            case 2 -> "inventory.example.com";
            default -> "DynamoDB";
        };
    }

    private void decorate(ObjectNode call, int i) {
        String name = call.get("name").asText();
        ObjectNode aws = Json.mapper().createObjectNode().put("region", "eu-central-1");
        switch (name) {
            case "S3" -> aws.put("operation", "GetObject").put("bucket_name", "incoming");
            case "SNS" -> aws.put("operation", "Publish").put("topic_arn", "arn:aws:sns:eu-central-1:123456789012:events");
            case "DynamoDB" -> aws.put("operation", i % 4 == 0 ? "GetItem" : "PutItem").put("table_name", "items");
            default -> {
                call.put("namespace", "remote");
                ObjectNode http = call.putObject("http");
                http.putObject("request").put("method", "GET").put("url", "https://inventory.example.com/sku/" + i);
                int status = random.nextInt(40) == 0 ? 503 : random.nextInt(30) == 0 ? 429 : 200;
                http.putObject("response").put("status", status);
                return;
            }
        }
        call.put("namespace", "aws");
        call.set("aws", aws);
        if (random.nextInt(60) == 0) call.put("throttle", true).put("error", true);
    }

    private ObjectNode document(String name, double start, String parentId) {
        ObjectNode d = node(name, start);
        d.put("trace_id", traceId);
        if (parentId != null) d.put("parent_id", parentId);
        documents.add(d);
        return d;
    }

    private ObjectNode node(String name, double start) {
        nodes++;
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("id", String.format(Locale.ROOT, "%016x", 0x5eed000000000000L + nextId++));
        n.put("name", name);
        n.put("start_time", round(start));
        return n;
    }

    private static ObjectNode finish(ObjectNode n, double end) {
        n.put("end_time", round(end));
        return n;
    }

    private static double round(double t) {
        return Math.round(t * 1e6) / 1e6;
    }
}
