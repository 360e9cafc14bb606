package io.xspy.source.otel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.xspy.trace.Json;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One OpenTelemetry span → one X-Ray segment document, by the rules of the OpenTelemetry Collector's
 * AWS X-Ray exporter ({@code exporter/awsxrayexporter/internal/translator}): a SERVER span or a span
 * without a parent is a segment, any other span an independent subsegment; the segment's name is the
 * service (aws.remote.service, peer.service, aws.service, db.name, service.name, rpc.service, host),
 * not the method; {@code http.*}, {@code aws.*}/{@code rpc.*}, {@code db.*} and the status become the
 * http, aws, sql blocks and fault/error/throttle with a cause; attributes listed in
 * {@code aws.xray.annotations} (or all, with {@code indexAll}) become annotations, the rest metadata.
 *
 * <p>Beyond the exporter: the W3C ids, kind, span name, status, exact nanosecond times, scope, trace
 * state and non-exception events are kept under {@code metadata.otel}, so the detail pane and the raw
 * JSON show the span as it was sent and {@code export --format otlp} can give it back; a Lambda
 * resource ({@code cloud.platform=aws_lambda}) gives the origin AWS::Lambda::Function and its log group.
 */
public final class SpanTranslator {

    /** The exporter's default: only the keys a span lists in aws.xray.annotations are indexed. */
    public static final SpanTranslator DEFAULT = new SpanTranslator(false);

    static final String ANNOTATIONS_KEY = "aws.xray.annotations";
    static final String METADATA_PREFIX = "aws.xray.metadata.";
    static final String RESOURCE_PREFIX = "otel.resource.";
    private static final Pattern INVALID_NAME = Pattern.compile("[^ 0-9\\p{L}\\p{N}_.:/%&#=+\\\\\\-@]");
    private static final int MAX_NAME = 200;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final boolean indexAll;

    public SpanTranslator(boolean indexAll) {
        this.indexAll = indexAll;
    }

    /** The segment document of {@code span}, sent under {@code resource} by {@code scope}. */
    public ObjectNode document(Span span, Resource resource, InstrumentationScope scope) {
        return document(span, new Attributes(resource.getAttributesList()), scope);
    }

    /** As above, with the resource's attributes read once for all its spans (never changed here). */
    ObjectNode document(Span span, Attributes res, InstrumentationScope scope) {
        Attributes attrs = new Attributes(span.getAttributesList());
        boolean hasParent = !OtelIds.absent(span.getParentSpanId());
        boolean subsegment = span.getKind() != Span.SpanKind.SPAN_KIND_SERVER && hasParent;
        boolean awsSdk = "aws-api".equals(attrs.first("rpc.system", "rpc.system.name"));
        Ids ids = new Ids(OtelIds.hex(span.getTraceId()), OtelIds.hex(span.getSpanId()),
                hasParent ? OtelIds.hex(span.getParentSpanId()) : null);

        ObjectNode doc = NODES.objectNode();
        doc.put("id", ids.span);
        doc.put("trace_id", OtelIds.xrayTraceId(ids.trace));
        if (hasParent) doc.put("parent_id", ids.parent);
        if (subsegment) doc.put("type", "subsegment");
        String[] nameAndNamespace = name(span, attrs, res, awsSdk);
        doc.put("name", nameAndNamespace[0]);
        if (nameAndNamespace[1] != null) doc.put("namespace", nameAndNamespace[1]);
        doc.put("start_time", seconds(span.getStartTimeUnixNano()));
        if (span.getEndTimeUnixNano() == 0) doc.put("in_progress", true);
        else doc.put("end_time", seconds(Math.max(span.getEndTimeUnixNano(), span.getStartTimeUnixNano())));

        ObjectNode http = HttpBlock.make(span, attrs);
        if (http != null) doc.set("http", http);
        CauseBlock.apply(doc, span, attrs, res, ids.span);
        if (!subsegment) {
            String origin = AwsBlock.origin(res);
            if (origin != null) doc.put("origin", origin);
        }
        ObjectNode aws = AwsBlock.make(attrs, res, !subsegment);
        if (aws != null && !aws.isEmpty()) doc.set("aws", aws);
        if (!subsegment) {
            ObjectNode service = AwsBlock.service(res);
            if (service != null) doc.set("service", service);
        }
        ObjectNode sql = SqlBlock.make(span, attrs);
        if (sql != null) doc.set("sql", sql);
        String user = attrs.string("enduser.id");
        if (user != null) {
            doc.put("user", user);
            attrs.take("enduser.id");
        }
        annotationsAndMetadata(doc, attrs, res, !subsegment);
        otelMetadata(doc, span, scope, ids);
        ArrayNode links = links(span);
        if (links != null) doc.set("links", links);
        return doc;
    }

    /** The exporter's choice of name (a service, not a method) and namespace. */
    private static String[] name(Span span, Attributes attrs, Attributes res, boolean awsSdk) {
        Span.SpanKind kind = span.getKind();
        boolean outgoing = kind == Span.SpanKind.SPAN_KIND_CLIENT || kind == Span.SpanKind.SPAN_KIND_PRODUCER
                || kind == Span.SpanKind.SPAN_KIND_CONSUMER;
        String name = null;
        String namespace = null;
        if (kind == Span.SpanKind.SPAN_KIND_SERVER) name = attrs.string("aws.local.service");
        if (outgoing && attrs.has("aws.remote.service")) {
            name = attrs.string("aws.remote.service");
            if (awsSdk) name = trimSdkPrefix(name);
            if (name != null) namespace = awsSdk ? "aws" : "remote";
        }
        if (name == null) name = attrs.string("peer.service");
        if (awsSdk && namespace == null) namespace = "aws";
        if (name == null && attrs.has("aws.service")) {
            name = attrs.string("aws.service");
            if (namespace == null) namespace = "aws";
        }
        // An AWS SDK call is named for the service it calls (as X-Ray's own SDKs name it), before the db.*
        // step would name a DynamoDB call for its table: newer SDKs set db.namespace to the table name.
        if (name == null && awsSdk) name = AwsBlock.sdkService(attrs);
        if (name == null) {
            String db = attrs.first("db.name", "db.namespace");
            if (db != null) {
                String host = dbHost(attrs.string("db.connection_string"));
                name = host == null ? db : db + "@" + host;
            }
        }
        if (name == null && kind == Span.SpanKind.SPAN_KIND_SERVER) name = res.string("service.name");
        if (name == null) name = attrs.first("rpc.service", "http.host", "net.peer.name", "server.address");
        if (name == null || name.isBlank()) name = fixName(span.getName());
        if (namespace == null && kind == Span.SpanKind.SPAN_KIND_CLIENT) namespace = "remote";
        return new String[] {name, namespace};
    }

    private static String trimSdkPrefix(String name) {
        if (name == null) return null;
        if (name.startsWith("AWS.SDK.")) return name.substring("AWS.SDK.".length());
        if (name.startsWith("AWS::")) return name.substring("AWS::".length());
        return name;
    }

    /** The host of a connection string (jdbc:mysql://db.example.com:3306 → db.example.com). */
    private static String dbHost(String connection) {
        if (connection == null) return null;
        try {
            String host = java.net.URI.create(connection.startsWith("jdbc:") ? connection.substring(5) : connection).getHost();
            return host == null || host.isEmpty() ? null : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** X-Ray's characters only, at most 200 of them; "span" when none is left. */
    static String fixName(String name) {
        String fixed = INVALID_NAME.matcher(name).replaceAll("");
        if (fixed.length() > MAX_NAME) fixed = fixed.substring(0, MAX_NAME);
        return fixed.isEmpty() ? "span" : fixed;
    }

    /** X-Ray's annotation keys: letters, digits, dots (the exporter's allowDot gate is on) and underscores. */
    static String fixAnnotationKey(String key) {
        StringBuilder b = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.';
            b.append(ok ? c : '_');
        }
        return b.toString();
    }

    private void annotationsAndMetadata(ObjectNode doc, Attributes attrs, Attributes res, boolean storeResource) {
        Set<String> indexed = new LinkedHashSet<>(attrs.strings(ANNOTATIONS_KEY));
        attrs.take(ANNOTATIONS_KEY);
        ObjectNode annotations = NODES.objectNode();
        ObjectNode metadata = NODES.objectNode();
        ObjectNode defaults = NODES.objectNode();
        if (storeResource) {
            for (Map.Entry<String, AnyValue> e : res.all().entrySet()) {
                String key = RESOURCE_PREFIX + e.getKey();
                JsonNode annotation = Attributes.annotation(e.getValue());
                if (annotation != null && (indexAll || indexed.contains(key))) annotations.set(fixAnnotationKey(key), annotation);
                else defaults.set(key, Attributes.json(e.getValue()));
            }
        }
        for (Map.Entry<String, AnyValue> e : attrs.all().entrySet()) {
            String key = e.getKey();
            AnyValue value = e.getValue();
            JsonNode annotation = Attributes.annotation(value);
            if ((indexAll || indexed.contains(key)) && annotation != null) {
                annotations.set(fixAnnotationKey(key), annotation);
            } else if (!indexAll && key.startsWith(METADATA_PREFIX) && value.hasStringValue()) {
                String namespace = key.substring(METADATA_PREFIX.length());
                JsonNode parsed = parseObject(value.getStringValue());
                if (parsed == null) defaults.set(key, Attributes.json(value));
                else if (namespace.equalsIgnoreCase("default")) parsed.fields().forEachRemaining(f -> defaults.set(f.getKey(), f.getValue()));
                else metadata.set(namespace, parsed);
            } else if (!indexAll || annotation == null) {
                defaults.set(key, Attributes.json(value));
            }
        }
        if (!annotations.isEmpty()) doc.set("annotations", annotations);
        if (!defaults.isEmpty()) metadata.set("default", defaults);
        doc.set("metadata", metadata);
    }

    private static JsonNode parseObject(String text) {
        try {
            JsonNode n = Json.read(text);
            return n != null && n.isObject() ? n : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** What the X-Ray form has no field for, so the span can be shown and exported as it was sent. */
    /** A span's ids in hex, spelled once. */
    private record Ids(String trace, String span, String parent) {}

    private static void otelMetadata(ObjectNode doc, Span span, InstrumentationScope scope, Ids ids) {
        ObjectNode otel = NODES.objectNode();
        otel.put("trace_id", ids.trace);
        otel.put("span_id", ids.span);
        if (ids.parent != null) otel.put("parent_span_id", ids.parent);
        otel.put("name", span.getName());
        otel.put("kind", kindName(span.getKind()));
        otel.put("start_time_unix_nano", Long.toUnsignedString(span.getStartTimeUnixNano()));
        otel.put("end_time_unix_nano", Long.toUnsignedString(span.getEndTimeUnixNano()));
        if (span.getStatus().getCode() != Status.StatusCode.STATUS_CODE_UNSET) {
            ObjectNode status = otel.putObject("status");
            status.put("code", span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR ? "ERROR" : "OK");
            if (!span.getStatus().getMessage().isEmpty()) status.put("message", span.getStatus().getMessage());
        }
        if (!span.getTraceState().isEmpty()) otel.put("trace_state", span.getTraceState());
        if (!scope.getName().isEmpty()) {
            ObjectNode s = otel.putObject("scope");
            s.put("name", scope.getName());
            if (!scope.getVersion().isEmpty()) s.put("version", scope.getVersion());
        }
        ArrayNode events = NODES.arrayNode();
        for (Span.Event e : span.getEventsList()) {
            if (CauseBlock.EXCEPTION_EVENT.equals(e.getName())) continue; // the cause holds it
            ObjectNode event = events.addObject();
            event.put("name", e.getName());
            event.put("time_unix_nano", Long.toUnsignedString(e.getTimeUnixNano()));
            if (e.getAttributesCount() > 0) event.set("attributes", Attributes.json(e.getAttributesList()));
        }
        if (!events.isEmpty()) otel.set("events", events);
        ((ObjectNode) doc.get("metadata")).set("otel", otel);
    }

    /** SPAN_KIND_SERVER → SERVER, as otel-tui and Jaeger show it. */
    static String kindName(Span.SpanKind kind) {
        return switch (kind) {
            case SPAN_KIND_SERVER -> "SERVER";
            case SPAN_KIND_CLIENT -> "CLIENT";
            case SPAN_KIND_PRODUCER -> "PRODUCER";
            case SPAN_KIND_CONSUMER -> "CONSUMER";
            case SPAN_KIND_INTERNAL -> "INTERNAL";
            default -> "UNSPECIFIED";
        };
    }

    private static ArrayNode links(Span span) {
        if (span.getLinksCount() == 0) return null;
        ArrayNode links = NODES.arrayNode();
        for (Span.Link l : span.getLinksList()) {
            if (l.getTraceId().size() != 16 || l.getSpanId().size() != 8) continue;
            ObjectNode link = links.addObject();
            link.put("trace_id", OtelIds.xrayTraceId(l.getTraceId()));
            link.put("id", OtelIds.hex(l.getSpanId()));
            if (l.getAttributesCount() > 0) link.set("attributes", Attributes.json(l.getAttributesList()));
        }
        return links.isEmpty() ? null : links;
    }

    /** Nanoseconds since the epoch → X-Ray's seconds (microsecond precision survives a double). */
    static double seconds(long nanos) {
        return Long.divideUnsigned(nanos, 1000) / 1_000_000.0;
    }
}
