package io.xspy.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.trace.TestTraces;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Small traces for the critical-path and diff tests, written as segment documents and read the way
 * xspy reads any file. Times are milliseconds after a fixed instant; every method returns the new
 * node's id.
 */
final class DiffTraceBuilder {
    static final double BASE = 1_700_000_000.0;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String traceId;
    private final List<ObjectNode> documents = new ArrayList<>();
    private final Map<String, ObjectNode> nodes = new HashMap<>();
    private int next = 1;

    DiffTraceBuilder(int n) {
        this.traceId = String.format(Locale.ROOT, "1-6553f100-%024x", n);
    }

    /** A segment document; {@code parentId} null for a root, or an id that is in the trace (or not: an orphan). */
    String segment(String name, String parentId, double startMs, Double endMs) {
        ObjectNode d = node(name, startMs, endMs);
        d.put("trace_id", traceId);
        if (parentId != null) d.put("parent_id", parentId);
        documents.add(d);
        return d.get("id").asText();
    }

    /** A segment document with an origin, such as AWS::Lambda::Function. */
    String segment(String name, String origin, String parentId, double startMs, Double endMs) {
        String id = segment(name, parentId, startMs, endMs);
        nodes.get(id).put("origin", origin);
        return id;
    }

    /** A subsegment embedded in the document of {@code parentId}. */
    String sub(String parentId, String name, double startMs, Double endMs) {
        ObjectNode d = node(name, startMs, endMs);
        ObjectNode parent = nodes.get(parentId);
        ArrayNode subs = parent.has("subsegments") ? (ArrayNode) parent.get("subsegments") : parent.putArray("subsegments");
        subs.add(d);
        return d.get("id").asText();
    }

    /** A call to an AWS service, embedded under {@code parentId}. */
    String awsCall(String parentId, String service, String operation, String table, double startMs, double endMs) {
        String id = sub(parentId, service, startMs, endMs);
        ObjectNode aws = nodes.get(id).put("namespace", "aws").putObject("aws").put("operation", operation);
        if (table != null) aws.put("table_name", table);
        return id;
    }

    Trace build() {
        StringBuilder text = new StringBuilder();
        for (ObjectNode d : documents) text.append(d).append('\n');
        List<Trace> traces = TestTraces.traces(text.toString(), "builder");
        if (traces.size() != 1) throw new IllegalStateException(traces.size() + " traces");
        return traces.get(0);
    }

    String ndjson() {
        StringBuilder text = new StringBuilder();
        for (ObjectNode d : documents) text.append(d).append('\n');
        return text.toString();
    }

    private ObjectNode node(String name, double startMs, Double endMs) {
        ObjectNode d = JSON.objectNode();
        String id = String.format(Locale.ROOT, "%016x", 0xd1ff000000000000L + next++);
        d.put("id", id).put("name", name).put("start_time", BASE + startMs / 1000);
        if (endMs == null) d.put("in_progress", true);
        else d.put("end_time", BASE + endMs / 1000);
        nodes.put(id, d);
        return d;
    }
}
