package io.xspy.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one segment document (a JSON object) into a {@link Segment} with its embedded subsegments.
 * Lenient by design: a field of the wrong type, a missing field or an impossible time is reported as
 * a {@link Diagnostic} and read as well as it can be; only a document with nothing to place it in a
 * trace (no trace id, no time at all) is skipped.
 */
public final class SegmentParser {

    /** Times outside 1970..2100 are taken for mistakes (milliseconds, nanoseconds, garbage). */
    static final double LATEST_PLAUSIBLE_TIME = 4_102_444_800d;

    private static final Pattern TRACE_ID = Pattern.compile("1-[0-9a-f]{8}-[0-9a-f]{24}");

    private final String source;
    private final int line;
    private final List<Diagnostic> diagnostics;
    private int unnamedIds;

    public SegmentParser(String source, List<Diagnostic> diagnostics) {
        this(source, 0, diagnostics);
    }

    /** @param line where the document starts in its file (0: no lines), for the diagnostics */
    public SegmentParser(String source, int line, List<Diagnostic> diagnostics) {
        this.source = source;
        this.line = line;
        this.diagnostics = diagnostics;
    }

    /** Parses a top-level document; returns null (with a diagnostic) when it cannot be placed. */
    public Segment parseDocument(JsonNode doc) {
        return parseDocument(doc, (RawJson) null);
    }

    /**
     * A document read from {@code text} (BatchGetTraces gives each as a string): its nodes keep that text
     * rather than Jackson's rewrite of the tree (writing a 10,000-node trace anew cost ~55 ms at start-up).
     */
    public Segment parseText(JsonNode doc, String text) {
        return parseDocument(doc, RawJson.document(text));
    }

    /**
     * A document read before and kept as {@code stored} (its text as written then): the same nodes again,
     * holding the stored text rather than a copy. How a store rebuilds a trace whose nodes it let go.
     */
    public Segment parseStored(RawJson stored) {
        return parseDocument(stored.node(), stored);
    }

    private Segment parseDocument(JsonNode doc, RawJson stored) {
        if (doc == null || !doc.isObject()) {
            reject(null, "not a JSON object" + (doc == null ? "" : " but " + describe(doc)) + "; skipped");
            return null;
        }
        String id = idOf(doc, null);
        String traceId = text(doc, "trace_id", id);
        if (traceId == null || traceId.isBlank()) {
            reject(id, "missing required field trace_id; skipped");
            return null;
        }
        if (!TRACE_ID.matcher(traceId).matches()) {
            report(id, "trace_id \"" + traceId + "\" is not in X-Ray's 1-xxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx form");
        }
        boolean independent = "subsegment".equals(text(doc, "type", id));
        String parentId = text(doc, "parent_id", id);
        if (independent && parentId == null) {
            report(id, "independent subsegment without parent_id; kept as an orphan");
        }
        Kind kind = independent ? Kind.SUBSEGMENT : bool(doc, "inferred", id) ? Kind.INFERRED : Kind.SEGMENT;
        return parseNode(doc, stored != null ? stored : RawJson.document(doc), id, traceId.intern(), parentId, kind, independent, null);
    }

    /**
     * Names, types and the like repeat across every trace: one copy of each (String.intern's table lets
     * go of what no trace holds any more). Ids and times are unique and are not interned.
     */
    private static String intern(String s) {
        return s == null ? null : s.intern();
    }

    private Segment parseNode(JsonNode n, RawJson json, String id, String traceId, String parentId, Kind kind,
            boolean independent, Double parentStart) {
        String name = intern(text(n, "name", id));
        if (name == null || name.isEmpty()) {
            report(id, "missing required field name");
            name = "(unnamed)";
        }
        boolean inProgress = bool(n, "in_progress", id);
        Double start = time(n, "start_time", id);
        Double end = time(n, "end_time", id);
        if (start == null) {
            start = end != null ? end : parentStart;
            if (start == null) {
                reject(id, "no usable start_time or end_time; skipped"); // only a top-level document has no parent start
                return null;
            }
            report(id, "missing start_time; placed at " + (end != null ? "its end time" : "its parent's start"));
        }
        if (end != null && inProgress) {
            report(id, "in_progress with an end_time; the end time is kept");
            inProgress = false;
        }
        if (end == null && !inProgress) {
            report(id, "no end_time and not in_progress; shown as in progress");
            inProgress = true;
        }
        if (end != null && end < start) {
            report(id, "end_time before start_time by " + String.format("%.6f", start - end) + " s; shown as zero length");
            end = start;
        }

        List<Segment> children = new ArrayList<>();
        JsonNode subs = n.get("subsegments");
        if (subs != null && !subs.isNull()) {
            if (!subs.isArray()) {
                report(id, "subsegments is " + describe(subs) + ", not an array; ignored");
            } else {
                for (int i = 0; i < subs.size(); i++) {
                    JsonNode sub = subs.get(i);
                    if (!sub.isObject()) {
                        report(id, "a subsegment is " + describe(sub) + ", not an object; skipped");
                        continue;
                    }
                    String subId = idOf(sub, id);
                    Segment child = parseNode(sub, json.subsegment(i), subId, traceId, id, Kind.SUBSEGMENT, false, start);
                    if (child != null) children.add(child);
                }
                children.sort(TraceAssembler.BY_START);
            }
        }

        object(n, "service", id); // reported when not an object; read from the JSON when asked for
        object(n, "sql", id);
        return new Segment(id, traceId, parentId, name, start, end == null ? Double.NaN : end, inProgress, kind, independent,
                intern(text(n, "origin", id)), intern(text(n, "namespace", id)), strings(n, "precursor_ids", id),
                intern(text(n, "user", id)), resourceArn(n), http(n.get("http"), id),
                aws(n.get("aws"), json, id), annotations(n.get("annotations"), id),
                bool(n, "error", id), bool(n, "throttle", id), bool(n, "fault", id), cause(n.get("cause"), id),
                children, json);
    }

    private String idOf(JsonNode n, String parentId) {
        String id = text(n, "id", null);
        if (id != null && !id.isEmpty()) return id;
        String made = (parentId == null ? "missing-id" : parentId) + "#" + (++unnamedIds);
        report(made, "missing required field id; called " + made);
        return made;
    }

    /** The resource_arn (a Lambda function's, an SNS topic's), or null; filters read it. */
    private static String resourceArn(JsonNode n) {
        JsonNode v = n.get("resource_arn");
        return v != null && v.isTextual() ? intern(v.asText()) : null;
    }

    HttpInfo http(JsonNode h, String id) {
        if (h == null || h.isNull()) return HttpInfo.NONE;
        if (!h.isObject()) {
            report(id, "http is " + describe(h) + ", not an object; ignored");
            return HttpInfo.NONE;
        }
        JsonNode req = h.path("request");
        JsonNode res = h.path("response");
        Double status = number(res, "status", id);
        Double length = number(res, "content_length", id);
        HttpInfo info = new HttpInfo(intern(text(req, "method", id)), text(req, "url", id), text(req, "user_agent", id),
                text(req, "client_ip", id), optionalBool(req, "x_forwarded_for", id), optionalBool(req, "traced", id),
                status == null ? null : status.intValue(), length == null ? null : length.longValue());
        // a bare response status (or method) repeats in every trace: share it; urls and addresses do not repeat
        return info.url() == null && info.clientIp() == null && info.userAgent() == null ? Canonical.of(info) : info;
    }

    private AwsInfo aws(JsonNode a, RawJson json, String id) {
        if (a == null || a.isNull()) return AwsInfo.NONE;
        if (!a.isObject()) {
            report(id, "aws is " + describe(a) + ", not an object; ignored");
            return AwsInfo.NONE;
        }
        JsonNode sdk = a.path("xray");
        String xraySdk = sdk.isObject()
                ? join(text(sdk, "sdk", id), text(sdk, "sdk_version", id))
                : null;
        String logGroup = null;
        JsonNode logs = a.get("cloudwatch_logs");
        if (logs != null && logs.isArray() && logs.size() > 0) logGroup = text(logs.get(0), "log_group", id);
        String functionName = intern(text(a, "function_name", id));
        String functionArn = intern(text(a, "function_arn", id));
        return new AwsInfo(text(a, "request_id", id), intern(text(a, "operation", id)), intern(text(a, "region", id)),
                intern(text(a, "account_id", id)), intern(text(a, "table_name", id)), intern(text(a, "queue_url", id)),
                functionArn, functionName, intern(text(a, "bucket_name", id)), intern(text(a, "topic_arn", id)),
                strings(a, "resource_names", id), intern(logGroup), intern(xraySdk), json);
    }

    private Map<String, Object> annotations(JsonNode a, String id) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (a == null || a.isNull()) return out;
        if (!a.isObject()) {
            report(id, "annotations is " + describe(a) + ", not an object; ignored");
            return out;
        }
        a.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isTextual()) out.put(e.getKey(), v.asText());
            else if (v.isNumber()) out.put(e.getKey(), v.numberValue());
            else if (v.isBoolean()) out.put(e.getKey(), v.asBoolean());
            else report(id, "annotation " + e.getKey() + " is " + describe(v) + "; annotations are strings, numbers or booleans");
        });
        return out;
    }

    Cause cause(JsonNode c, String id) {
        if (c == null || c.isNull()) return null;
        if (c.isTextual()) return Cause.reference(c.asText());
        if (!c.isObject()) {
            report(id, "cause is " + describe(c) + "; ignored");
            return null;
        }
        List<Cause.ExceptionInfo> exceptions = new ArrayList<>();
        JsonNode list = c.get("exceptions");
        if (list != null && list.isArray()) {
            for (JsonNode e : list) {
                if (!e.isObject()) continue;
                List<Cause.StackFrame> stack = new ArrayList<>();
                JsonNode frames = e.get("stack");
                if (frames != null && frames.isArray()) {
                    for (JsonNode f : frames) {
                        Double line = number(f, "line", id);
                        stack.add(new Cause.StackFrame(text(f, "path", id), line == null ? null : line.intValue(),
                                text(f, "label", id)));
                    }
                }
                Double truncated = number(e, "truncated", id);
                Double skipped = number(e, "skipped", id);
                exceptions.add(new Cause.ExceptionInfo(text(e, "id", id), text(e, "message", id),
                        text(e, "type", id), bool(e, "remote", id), truncated == null ? 0 : truncated.intValue(),
                        skipped == null ? 0 : skipped.intValue(), text(e, "cause", id), List.copyOf(stack)));
            }
        }
        return new Cause(null, text(c, "working_directory", id), strings(c, "paths", id), List.copyOf(exceptions));
    }

    private Double time(JsonNode n, String field, String id) {
        Double t = number(n, field, id);
        if (t == null) return null;
        if (t.isNaN() || t.isInfinite() || t < 0 || t > LATEST_PLAUSIBLE_TIME) {
            report(id, field + " " + t + " is not a time in seconds since the epoch; ignored");
            return null;
        }
        return t;
    }

    private String text(JsonNode n, String field, String id) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) return null;
        if (v.isTextual()) return v.asText();
        if (v.isNumber() || v.isBoolean()) {
            report(id, field + " is " + describe(v) + ", expected a string; read as text");
            return v.asText();
        }
        report(id, field + " is " + describe(v) + ", expected a string; ignored");
        return null;
    }

    private Double number(JsonNode n, String field, String id) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) return null;
        if (v.isNumber()) return v.asDouble();
        report(id, field + " is " + describe(v) + ", expected a number; ignored");
        return null;
    }

    private boolean bool(JsonNode n, String field, String id) {
        Boolean b = optionalBool(n, field, id);
        return b != null && b;
    }

    private Boolean optionalBool(JsonNode n, String field, String id) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) return null;
        if (v.isBoolean()) return v.asBoolean();
        report(id, field + " is " + describe(v) + ", expected true or false; ignored");
        return null;
    }

    private List<String> strings(JsonNode n, String field, String id) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) return List.of();
        if (!v.isArray()) {
            report(id, field + " is " + describe(v) + ", expected an array of strings; ignored");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) if (e.isValueNode() && !e.isNull()) out.add(intern(e.asText()));
        return List.copyOf(out);
    }

    private JsonNode object(JsonNode n, String field, String id) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) return null;
        if (v.isObject()) return v;
        report(id, field + " is " + describe(v) + ", expected an object; ignored");
        return null;
    }

    /** A problem in a document that is kept. */
    private void report(String id, String message) {
        diagnostics.add(Diagnostic.warning(source, line, id, message));
    }

    /** The reason a document is not kept. */
    private void reject(String id, String message) {
        diagnostics.add(Diagnostic.fatal(source, line, id, message));
    }

    private static String join(String a, String b) {
        if (a == null) return b;
        return b == null ? a : a + " " + b;
    }

    static String describe(JsonNode v) {
        if (v.isTextual()) return "a string";
        if (v.isNumber()) return "a number";
        if (v.isBoolean()) return "a boolean";
        if (v.isArray()) return "an array";
        if (v.isObject()) return "an object";
        return "null";
    }
}
