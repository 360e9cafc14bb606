package io.xspy.tui;

import io.xspy.trace.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.trace.LogLine;
import io.xspy.trace.SegmentDocuments;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deterministic little world of segment documents, written as the X-Ray SDKs and Lambda write
 * them: for each upload an AWS::Lambda service segment (Dwell Time, Attempt #1) and an
 * AWS::Lambda::Function segment (Initialization on a cold start, Invocation → handler → DynamoDB
 * PutItem, Overhead), with faults, throttles and client errors sprinkled in, and the log lines of
 * each invocation (START, messages, a multi-line traceback on faults, END, REPORT).
 */
final class Fixtures {
    static final double T0 = 1795708000.0;
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond((long) T0 + 600), ZoneOffset.UTC);
    static final String[] FUNCTIONS = {"xraystarter-ts", "xraystarter-py", "xraystarter-go"};

    private final double spacing;
    private final List<String> documents = new ArrayList<>();
    private final Map<String, List<LogLine>> logs = new LinkedHashMap<>();

    Fixtures() {
        this(40);
    }

    Fixtures(int count) {
        this(count, 13.5);
    }

    /** {@code count} uploads, {@code spacing} seconds apart from T0. */
    Fixtures(int count, double spacing) {
        this.spacing = spacing;
        for (int i = 0; i < count; i++) trace(i);
    }

    String ndjson() {
        return String.join("\n", documents);
    }

    Map<String, List<LogLine>> logs() {
        return logs;
    }

    static String traceId(int i) {
        return String.format(Locale.ROOT, "1-%08x-%024x", (long) T0, 0x5eedL * (i + 1) * 2654435761L);
    }

    private static String id(int i, int k) {
        return String.format(Locale.ROOT, "%016x", (i + 1) * 1_000_003L * 31 + k * 7_777_777L);
    }

    private void trace(int i) {
        String traceId = traceId(i);
        String fn = FUNCTIONS[i % 3];
        boolean cold = i % 5 == 0;
        boolean fault = i % 3 == 1 && i % 4 == 1;
        boolean throttle = !fault && i % 7 == 3;
        boolean clientError = !fault && !throttle && i % 11 == 5;
        double s = T0 + i * spacing;
        double init = cold ? 0.150 + (i % 4) * 0.011 : 0;
        double work = 0.040 + (i * 37 % 50) / 1000.0 + (throttle ? 0.120 : 0);
        double dwell = 0.012 + (i % 3) * 0.004;
        double fnStart = s + dwell + 0.001;
        double invStart = fnStart + init;
        double invEnd = invStart + work;
        double fnEnd = invEnd + 0.002;
        double e = fnEnd + 0.001;
        String requestId = String.format(Locale.ROOT, "%08x-1111-4222-8333-%012x", i * 2246822519L & 0xffffffffL, i * 97L);
        int status = fault ? 500 : clientError ? 400 : 200;

        ObjectNode service = doc(id(i, 1), traceId, null, fn, s, e);
        service.put("origin", "AWS::Lambda");
        service.putObject("aws").put("request_id", requestId);
        service.putObject("http").putObject("response").put("status", status);
        if (fault) service.put("fault", true);
        if (clientError) service.put("error", true);
        ArrayNode subs = service.putArray("subsegments");
        subs.add(sub(id(i, 2), "Dwell Time", s, s + dwell));
        ObjectNode attempt = sub(id(i, 3), "Attempt #1", s + dwell, e);
        if (fault) attempt.put("fault", true);
        subs.add(attempt);
        documents.add(service.toString());

        ObjectNode function = doc(id(i, 4), traceId, id(i, 1), fn, fnStart, fnEnd);
        function.put("origin", "AWS::Lambda::Function");
        function.putObject("aws").put("function_arn", "arn:aws:lambda:eu-central-1:123456789012:function:" + fn)
                .put("account_id", "123456789012").putArray("resource_names").add(fn);
        if (fault) function.put("fault", true);
        ArrayNode fsubs = function.putArray("subsegments");
        if (cold) fsubs.add(sub(id(i, 5), "Initialization", fnStart, invStart));
        ObjectNode invocation = sub(id(i, 6), "Invocation", invStart, invEnd);
        if (fault) invocation.put("fault", true);
        ObjectNode handler = sub(id(i, 7), "handler", invStart + 0.001, invEnd - 0.001);
        handler.putObject("annotations").put("runtime", fn.substring(fn.lastIndexOf('-') + 1)).put("key", "upload-" + i + ".txt");
        handler.putObject("metadata").putObject("default").put("objects", 1 + i % 3).put("bucket", "xraystarter-uploads");
        if (fault) {
            handler.put("fault", true);
            ObjectNode cause = handler.putObject("cause");
            cause.put("working_directory", "/var/task");
            ObjectNode ex = cause.putArray("exceptions").addObject();
            ex.put("id", id(i, 9)).put("type", "KeyError").put("message", "'Records'");
            ex.putArray("stack").add(frame("handler.py", 42, "handler")).add(frame("items.py", 17, "write_item"));
        }
        ObjectNode dynamo = sub(id(i, 8), "DynamoDB", invStart + 0.004, invEnd - 0.004);
        dynamo.put("namespace", "aws");
        dynamo.putObject("aws").put("operation", "PutItem").put("region", "eu-central-1").put("table_name", "items")
                .put("request_id", "REQ" + i).put("retries", throttle ? 2 : 0);
        dynamo.putObject("http").putObject("response").put("status", throttle ? 429 : 200);
        if (throttle) dynamo.put("throttle", true).put("error", true);
        handler.putArray("subsegments").add(dynamo);
        invocation.putArray("subsegments").add(handler);
        fsubs.add(invocation);
        fsubs.add(sub(id(i, 10), "Overhead", invEnd, fnEnd));
        documents.add(function.toString());

        String group = "/aws/lambda/" + fn;
        String stream = "2026/11/26/[$LATEST]" + String.format(Locale.ROOT, "%032x", i * 131L + 7);
        List<LogLine> lines = new ArrayList<>();
        lines.add(new LogLine(invStart, group, stream, "START RequestId: " + requestId + " Version: $LATEST\n"));
        lines.add(new LogLine(invStart + 0.002, group, stream, "INFO\twriting item upload-" + i + ".txt\n"));
        if (throttle) lines.add(new LogLine(invStart + 0.05, group, stream, "WARN\tProvisionedThroughputExceededException, retrying\n"));
        if (fault) {
            lines.add(new LogLine(invEnd - 0.002, group, stream, "[ERROR] KeyError: 'Records'\nTraceback (most recent call last):\n"
                    + "  File \"/var/task/handler.py\", line 42, in handler\n    for record in event['Records']:\n"));
        }
        lines.add(new LogLine(invEnd, group, stream, "END RequestId: " + requestId + "\n"));
        lines.add(new LogLine(invEnd + 0.001, group, stream, String.format(Locale.ROOT,
                "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: 1024 MB\tMax Memory Used: %d MB%s\t\n",
                requestId, work * 1000, (long) Math.ceil(work * 1000), 40 + i % 20,
                cold ? String.format(Locale.ROOT, "\tInit Duration: %.2f ms", init * 1000) : "")));
        logs.put(traceId, lines);
    }

    private static ObjectNode doc(String id, String traceId, String parentId, String name, double start, double end) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("id", id).put("trace_id", traceId).put("name", name).put("start_time", start).put("end_time", end);
        if (parentId != null) n.put("parent_id", parentId);
        return n;
    }

    private static ObjectNode sub(String id, String name, double start, double end) {
        ObjectNode n = Json.mapper().createObjectNode();
        return n.put("id", id).put("name", name).put("start_time", start).put("end_time", end);
    }

    private static ObjectNode frame(String path, int line, String label) {
        return Json.mapper().createObjectNode().put("path", path).put("line", line).put("label", label);
    }
}
