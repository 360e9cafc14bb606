package io.xspy.source.otel;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.xspy.trace.Cause;
import io.xspy.trace.Kind;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reverse mapping: a trace's segments → one OTLP trace request, so traces move to Jaeger,
 * otel-tui or a Collector. Each segment and subsegment (embedded or sent alone) is a span; a segment
 * is a SERVER span under a resource of its own service, an aws/remote subsegment a CLIENT span, any
 * other an INTERNAL span. The http, aws and sql blocks become the current semantic conventions
 * (http.request.method, url.full, rpc.system=aws-api with rpc.service/rpc.method,
 * aws.dynamodb.table_names, db.*), annotations attributes listed in aws.xray.annotations, metadata
 * attributes (other namespaces as aws.xray.metadata.NS JSON), exceptions exception events, links links:
 * what {@link SpanTranslator} reads back to the same segments. A span that came from OpenTelemetry
 * gets back its ids, name, kind, nanosecond times, status, scope, events and resource from
 * {@code metadata.otel}. Inferred segments (X-Ray's guesses of a downstream service) are left out.
 */
public final class SpanWriter {

    private SpanWriter() {}

    public static ExportTraceServiceRequest request(Trace trace) {
        Map<String, ResourceSpans.Builder> byService = new LinkedHashMap<>();
        Map<String, Map<String, ScopeSpans.Builder>> scopes = new LinkedHashMap<>();
        for (Segment root : trace.roots()) {
            root.walk(s -> {
                if (s.kind() == Kind.INFERRED) return;
                Segment service = serviceOf(trace, s);
                String key = service == null ? "" : service.id();
                ResourceSpans.Builder rs = byService.computeIfAbsent(key, k -> ResourceSpans.newBuilder()
                        .setResource(resource(service)));
                InstrumentationScope scope = scope(s);
                ScopeSpans.Builder ss = scopes.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .computeIfAbsent(scope.getName() + "\u0000" + scope.getVersion(), k -> {
                            rs.addScopeSpans(ScopeSpans.newBuilder().setScope(scope));
                            return rs.getScopeSpansBuilder(rs.getScopeSpansCount() - 1);
                        });
                ss.addSpans(span(trace, s));
            });
        }
        ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
        byService.values().forEach(request::addResourceSpans);
        return request.build();
    }

    /** The segment a node belongs to (itself when it is one); null for an orphan subsegment. */
    private static Segment serviceOf(Trace trace, Segment s) {
        for (Segment n = s; n != null; n = trace.parentOf(n)) {
            if (n.kind() == Kind.SEGMENT) return n;
        }
        return null;
    }

    private static JsonNode otel(Segment s) {
        JsonNode metadata = s.metadata(); // read from the stored JSON on each call
        return metadata == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : metadata.path("otel");
    }

    private static InstrumentationScope scope(Segment s) {
        JsonNode scope = otel(s).path("scope");
        if (!scope.isObject()) return InstrumentationScope.newBuilder().setName("xspy").build();
        return InstrumentationScope.newBuilder().setName(scope.path("name").asText())
                .setVersion(scope.path("version").asText("")).build();
    }

    private static Resource resource(Segment service) {
        Resource.Builder r = Resource.newBuilder();
        if (service == null) return r.addAttributes(kv("service.name", str("unknown_service"))).build();
        JsonNode metadata = service.metadata();
        JsonNode defaults = metadata == null ? null : metadata.get("default");
        boolean fromOtel = false;
        if (defaults != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = defaults.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().startsWith(SpanTranslator.RESOURCE_PREFIX)) {
                    r.addAttributes(kv(e.getKey().substring(SpanTranslator.RESOURCE_PREFIX.length()), value(e.getValue())));
                    fromOtel = true;
                }
            }
        }
        if (fromOtel) return r.build();
        r.addAttributes(kv("service.name", str(service.name())));
        if (service.origin() != null) r.addAttributes(kv(AwsBlock.ORIGIN_ATTRIBUTE, str(service.origin())));
        String platform = platform(service.origin());
        if (platform != null) {
            r.addAttributes(kv("cloud.provider", str("aws"))).addAttributes(kv("cloud.platform", str(platform)));
            if (service.origin().equals("AWS::ECS::Fargate")) r.addAttributes(kv("aws.ecs.launchtype", str("fargate")));
            if (service.origin().equals("AWS::ECS::EC2")) r.addAttributes(kv("aws.ecs.launchtype", str("ec2")));
        }
        if (service.origin() != null && service.origin().equals(AwsBlock.LAMBDA_ORIGIN) && service.aws().functionName() != null) {
            r.addAttributes(kv("faas.name", str(service.aws().functionName())));
        }
        if (service.aws().logGroup() != null) r.addAttributes(kv("aws.log.group.names", str(service.aws().logGroup())));
        if (service.service() != null && service.service().path("version").isTextual()) {
            r.addAttributes(kv("service.version", str(service.service().get("version").asText())));
        }
        return r.build();
    }

    private static String platform(String origin) {
        if (origin == null) return null;
        return switch (origin) {
            case "AWS::EC2::Instance" -> "aws_ec2";
            case "AWS::ECS::Container", "AWS::ECS::EC2", "AWS::ECS::Fargate" -> "aws_ecs";
            case "AWS::EKS::Container" -> "aws_eks";
            case "AWS::ElasticBeanstalk::Environment" -> "aws_elastic_beanstalk";
            case "AWS::AppRunner::Service" -> "aws_app_runner";
            case AwsBlock.LAMBDA_ORIGIN, "AWS::Lambda" -> "aws_lambda";
            default -> null;
        };
    }

    private static Span span(Trace trace, Segment s) {
        JsonNode otel = otel(s);
        Span.Builder b = Span.newBuilder();
        b.setTraceId(traceId(otel.path("trace_id").asText(null), s.traceId()));
        b.setSpanId(spanId(otel.path("span_id").asText(null), s.id()));
        Segment parent = trace.parentOf(s);
        String parentId = otel.has("parent_span_id") ? otel.get("parent_span_id").asText()
                : parent != null ? parent.id() : s.parentId();
        if (parentId != null) b.setParentSpanId(spanId(parentId, parentId));
        boolean remote = s.isRemote();
        b.setName(otel.path("name").isTextual() ? otel.get("name").asText()
                : "aws".equals(s.namespace()) && s.aws().operation() != null ? s.name() + "." + s.aws().operation() : s.name());
        b.setKind(kind(otel.path("kind").asText(""), s.kind() == Kind.SEGMENT ? Span.SpanKind.SPAN_KIND_SERVER
                : remote ? Span.SpanKind.SPAN_KIND_CLIENT : Span.SpanKind.SPAN_KIND_INTERNAL));
        b.setStartTimeUnixNano(nanos(otel.path("start_time_unix_nano"), s.startTime()));
        b.setEndTimeUnixNano(nanos(otel.path("end_time_unix_nano"), s.endOrStart()));
        if (otel.path("trace_state").isTextual()) b.setTraceState(otel.get("trace_state").asText());
        status(b, s, otel);
        Map<String, AnyValue> attributes = new LinkedHashMap<>();
        attributes(attributes, s);
        attributes.forEach((k, v) -> b.addAttributes(kv(k, v)));
        events(b, s, otel, language(trace, s));
        links(b, s);
        return b.build();
    }

    private static void status(Span.Builder b, Segment s, JsonNode otel) {
        JsonNode status = otel.path("status");
        if (status.isObject()) {
            b.setStatus(Status.newBuilder().setCode("ERROR".equals(status.path("code").asText())
                    ? Status.StatusCode.STATUS_CODE_ERROR : Status.StatusCode.STATUS_CODE_OK)
                    .setMessage(status.path("message").asText("")));
        } else if (s.fault() || (s.error() && s.http().status() == null)) {
            b.setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR)
                    .setMessage(s.fault() ? "fault" : "error"));
        }
    }

    /** The SDK language of the node's service, which decides how a stack trace is written. */
    private static String language(Trace trace, Segment s) {
        Segment service = serviceOf(trace, s);
        JsonNode metadata = service == null ? null : service.metadata();
        if (metadata == null) return "";
        return metadata.path("default").path(SpanTranslator.RESOURCE_PREFIX + "telemetry.sdk.language").asText("");
    }

    /** Attributes by key: the blocks' first, then metadata's for keys the blocks did not give. */
    private static void attributes(Map<String, AnyValue> b, Segment s) {
        var h = s.http();
        if (h.method() != null) b.putIfAbsent("http.request.method", str(h.method()));
        if (h.url() != null) b.putIfAbsent("url.full", str(h.url()));
        if (h.status() != null) b.putIfAbsent("http.response.status_code", num(h.status()));
        if (h.userAgent() != null) b.putIfAbsent("user_agent.original", str(h.userAgent()));
        if (h.clientIp() != null) {
            b.putIfAbsent(Boolean.TRUE.equals(h.xForwardedFor()) ? "http.client_ip" : "client.address", str(h.clientIp()));
        }
        if (h.contentLength() != null) b.putIfAbsent("http.response.body.size", num(h.contentLength()));
        var aws = s.aws();
        if ("aws".equals(s.namespace())) {
            b.putIfAbsent("rpc.system", str("aws-api"));
            b.putIfAbsent("rpc.service", str(s.name()));
            if (aws.operation() != null) b.putIfAbsent("rpc.method", str(aws.operation()));
        } else if ("remote".equals(s.namespace())) {
            b.putIfAbsent("peer.service", str(s.name()));
            if (aws.operation() != null) b.putIfAbsent("aws.operation", str(aws.operation()));
        } else if (aws.operation() != null) {
            b.putIfAbsent("aws.operation", str(aws.operation()));
        }
        if (aws.region() != null) b.putIfAbsent("aws.region", str(aws.region()));
        if (aws.requestId() != null) b.putIfAbsent("aws.request_id", str(aws.requestId()));
        if (aws.queueUrl() != null) b.putIfAbsent("aws.queue_url", str(aws.queueUrl()));
        List<String> tables = new ArrayList<>();
        if (aws.tableName() != null) tables.add(aws.tableName());
        JsonNode awsJson = aws.raw();
        if (awsJson != null) awsJson.path("table_names").forEach(t -> tables.add(t.asText()));
        if (!tables.isEmpty()) b.putIfAbsent("aws.dynamodb.table_names", strings(tables));
        JsonNode sql = s.sql();
        if (sql != null) {
            if (sql.path("database_type").isTextual()) b.putIfAbsent("db.system", str(sql.get("database_type").asText()));
            if (sql.path("sanitized_query").isTextual()) b.putIfAbsent("db.statement", str(sql.get("sanitized_query").asText()));
            if (sql.path("user").isTextual()) b.putIfAbsent("db.user", str(sql.get("user").asText()));
            String connection = sql.path("connection_string").asText(sql.path("url").asText(null));
            if (connection != null) {
                int slash = connection.lastIndexOf('/');
                boolean instance = slash > 0 && !connection.substring(0, slash).endsWith("/");
                b.putIfAbsent("db.connection_string", str(instance ? connection.substring(0, slash) : connection));
                if (instance && slash < connection.length() - 1) b.putIfAbsent("db.name", str(connection.substring(slash + 1)));
            }
        }
        if (s.user() != null) b.putIfAbsent("enduser.id", str(s.user()));
        List<String> indexed = new ArrayList<>();
        s.annotations().forEach((k, v) -> {
            if (k.startsWith(SpanTranslator.RESOURCE_PREFIX)) return; // back on the resource
            b.putIfAbsent(k, v instanceof Boolean bool ? AnyValue.newBuilder().setBoolValue(bool).build()
                    : v instanceof Number n ? (n.doubleValue() == Math.rint(n.doubleValue()) && !(v instanceof Double || v instanceof Float)
                            ? num(n.longValue()) : AnyValue.newBuilder().setDoubleValue(n.doubleValue()).build())
                    : str(String.valueOf(v)));
            indexed.add(k);
        });
        if (!indexed.isEmpty()) b.putIfAbsent(SpanTranslator.ANNOTATIONS_KEY, strings(indexed));
        JsonNode metadata = s.metadata();
        if (metadata != null && metadata.isObject()) {
            metadata.fields().forEachRemaining(ns -> {
                if (ns.getKey().equals("otel")) return;
                if (ns.getKey().equals("default") && ns.getValue().isObject()) {
                    ns.getValue().fields().forEachRemaining(e -> {
                        if (!e.getKey().startsWith(SpanTranslator.RESOURCE_PREFIX)) b.putIfAbsent(e.getKey(), value(e.getValue()));
                    });
                } else {
                    b.putIfAbsent(SpanTranslator.METADATA_PREFIX + ns.getKey(), str(ns.getValue().toString()));
                }
            });
        }
    }

    private static void events(Span.Builder b, Segment s, JsonNode otel, String language) {
        for (JsonNode e : otel.path("events")) {
            Span.Event.Builder event = Span.Event.newBuilder().setName(e.path("name").asText())
                    .setTimeUnixNano(nanos(e.path("time_unix_nano"), s.startTime()));
            e.path("attributes").fields().forEachRemaining(a -> event.addAttributes(kv(a.getKey(), value(a.getValue()))));
            b.addEvents(event);
        }
        Cause cause = s.cause();
        if (cause == null) return;
        java.util.Set<String> causes = new java.util.HashSet<>();
        for (Cause.ExceptionInfo x : cause.exceptions()) if (x.cause() != null) causes.add(x.cause());
        for (Cause.ExceptionInfo x : cause.exceptions()) {
            if (x.id() != null && causes.contains(x.id())) continue; // written as "Caused by:" of the exception it caused
            if (x.type() == null && cause.exceptions().size() == 1 && otel.path("status").path("message").asText("").equals(x.message())) {
                continue; // the status message the forward mapping made into an exception
            }
            Span.Event.Builder event = Span.Event.newBuilder().setName(CauseBlock.EXCEPTION_EVENT)
                    .setTimeUnixNano(nanos(otel.path("end_time_unix_nano"), s.endOrStart()));
            if (x.type() != null) event.addAttributes(kv("exception.type", str(x.type())));
            if (x.message() != null) event.addAttributes(kv("exception.message", str(x.message())));
            String stack = switch (language) {
                case "python" -> python(x);
                case "nodejs", "javascript", "webjs" -> javascript(x);
                default -> stack(x, cause);
            };
            if (!stack.isEmpty()) event.addAttributes(kv("exception.stacktrace", str(stack)));
            b.addEvents(event);
        }
    }

    /** A Python traceback of the frames X-Ray kept (innermost last, as Python prints it). */
    private static String python(Cause.ExceptionInfo x) {
        if (x.stack().isEmpty()) return "";
        StringBuilder out = new StringBuilder("Traceback (most recent call last):\n");
        for (int i = x.stack().size() - 1; i >= 0; i--) {
            Cause.StackFrame f = x.stack().get(i);
            out.append("  File \"").append(f.path()).append("\", line ").append(f.line() == null ? 0 : f.line())
                    .append(", in ").append(f.label() == null ? "" : f.label()).append('\n');
        }
        return out.append(x.type()).append(": ").append(x.message() == null ? "" : x.message()).append('\n').toString();
    }

    /** A V8 stack trace of the frames X-Ray kept. */
    private static String javascript(Cause.ExceptionInfo x) {
        if (x.stack().isEmpty()) return "";
        StringBuilder out = new StringBuilder().append(x.type()).append(": ").append(x.message() == null ? "" : x.message());
        for (Cause.StackFrame f : x.stack()) {
            out.append("\n    at ").append(f.label() == null || f.label().isEmpty() ? "" : f.label() + " (")
                    .append(f.path()).append(':').append(f.line() == null ? 0 : f.line()).append(":0")
                    .append(f.label() == null || f.label().isEmpty() ? "" : ")");
        }
        return out.toString();
    }

    /** A Java-style stack trace of the frames X-Ray kept, with its "Caused by:" chain: readable anywhere. */
    private static String stack(Cause.ExceptionInfo x, Cause cause) {
        if (x.stack().isEmpty() && x.cause() == null) return "";
        StringBuilder out = new StringBuilder();
        Cause.ExceptionInfo e = x;
        for (int depth = 0; e != null && depth < 20; depth++) {
            String head = (e.type() == null ? "" : e.type()) + (e.message() == null ? "" : ": " + e.message());
            out.append(depth == 0 ? head : "Caused by: " + head).append('\n');
            for (Cause.StackFrame f : e.stack()) {
                out.append("\tat ").append(f.label() == null ? "" : f.label()).append('(')
                        .append(f.path() == null ? "Unknown Source" : f.path())
                        .append(f.line() == null ? "" : ":" + f.line()).append(")\n");
            }
            String next = e.cause();
            e = next == null ? null : cause.exceptions().stream().filter(c -> next.equals(c.id())).findFirst().orElse(null);
        }
        return out.toString();
    }

    private static void links(Span.Builder b, Segment s) {
        JsonNode raw = s.raw();
        if (raw == null) return;
        for (JsonNode l : raw.path("links")) {
            String trace = OtelIds.w3cTraceId(l.path("trace_id").asText(null));
            ByteString span = OtelIds.bytes(l.path("id").asText(null));
            if (trace == null || span == null || span.size() != 8) continue;
            Span.Link.Builder link = Span.Link.newBuilder().setTraceId(OtelIds.bytes(trace)).setSpanId(span);
            l.path("attributes").fields().forEachRemaining(a -> link.addAttributes(kv(a.getKey(), value(a.getValue()))));
            b.addLinks(link);
        }
    }

    private static Span.SpanKind kind(String name, Span.SpanKind otherwise) {
        return switch (name) {
            case "SERVER" -> Span.SpanKind.SPAN_KIND_SERVER;
            case "CLIENT" -> Span.SpanKind.SPAN_KIND_CLIENT;
            case "PRODUCER" -> Span.SpanKind.SPAN_KIND_PRODUCER;
            case "CONSUMER" -> Span.SpanKind.SPAN_KIND_CONSUMER;
            case "INTERNAL" -> Span.SpanKind.SPAN_KIND_INTERNAL;
            default -> otherwise;
        };
    }

    private static long nanos(JsonNode exact, double seconds) {
        if (exact.isTextual()) {
            try {
                return Long.parseUnsignedLong(exact.asText());
            } catch (NumberFormatException e) {
                // fall back to the seconds
            }
        }
        return Math.round(seconds * 1_000_000d) * 1000L;
    }

    private static ByteString traceId(String w3c, String xray) {
        String hex = OtelIds.isHex(w3c, 32) ? w3c : OtelIds.w3cTraceId(xray);
        if (hex == null) hex = String.format("%032x", xray == null ? 0 : xray.hashCode() & 0xffffffffL); // not an X-Ray id: stable, made up
        return OtelIds.bytes(hex);
    }

    private static ByteString spanId(String otel, String xray) {
        String hex = OtelIds.isHex(otel, 16) ? otel : OtelIds.isHex(xray, 16) ? xray
                : String.format("%016x", (xray == null ? 0 : xray.hashCode() & 0xffffffffL) | 0x1_0000_0000L);
        return OtelIds.bytes(hex.toLowerCase(java.util.Locale.ROOT));
    }

    private static KeyValue kv(String key, AnyValue value) {
        return KeyValue.newBuilder().setKey(key).setValue(value).build();
    }

    private static AnyValue str(String s) {
        return AnyValue.newBuilder().setStringValue(s).build();
    }

    private static AnyValue num(long n) {
        return AnyValue.newBuilder().setIntValue(n).build();
    }

    private static AnyValue strings(List<String> values) {
        ArrayValue.Builder a = ArrayValue.newBuilder();
        values.forEach(v -> a.addValues(str(v)));
        return AnyValue.newBuilder().setArrayValue(a).build();
    }

    /** A metadata value back as an attribute value: scalars as such, arrays and objects as OTLP's. */
    private static AnyValue value(JsonNode v) {
        if (v.isTextual()) return str(v.asText());
        if (v.isBoolean()) return AnyValue.newBuilder().setBoolValue(v.asBoolean()).build();
        if (v.isIntegralNumber()) return num(v.asLong());
        if (v.isNumber()) return AnyValue.newBuilder().setDoubleValue(v.asDouble()).build();
        if (v.isArray()) {
            ArrayValue.Builder a = ArrayValue.newBuilder();
            v.forEach(e -> a.addValues(value(e)));
            return AnyValue.newBuilder().setArrayValue(a).build();
        }
        if (v.isObject()) {
            KeyValueList.Builder l = KeyValueList.newBuilder();
            v.fields().forEachRemaining(e -> l.addValues(kv(e.getKey(), value(e.getValue()))));
            return AnyValue.newBuilder().setKvlistValue(l).build();
        }
        return AnyValue.getDefaultInstance();
    }
}
