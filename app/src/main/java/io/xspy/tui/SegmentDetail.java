package io.xspy.tui;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import com.fasterxml.jackson.databind.JsonNode;
import io.xspy.timeline.Style;
import io.xspy.trace.Json;
import io.xspy.trace.AwsInfo;
import io.xspy.trace.Cause;
import io.xspy.trace.HttpInfo;
import io.xspy.trace.Kind;
import io.xspy.trace.Segment;
import io.xspy.trace.SegmentDocuments;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The detail pane and the raw view of one node: what X-Ray recorded about it, as lines. */
final class SegmentDetail {
    private SegmentDetail() {}

    static List<Line> lines(Trace trace, Segment s, boolean ascii) {
        List<Line> out = new ArrayList<>();
        String kind = s.kind().name().toLowerCase(Locale.ROOT) + (s.namespace() == null ? "" : ", " + s.namespace());
        out.add(new Line(s.name() + "  (" + kind + (trace.isOrphan(s) ? ", orphan" : "") + ")", Style.HEADER));
        field(out, "id", s.id());
        double start = s.startTime() - trace.startTime();
        field(out, "start", Fmt.offset(start, ascii) + "   duration "
                + (s.inProgress() ? "in progress" : Fmt.duration(s.duration(), ascii)));
        out.add(new Line(label("status") + Symbols.status(s.status(), ascii) + " " + Symbols.word(s.status())
                + flags(s), Symbols.style(s.status())));
        field(out, "origin", s.origin());
        field(out, "user", s.user());
        if (s.kind() == Kind.SEGMENT && "AWS::Lambda::Function".equals(s.origin())) {
            for (Segment sub : s.subsegments()) {
                if (sub.name().equals("Initialization")) {
                    out.add(new Line(label("cold start") + Symbols.cold(ascii) + " init "
                            + Fmt.duration(sub.duration(), ascii), Style.COLD));
                }
            }
        }
        HttpInfo http = s.http();
        if (!http.isEmpty()) {
            StringBuilder h = new StringBuilder();
            if (http.method() != null) h.append(http.method()).append(' ');
            if (http.url() != null) h.append(http.url()).append(' ');
            if (http.status() != null) h.append(ascii ? "-> " : "\u2192 ").append(http.status());
            if (http.contentLength() != null) h.append(" (").append(http.contentLength()).append(" B)");
            field(out, "http", h.toString().strip());
            field(out, "user agent", http.userAgent());
            field(out, "client ip", http.clientIp());
        }
        AwsInfo aws = s.aws();
        if (!aws.isEmpty()) {
            field(out, "operation", aws.operation());
            field(out, "region", aws.region());
            field(out, "account", aws.accountId());
            field(out, "table", aws.tableName());
            field(out, "queue", aws.queueUrl());
            field(out, "bucket", aws.bucketName());
            field(out, "topic", aws.topicArn());
            field(out, "function", aws.functionArn() != null ? aws.functionArn() : aws.functionName());
            field(out, "request id", aws.requestId());
            field(out, "log group", aws.logGroup());
            field(out, "xray sdk", aws.xraySdk());
        }
        if (!s.annotations().isEmpty()) {
            out.add(new Line("annotations", Style.ACCENT));
            for (Map.Entry<String, Object> e : s.annotations().entrySet()) {
                out.add(Line.of("  " + e.getKey() + " = " + e.getValue()));
            }
        }
        var metadata = s.metadata(); // each read parses the stored JSON
        if (metadata != null && !metadata.isEmpty()) {
            out.add(new Line("metadata", Style.ACCENT));
            for (String l : pretty(metadata)) out.add(Line.of("  " + l));
        }
        var sql = s.sql();
        if (sql != null && !sql.isEmpty()) {
            out.add(new Line("sql", Style.ACCENT));
            for (String l : pretty(sql)) out.add(Line.of("  " + l));
        }
        cause(out, trace, s.cause());
        return out;
    }

    private static void cause(List<Line> out, Trace trace, Cause cause) {
        if (cause == null) return;
        if (cause.exceptionId() != null && cause.exceptions().isEmpty()) {
            out.add(new Line("cause: exception " + cause.exceptionId() + " (recorded on another node)", Style.FAULT));
            return;
        }
        out.add(new Line("cause", Style.FAULT));
        if (cause.workingDirectory() != null) out.add(Line.of("  working directory " + cause.workingDirectory()));
        for (Cause.ExceptionInfo e : cause.exceptions()) {
            String head = (e.type() == null ? "Exception" : e.type()) + (e.message() == null ? "" : ": " + e.message());
            out.add(new Line("  " + head + (e.remote() ? " (remote)" : ""), Style.FAULT));
            for (Cause.StackFrame f : e.stack()) {
                StringBuilder at = new StringBuilder("    at ");
                if (f.label() != null) at.append(f.label()).append(' ');
                at.append('(').append(f.path() == null ? "?" : f.path());
                if (f.line() != null) at.append(':').append(f.line());
                out.add(Line.of(at.append(')').toString()));
            }
            if (e.truncated() > 0) out.add(new Line("    ... " + e.truncated() + " frames truncated", Style.DIM));
            if (e.skipped() > 0) out.add(new Line("    ... " + e.skipped() + " frames skipped", Style.DIM));
            if (e.cause() != null) out.add(new Line("    caused by " + e.cause(), Style.DIM));
        }
    }

    /** The node's JSON as it was sent, pretty-printed, for the raw view. */
    static List<Line> raw(Segment s) {
        List<Line> out = new ArrayList<>();
        if (s.json() == null) {
            out.add(new Line("(no raw document for " + s.name() + ")", Style.DIM));
            return out;
        }
        for (String l : pretty(s.raw())) out.add(Line.of(l));
        return out;
    }

    /** Pretty JSON with times written out in full (1795708427.167, not 1.795708427167E9). */
    static List<String> pretty(JsonNode node) {
        try {
            return List.of(Json.mapper().writerWithDefaultPrettyPrinter()
                    .with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .writeValueAsString(plainNumbers(node)).split("\r?\n"));
        } catch (JsonProcessingException e) {
            return List.of(node.toString());
        }
    }

    private static JsonNode plainNumbers(JsonNode node) {
        if (node.isDouble() || node.isFloat()) return DecimalNode.valueOf(BigDecimal.valueOf(node.doubleValue()));
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), plainNumbers(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(e -> copy.add(plainNumbers(e)));
            return copy;
        }
        return node;
    }

    private static String flags(Segment s) {
        List<String> f = new ArrayList<>();
        if (s.fault()) f.add("fault");
        if (s.throttle()) f.add("throttle");
        if (s.error()) f.add("error");
        if (s.inProgress()) f.add("in progress");
        return f.isEmpty() ? "" : "  (flags: " + String.join(", ", f) + ")";
    }

    private static void field(List<Line> out, String name, String value) {
        if (value != null && !value.isEmpty()) out.add(new Line(label(name) + value, Style.NORMAL, LABEL));
    }

    private static final int LABEL = 11;

    private static String label(String name) {
        return String.format("%-" + LABEL + "s", name);
    }
}
