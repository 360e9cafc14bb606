package io.xspy.source.serve;

import io.xspy.trace.Kind;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spans of a trace as Transaction Search stores them in {@code aws/spans}, flattened to the
 * dotted field names Logs Insights queries by: traceId (W3C form: the X-Ray id without "1-" and
 * dashes), spanId, parentSpanId ("" for a root), name, kind, startTimeUnixNano, endTimeUnixNano,
 * durationNano, status.code (ERROR for a fault), attributes.aws.local.service and
 * resource.attributes.service.name (the segment's name), attributes.aws.remote.service (a call's
 * target), attributes.http.response.status_code, attributes.http.request.method, attributes.url.full,
 * and each annotation as attributes.KEY. Only these fields: the subset xspy's own query reads.
 */
final class SpanRecords {

    private SpanRecords() {}

    static List<Map<String, Object>> of(Trace trace) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Segment root : trace.roots()) add(trace, root, root.name(), out);
        return out;
    }

    private static void add(Trace trace, Segment s, String service, List<Map<String, Object>> out) {
        Map<String, Object> span = new LinkedHashMap<>();
        Segment parent = trace.parentOf(s);
        String parentId = parent != null ? parent.id() : s.parentId() == null ? "" : s.parentId();
        long start = nanos(s.startTime());
        long end = nanos(s.endTime() == null ? s.startTime() : s.endTime());
        span.put("traceId", w3c(trace.id()));
        span.put("spanId", s.id());
        span.put("parentSpanId", parentId);
        span.put("name", s.name());
        span.put("kind", s.kind() == Kind.SUBSEGMENT ? (s.isRemote() ? "CLIENT" : "INTERNAL") : "SERVER");
        span.put("startTimeUnixNano", start);
        span.put("endTimeUnixNano", end);
        span.put("durationNano", end - start);
        span.put("status.code", s.fault() ? "ERROR" : "UNSET");
        span.put("attributes.aws.local.service", service);
        span.put("resource.attributes.service.name", service);
        if (s.http().status() != null) span.put("attributes.http.response.status_code", s.http().status());
        if (s.http().method() != null) span.put("attributes.http.request.method", s.http().method());
        if (s.http().url() != null) span.put("attributes.url.full", s.http().url());
        if (s.isRemote()) span.put("attributes.aws.remote.service", s.name());
        s.annotations().forEach((k, v) -> span.put("attributes." + k, v));
        out.add(span);
        for (Segment child : s.subsegments()) {
            add(trace, child, child.kind() == Kind.SUBSEGMENT ? service : child.name(), out);
        }
    }

    static long nanos(double epochSeconds) {
        return Math.round(epochSeconds * 1e6) * 1000L;
    }

    /** An X-Ray trace id (1-8hex-24hex) in W3C form (32 hex); any other id as it is. */
    static String w3c(String id) {
        if (id.length() == 35 && id.startsWith("1-") && id.charAt(10) == '-') return id.substring(2, 10) + id.substring(11);
        return id;
    }

    /** A W3C trace id (32 hex) in X-Ray form; any other id as it is. */
    static String xray(String id) {
        if (id.length() == 32 && id.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return "1-" + id.substring(0, 8) + "-" + id.substring(8);
        }
        return id;
    }
}
