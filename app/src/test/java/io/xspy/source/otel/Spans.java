package io.xspy.source.otel;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.List;

/** Hand-built OpenTelemetry spans for the translation's tests. */
public final class Spans {

    public static final String TRACE = "5759e988bd862e3fe1be46a994272793";
    public static final String ROOT = "53995c3f42cd8ad8";
    public static final String CHILD = "0f9e3c6a1b2d4e5f";
    /** 2026-11-29T12:00:00Z in nanoseconds. */
    public static final long T0 = 1_795_953_600_000_000_000L;

    private Spans() {}

    public static ByteString id(String hex) {
        return OtelIds.bytes(hex);
    }

    public static Span.Builder span(String name, Span.SpanKind kind, String spanId, String parentId, long startMs, long endMs) {
        Span.Builder b = Span.newBuilder().setTraceId(id(TRACE)).setSpanId(id(spanId)).setName(name).setKind(kind)
                .setStartTimeUnixNano(T0 + startMs * 1_000_000).setEndTimeUnixNano(T0 + endMs * 1_000_000);
        if (parentId != null) b.setParentSpanId(id(parentId));
        return b;
    }

    public static Span.Builder server(String name) {
        return span(name, Span.SpanKind.SPAN_KIND_SERVER, ROOT, null, 0, 120);
    }

    public static Span.Builder client(String name) {
        return span(name, Span.SpanKind.SPAN_KIND_CLIENT, CHILD, ROOT, 10, 60);
    }

    public static KeyValue kv(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    public static KeyValue kv(String key, long value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setIntValue(value)).build();
    }

    public static KeyValue kv(String key, boolean value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setBoolValue(value)).build();
    }

    public static KeyValue kv(String key, List<String> values) {
        ArrayValue.Builder a = ArrayValue.newBuilder();
        for (String v : values) a.addValues(AnyValue.newBuilder().setStringValue(v));
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setArrayValue(a)).build();
    }

    public static Resource resource(KeyValue... attributes) {
        return Resource.newBuilder().addAllAttributes(List.of(attributes)).build();
    }

    public static Resource service(String name) {
        return resource(kv("service.name", name), kv("telemetry.sdk.name", "opentelemetry"),
                kv("telemetry.sdk.language", "python"), kv("telemetry.sdk.version", "1.45.2"));
    }

    public static Status error(String message) {
        return Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage(message).build();
    }

    public static Span.Event exception(String type, String message, String stack, long atMs) {
        Span.Event.Builder e = Span.Event.newBuilder().setName("exception").setTimeUnixNano(T0 + atMs * 1_000_000)
                .addAttributes(kv("exception.type", type)).addAttributes(kv("exception.message", message));
        if (stack != null) e.addAttributes(kv("exception.stacktrace", stack));
        return e.build();
    }

    /** One request holding the spans under one resource and scope. */
    public static ExportTraceServiceRequest request(Resource resource, Span... spans) {
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder().setResource(resource)
                .addScopeSpans(ScopeSpans.newBuilder()
                        .setScope(InstrumentationScope.newBuilder().setName("xspy-test").setVersion("1.0"))
                        .addAllSpans(List.of(spans)))).build();
    }

    /** A checkout service that stores an order in DynamoDB, which fails with a Python exception. */
    public static ExportTraceServiceRequest checkout() {
        Span server = server("POST /orders").addAllAttributes(List.of(kv("http.request.method", "POST"),
                kv("url.scheme", "http"), kv("server.address", "shop.example"), kv("url.path", "/orders"),
                kv("http.response.status_code", 500), kv("tenant", "acme"), kv("aws.xray.annotations", List.of("tenant"))))
                .setStatus(error("order not stored")).build();
        Span dynamo = span("DynamoDB.PutItem", Span.SpanKind.SPAN_KIND_CLIENT, CHILD, ROOT, 20, 95)
                .addAllAttributes(List.of(kv("rpc.system", "aws-api"), kv("rpc.service", "DynamoDB"),
                        kv("rpc.method", "PutItem"), kv("aws.region", "eu-central-1"),
                        kv("aws.dynamodb.table_names", List.of("orders")), kv("aws.request_id", "REQ123")))
                .setStatus(error("ProvisionedThroughputExceededException"))
                .addEvents(exception("ProvisionedThroughputExceededException", "Rate of requests exceeds the allowed throughput",
                        "Traceback (most recent call last):\n  File \"/app/shop.py\", line 41, in store\n    table.put_item(Item=item)\n"
                                + "botocore.errorfactory.ProvisionedThroughputExceededException: Rate of requests exceeds\n", 95))
                .build();
        Span http = span("GET", Span.SpanKind.SPAN_KIND_CLIENT, "1a2b3c4d5e6f7081", ROOT, 100, 115)
                .addAllAttributes(List.of(kv("http.request.method", "GET"), kv("url.full", "https://pay.example/v1/ping"),
                        kv("server.address", "pay.example"), kv("http.response.status_code", 200)))
                .build();
        return request(service("checkout"), server, dynamo, http);
    }
}
