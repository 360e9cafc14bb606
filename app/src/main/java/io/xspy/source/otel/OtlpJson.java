package io.xspy.source.otel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.xspy.trace.Json;
import java.io.IOException;
import java.util.Base64;

/**
 * OTLP's JSON encoding of trace requests, read and written with protobuf's JsonFormat plus the one
 * rule where OTLP departs from protobuf's JSON mapping: trace and span ids are lowercase hex, not
 * base64 (hex digits are valid base64, so without the fix an id would be read as wrong bytes, not
 * refused). Reads what the Collector's file exporter and the OTLP/HTTP JSON exporters send
 * ({@code {"resourceSpans":[…]}}), the Jaeger v3 API's {@code {"result":{"resourceSpans":[…]}}}, and
 * the pre-1.0 {@code instrumentationLibrarySpans}; writes enums as integers, as OTLP asks.
 */
public final class OtlpJson {

    /**
     * Made on first use: JsonFormat's class starts java.util.logging (~10 ms), which reading a file of segment
     * documents (each asked {@link #isTraceRequest}) never needs.
     */
    private static final class Formats {
        static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();
        static final JsonFormat.Printer PRINTER = JsonFormat.printer().printingEnumsAsInts()
                .omittingInsignificantWhitespace();
    }

    private OtlpJson() {}

    /** Whether a JSON object is an OTLP trace request (or a Jaeger v3 answer holding one). */
    public static boolean isTraceRequest(JsonNode n) {
        return n != null && n.isObject() && (n.has("resourceSpans") || n.has("resource_spans")
                || n.path("result").has("resourceSpans"));
    }

    public static ExportTraceServiceRequest read(byte[] utf8) throws InvalidProtocolBufferException {
        JsonNode root;
        try {
            root = Json.read(new String(utf8, java.nio.charset.StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidProtocolBufferException("not JSON: " + io.xspy.trace.JsonProblem.describe(e));
        }
        return read(root);
    }

    /** The request in {@code root}; a JSON shape protobuf cannot read is an InvalidProtocolBufferException. */
    public static ExportTraceServiceRequest read(JsonNode root) throws InvalidProtocolBufferException {
        if (root == null || !root.isObject()) throw new InvalidProtocolBufferException("not a JSON object");
        JsonNode request = root.path("result").has("resourceSpans") ? root.get("result") : root;
        ObjectNode copy = ((ObjectNode) request).deepCopy();
        for (JsonNode rs : each(copy, "resourceSpans", "resource_spans")) {
            if (rs.has("instrumentationLibrarySpans") && !rs.has("scopeSpans") && rs.isObject()) {
                ObjectNode o = (ObjectNode) rs;
                o.set("scopeSpans", o.remove("instrumentationLibrarySpans"));
                for (JsonNode ss : o.path("scopeSpans")) {
                    if (ss.isObject() && ss.has("instrumentationLibrary")) {
                        ((ObjectNode) ss).set("scope", ((ObjectNode) ss).remove("instrumentationLibrary"));
                    }
                }
            }
            for (JsonNode ss : each(rs, "scopeSpans", "scope_spans")) {
                for (JsonNode span : each(ss, "spans")) {
                    hexToBase64(span, "traceId", "trace_id", "spanId", "span_id", "parentSpanId", "parent_span_id");
                    for (JsonNode link : each(span, "links")) hexToBase64(link, "traceId", "trace_id", "spanId", "span_id");
                }
            }
        }
        ExportTraceServiceRequest.Builder b = ExportTraceServiceRequest.newBuilder();
        try {
            Formats.PARSER.merge(copy.toString(), b);
        } catch (RuntimeException e) { // JsonFormat's own checks throw unchecked exceptions on odd shapes
            throw new InvalidProtocolBufferException(String.valueOf(e.getMessage()));
        }
        return b.build();
    }

    /** The request as one line of OTLP JSON. */
    public static String write(ExportTraceServiceRequest request) {
        try {
            JsonNode tree = Json.read(Formats.PRINTER.print(request));
            for (JsonNode rs : each(tree, "resourceSpans")) {
                for (JsonNode ss : each(rs, "scopeSpans")) {
                    for (JsonNode span : each(ss, "spans")) {
                        base64ToHex(span, "traceId", "spanId", "parentSpanId");
                        for (JsonNode link : each(span, "links")) base64ToHex(link, "traceId", "spanId");
                    }
                }
            }
            return tree.toString();
        } catch (IOException e) {
            throw new IllegalStateException("protobuf printed JSON that does not read back", e);
        }
    }

    private static Iterable<JsonNode> each(JsonNode n, String... names) {
        for (String name : names) {
            JsonNode v = n.get(name);
            if (v != null && v.isArray()) return v;
        }
        return java.util.List.of();
    }

    private static void hexToBase64(JsonNode n, String... fields) {
        if (!n.isObject()) return;
        for (String f : fields) {
            JsonNode v = n.get(f);
            if (v == null || !v.isTextual()) continue;
            ByteString bytes = OtelIds.bytes(v.asText());
            // an id that is not hex is left for protobuf's base64, which is how some older senders spelled it
            if (bytes != null) ((ObjectNode) n).put(f, Base64.getEncoder().encodeToString(bytes.toByteArray()));
        }
    }

    private static void base64ToHex(JsonNode n, String... fields) {
        if (!n.isObject()) return;
        for (String f : fields) {
            JsonNode v = n.get(f);
            if (v instanceof TextNode t) {
                ((ObjectNode) n).put(f, java.util.HexFormat.of().formatHex(Base64.getDecoder().decode(t.asText())));
            }
        }
    }
}
