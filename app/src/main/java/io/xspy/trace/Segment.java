package io.xspy.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One node of a trace: a segment document, an inferred segment, or a subsegment, with every field
 * X-Ray documents. Times are seconds since the epoch; {@code end} is NaN while in progress (a primitive:
 * a boxed time per node costs 16 bytes more), and {@link #endTime} null.
 * {@code json} is the JSON the node was read from (deflated; null for a node built in code): the raw
 * view, export and the fields xspy does not model ({@link #service}, {@link #sql}, {@link #metadata})
 * read it on demand, so a stored trace holds no JSON tree.
 * {@code subsegments} are the node's children in the assembled tree, ordered by start time.
 */
public record Segment(
        String id,
        String traceId,
        String parentId,
        String name,
        double startTime,
        double end,
        boolean inProgress,
        Kind kind,
        boolean independent,
        String origin,
        String namespace,
        List<String> precursorIds,
        String user,
        String resourceArn,
        HttpInfo http,
        AwsInfo aws,
        Map<String, Object> annotations,
        boolean error,
        boolean throttle,
        boolean fault,
        Cause cause,
        List<Segment> subsegments,
        RawJson json) {

    public Segment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        precursorIds = List.copyOf(precursorIds);
        annotations = SmallMap.copyOf(annotations);
        subsegments = List.copyOf(subsegments);
        http = http == null ? HttpInfo.NONE : http;
        aws = aws == null ? AwsInfo.NONE : aws;
    }

    /** The JSON the node was read from, parsed anew on each call; null for a node built in code. */
    public JsonNode raw() {
        return json == null ? null : json.node();
    }

    /** The JSON text the node was read from (a document's as stored), or null. */
    public String rawText() {
        return json == null ? null : json.text();
    }

    /** The service object (version, runtime), or null. */
    public JsonNode service() {
        return objectField("service");
    }

    /** The sql object, or null. */
    public JsonNode sql() {
        return objectField("sql");
    }

    /** The metadata as sent, or null. */
    public JsonNode metadata() {
        JsonNode raw = raw();
        return raw == null ? null : raw.get("metadata");
    }

    private JsonNode objectField(String field) {
        JsonNode raw = raw();
        JsonNode v = raw == null ? null : raw.get(field);
        return v != null && v.isObject() ? v : null;
    }

    /** Whether this node was sent as a document of its own (a segment or an independent subsegment). */
    public boolean isDocument() {
        return kind != Kind.SUBSEGMENT || independent;
    }

    /** The end time, or null while in progress. */
    public Double endTime() {
        return Double.isNaN(end) ? null : end;
    }

    /** Seconds from start to end; zero while in progress. */
    public double duration() {
        return Double.isNaN(end) ? 0 : end - startTime;
    }

    /** The end time, or the start time for an in-progress node. */
    public double endOrStart() {
        return Double.isNaN(end) ? startTime : end;
    }

    /** The node's own status: its flags, else its HTTP response code. */
    public Status status() {
        Status flags = Status.of(error, throttle, fault);
        return flags == Status.OK ? Status.ofHttp(http.status()) : flags;
    }

    /** Whether this node is a call to another service (namespace aws or remote). */
    public boolean isRemote() {
        return "aws".equals(namespace) || "remote".equals(namespace);
    }

    /** The call this node made, or null when it is not a remote call. */
    public RemoteCall remoteCall() {
        if ("aws".equals(namespace)) {
            String resource = firstNonNull(aws.tableName(), aws.queueUrl(), aws.bucketName(), aws.topicArn(),
                    aws.functionName(), aws.resourceNames().isEmpty() ? null : aws.resourceNames().get(0));
            return new RemoteCall(name, resource, aws.operation(), true);
        }
        if ("remote".equals(namespace)) {
            return new RemoteCall(name, http.url(), http.method(), false);
        }
        return null;
    }

    /** The same node with other children. */
    public Segment withSubsegments(List<Segment> children) {
        return new Segment(id, traceId, parentId, name, startTime, end, inProgress, kind, independent, origin,
                namespace, precursorIds, user, resourceArn, http, aws, annotations, error, throttle, fault, cause,
                children, json);
    }

    /** Visits this node and all its descendants, depth first, parents before children. */
    public void walk(Consumer<Segment> visitor) {
        Deque<Segment> stack = new ArrayDeque<>();
        stack.push(this);
        while (!stack.isEmpty()) {
            Segment s = stack.pop();
            visitor.accept(s);
            for (int i = s.subsegments.size() - 1; i >= 0; i--) stack.push(s.subsegments.get(i));
        }
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) if (v != null) return v;
        return null;
    }
}
