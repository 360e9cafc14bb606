package io.xspy.source.otel;

import static io.xspy.source.otel.Spans.client;
import static io.xspy.source.otel.Spans.kv;
import static io.xspy.source.otel.Spans.resource;
import static io.xspy.source.otel.Spans.server;
import static io.xspy.source.otel.Spans.service;
import static io.xspy.source.otel.Spans.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import io.xspy.trace.Diagnostic;
import io.xspy.trace.Kind;
import io.xspy.trace.RemoteCall;
import io.xspy.trace.Segment;
import io.xspy.trace.SegmentParser;
import io.xspy.trace.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One rule of the Collector's X-Ray exporter per test, on hand-built spans, read back by SegmentParser. */
class SpanTranslatorTest {

    private static final InstrumentationScope SCOPE = InstrumentationScope.newBuilder().setName("test").build();

    private static ObjectNode doc(Span.Builder span, Resource resource) {
        return SpanTranslator.DEFAULT.document(span.build(), resource, SCOPE);
    }

    private static ObjectNode doc(Span.Builder span) {
        return doc(span, service("checkout"));
    }

    /** The document as the core reads it, with no diagnostic: a translation is a valid segment document. */
    private static Segment segment(ObjectNode doc) {
        List<Diagnostic> found = new ArrayList<>();
        Segment s = new SegmentParser("otlp", found).parseDocument(doc);
        assertEquals(List.of(), found);
        return s;
    }

    @Test
    void serverSpanIsASegmentNamedByItsService() {
        Segment s = segment(doc(server("GET /orders")));
        assertEquals(Kind.SEGMENT, s.kind());
        assertEquals("checkout", s.name());
        assertNull(s.namespace());
        assertNull(s.parentId());
        assertEquals(Spans.ROOT, s.id());
    }

    @Test
    void w3cTraceIdBecomesXrayTraceIdLosslessly() {
        Segment s = segment(doc(server("GET /")));
        assertEquals("1-5759e988-bd862e3fe1be46a994272793", s.traceId());
        assertEquals(Spans.TRACE, OtelIds.w3cTraceId(s.traceId()));
    }

    @Test
    void timesAreSecondsWithMicroseconds() {
        Segment s = segment(doc(span("work", Span.SpanKind.SPAN_KIND_INTERNAL, Spans.CHILD, Spans.ROOT, 10, 60)
                .setStartTimeUnixNano(Spans.T0 + 10_123_456)));
        assertEquals(1_795_953_600.010123, s.startTime(), 1e-7);
        assertEquals(1_795_953_600.060, s.endTime(), 1e-7);
    }

    @Test
    void clientChildIsAnIndependentSubsegmentInTheRemoteNamespace() {
        Segment s = segment(doc(client("GET").addAttributes(kv("http.host", "pay.example"))));
        assertEquals(Kind.SUBSEGMENT, s.kind());
        assertTrue(s.independent());
        assertEquals(Spans.ROOT, s.parentId());
        assertEquals("remote", s.namespace());
        assertEquals("pay.example", s.name());
    }

    @Test
    void internalChildIsASubsegmentWithoutNamespaceNamedBySpan() {
        Segment s = segment(doc(span("resize <image>", Span.SpanKind.SPAN_KIND_INTERNAL, Spans.CHILD, Spans.ROOT, 1, 2)));
        assertEquals(Kind.SUBSEGMENT, s.kind());
        assertNull(s.namespace());
        assertEquals("resize image", s.name(), "characters X-Ray does not take are dropped");
    }

    @Test
    void spanWithoutParentIsASegmentWhateverItsKind() {
        Segment s = segment(doc(span("cron", Span.SpanKind.SPAN_KIND_CLIENT, Spans.ROOT, null, 0, 5)));
        assertEquals(Kind.SEGMENT, s.kind());
        assertEquals("remote", s.namespace());
    }

    @Test
    void awsSdkSpanIsAnAwsCallWithOperationTableRegionAndRequestId() {
        Segment s = segment(doc(client("DynamoDB.PutItem").addAllAttributes(List.of(kv("rpc.system", "aws-api"),
                kv("rpc.service", "DynamoDB"), kv("rpc.method", "PutItem"), kv("aws.region", "eu-central-1"),
                kv("aws.dynamodb.table_names", List.of("orders")), kv("aws.request_id", "REQ1")))));
        assertEquals("DynamoDB", s.name());
        assertEquals("aws", s.namespace());
        assertEquals("PutItem", s.aws().operation());
        assertEquals("orders", s.aws().tableName());
        assertEquals("eu-central-1", s.aws().region());
        assertEquals("REQ1", s.aws().requestId());
        assertEquals(new RemoteCall("DynamoDB", "orders", "PutItem", true), s.remoteCall());
    }

    @Test
    void awsServiceAttributeNamesTheCallAndSeveralTablesAreListed() {
        ObjectNode d = doc(client("x").addAllAttributes(List.of(kv("aws.service", "DynamoDB"), kv("aws.operation", "BatchGetItem"),
                kv("aws.dynamodb.table_names", List.of("a", "b")), kv("aws.queue_url", "https://sqs/q"))));
        assertEquals("DynamoDB", d.get("name").asText());
        assertEquals("aws", d.get("namespace").asText());
        assertEquals("BatchGetItem", d.at("/aws/operation").asText());
        assertEquals("[\"a\",\"b\"]", d.at("/aws/table_names").toString());
        assertTrue(d.at("/aws/table_name").isMissingNode());
        assertEquals("https://sqs/q", d.at("/aws/queue_url").asText());
    }

    @Test
    void oldHttpConventionsFillTheHttpBlock() {
        Segment s = segment(doc(client("GET").addAllAttributes(List.of(kv("http.method", "GET"),
                kv("http.url", "http://pay.example/v1"), kv("http.status_code", 200), kv("http.user_agent", "curl")))));
        assertEquals("GET", s.http().method());
        assertEquals("http://pay.example/v1", s.http().url());
        assertEquals(200, s.http().status());
        assertEquals("curl", s.http().userAgent());
    }

    @Test
    void newHttpConventionsFillTheHttpBlock() {
        Segment s = segment(doc(client("GET").addAllAttributes(List.of(kv("http.request.method", "PUT"),
                kv("url.full", "https://pay.example/v2?x=1"), kv("http.response.status_code", 201)))));
        assertEquals("PUT", s.http().method());
        assertEquals("https://pay.example/v2?x=1", s.http().url());
        assertEquals(201, s.http().status());
        assertFalse(s.metadata().path("default").has("url.full"), "translated attributes are not repeated as metadata");
    }

    @Test
    void serverUrlIsAssembledFromSchemeHostPortPathAndQuery() {
        Segment s = segment(doc(server("GET").addAllAttributes(List.of(kv("http.request.method", "GET"),
                kv("url.scheme", "https"), kv("server.address", "shop.example"), kv("server.port", 8443),
                kv("url.path", "/orders"), kv("url.query", "page=2"), kv("client.address", "10.0.0.9")))));
        assertEquals("https://shop.example:8443/orders?page=2", s.http().url());
        assertEquals("10.0.0.9", s.http().clientIp());
    }

    @Test
    void errorStatusWithoutHttpIsAFaultWithItsMessageAsCause() {
        Segment s = segment(doc(server("job").setStatus(Spans.error("disk full"))));
        assertTrue(s.fault());
        assertFalse(s.error());
        assertEquals("disk full", s.cause().exceptions().get(0).message());
        assertEquals(Status.FAULT, s.status());
    }

    @Test
    void httpStatusDecidesErrorThrottleAndFault() {
        assertTrue(segment(doc(server("a").addAttributes(kv("http.response.status_code", 404)))).error());
        Segment throttled = segment(doc(server("a").addAttributes(kv("http.status_code", 429))));
        assertTrue(throttled.error() && throttled.throttle());
        Segment fault = segment(doc(server("a").addAttributes(kv("http.response.status_code", 503))));
        assertTrue(fault.fault() && !fault.error());
        Segment okButError = segment(doc(server("a").addAttributes(kv("http.response.status_code", 200))
                .setStatus(Spans.error("x"))));
        assertTrue(okButError.fault(), "an ERROR status with a non-error HTTP code is a fault, as the exporter decides");
    }

    @Test
    void pythonExceptionEventBecomesCauseWithStack() {
        String stack = "Traceback (most recent call last):\n  File \"/app/main.py\", line 12, in handler\n    store()\n"
                + "  File \"/app/db.py\", line 3, in store\n    raise ValueError(\"bad\")\nValueError: bad\n";
        Segment s = segment(doc(client("x").addEvents(Spans.exception("ValueError", "bad", stack, 5))));
        var e = s.cause().exceptions().get(0);
        assertEquals("ValueError", e.type());
        assertEquals("bad", e.message());
        assertTrue(e.remote(), "a client span's exception is remote");
        assertEquals(2, e.stack().size());
        assertEquals("/app/db.py", e.stack().get(0).path(), "innermost frame first, as X-Ray lists them");
        assertEquals(3, e.stack().get(0).line());
        assertEquals("store", e.stack().get(0).label());
    }

    @Test
    void javaExceptionWithCauseChain() {
        String stack = "java.lang.IllegalStateException: outer\n\tat com.x.A.run(A.java:10)\n"
                + "Caused by: java.io.IOException: inner\n\tat java.base/java.io.F.read(F.java:5)\n\t... 3 more\n";
        Resource java = resource(kv("service.name", "svc"), kv("telemetry.sdk.language", "java"));
        var exceptions = segment(doc(server("x").addEvents(Spans.exception("java.lang.IllegalStateException", "outer", stack, 1)), java))
                .cause().exceptions();
        assertEquals(2, exceptions.size());
        assertEquals("com.x.A.run", exceptions.get(0).stack().get(0).label());
        assertEquals(exceptions.get(1).id(), exceptions.get(0).cause());
        assertEquals("java.io.IOException", exceptions.get(1).type());
        assertEquals("java.io.F.read", exceptions.get(1).stack().get(0).label(), "module prefix dropped");
    }

    @Test
    void nodeExceptionStack() {
        String stack = "Error: boom\n    at store (/app/db.js:7:11)\n    at async main (/app/index.js:20:3)\n    at node:internal/x";
        Resource node = resource(kv("service.name", "svc"), kv("telemetry.sdk.language", "nodejs"));
        var e = segment(doc(server("x").addEvents(Spans.exception("Error", "boom", stack, 1)), node)).cause().exceptions().get(0);
        assertEquals("/app/db.js", e.stack().get(0).path());
        assertEquals(7, e.stack().get(0).line());
        assertEquals("store", e.stack().get(0).label());
        assertEquals("async main", e.stack().get(1).label());
    }

    @Test
    void listedAttributesAreAnnotationsTheRestMetadata() {
        Segment s = segment(doc(server("x").addAllAttributes(List.of(kv("tenant", "acme"), kv("retries", 2L),
                kv("note", "n"), kv("aws.xray.annotations", List.of("tenant", "retries")),
                kv("aws.xray.metadata.orders", "{\"count\":3}")))));
        assertEquals("acme", s.annotations().get("tenant"));
        assertEquals(2L, ((Number) s.annotations().get("retries")).longValue());
        assertFalse(s.annotations().containsKey("note"));
        assertEquals("n", s.metadata().at("/default/note").asText());
        assertEquals(3, s.metadata().at("/orders/count").asInt());
    }

    @Test
    void indexAllMakesEveryPlainAttributeAnAnnotationWithXrayKeys() {
        ObjectNode d = new SpanTranslator(true).document(server("x").addAllAttributes(List.of(kv("app.tenant-id", "acme"),
                kv("flag", true))).build(), service("checkout"), SCOPE);
        assertEquals("acme", d.at("/annotations/app.tenant_id").asText(), "dots stay (the exporter's allowDot), '-' becomes '_'");
        assertTrue(d.at("/annotations/flag").asBoolean());
        assertEquals("checkout", d.at("/annotations/otel.resource.service.name").asText());
    }

    @Test
    void resourceGivesTheSegmentItsServiceVersionSdkAndResourceMetadata() {
        Resource r = resource(kv("service.name", "checkout"), kv("service.version", "1.4.2"),
                kv("telemetry.sdk.name", "opentelemetry"), kv("telemetry.sdk.language", "python"),
                kv("telemetry.sdk.version", "1.45.2"), kv("cloud.provider", "aws"), kv("cloud.account.id", "123456789012"));
        Segment s = segment(doc(server("x"), r));
        assertEquals("1.4.2", s.service().get("version").asText());
        assertEquals("opentelemetry for python 1.45.2", s.aws().xraySdk());
        assertEquals("123456789012", s.aws().accountId());
        assertEquals("checkout", s.metadata().at("/default/otel.resource.service.name").asText());
        Segment child = segment(doc(client("y"), r));
        assertTrue(child.metadata().path("default").isMissingNode(), "only the segment (the local root) keeps the resource");
    }

    @Test
    void lambdaResourceGivesTheFunctionOriginAndLogGroup() {
        Resource r = resource(kv("service.name", "resize"), kv("cloud.provider", "aws"), kv("cloud.platform", "aws_lambda"),
                kv("faas.name", "resize"));
        Segment s = segment(doc(server("resize"), r));
        assertEquals("AWS::Lambda::Function", s.origin());
        assertEquals("/aws/lambda/resize", s.aws().logGroup());
        assertEquals("resize", s.aws().functionName());
    }

    @Test
    void ecsFargateAndEc2Origins() {
        assertEquals("AWS::ECS::Fargate", segment(doc(server("x"), resource(kv("cloud.provider", "aws"),
                kv("cloud.platform", "aws_ecs"), kv("aws.ecs.launchtype", "fargate")))).origin());
        assertEquals("AWS::EC2::Instance", segment(doc(server("x"), resource(kv("cloud.platform", "aws_ec2"),
                kv("host.id", "i-1")))).origin());
        assertNull(segment(doc(server("x"), resource(kv("cloud.provider", "gcp"), kv("cloud.platform", "aws_ec2")))).origin());
    }

    @Test
    void sqlDatabaseGetsTheSqlBlockOthersKeepDbAsMetadata() {
        Segment sql = segment(doc(client("SELECT orders").addAllAttributes(List.of(kv("db.system", "postgresql"),
                kv("db.name", "shop"), kv("db.connection_string", "jdbc:postgresql://db.example:5432"),
                kv("db.statement", "SELECT * FROM orders"), kv("db.user", "app")))));
        assertEquals("shop@db.example", sql.name());
        assertEquals("postgresql", sql.sql().get("database_type").asText());
        assertEquals("SELECT * FROM orders", sql.sql().get("sanitized_query").asText());
        assertEquals("jdbc:postgresql://db.example:5432/shop", sql.sql().get("connection_string").asText());
        Segment redis = segment(doc(client("GET").addAllAttributes(List.of(kv("db.system", "redis"), kv("db.name", "0")))));
        assertNull(redis.sql());
        assertEquals("redis", redis.metadata().at("/default/db.system").asText());
    }

    @Test
    void endUserIsTheUser() {
        assertEquals("alice", segment(doc(server("x").addAttributes(kv("enduser.id", "alice")))).user());
    }

    @Test
    void linksAreKeptWithXrayTraceIds() {
        JsonNode d = doc(server("x").addLinks(Span.Link.newBuilder().setTraceId(Spans.id("0123456789abcdef0123456789abcdef"))
                .setSpanId(Spans.id("1111222233334444")).addAttributes(kv("reason", "batch"))));
        assertEquals("1-01234567-89abcdef0123456789abcdef", d.at("/links/0/trace_id").asText());
        assertEquals("1111222233334444", d.at("/links/0/id").asText());
        assertEquals("batch", d.at("/links/0/attributes/reason").asText());
        assertEquals(d.get("links"), segment((ObjectNode) d).raw().get("links"), "the raw JSON keeps them");
    }

    @Test
    void theSpanAsSentStaysVisibleUnderMetadataOtel() {
        Segment s = segment(doc(client("DynamoDB.PutItem").setStatus(Spans.error("x"))
                .addEvents(Span.Event.newBuilder().setName("retry").setTimeUnixNano(Spans.T0 + 5))));
        JsonNode otel = s.metadata().get("otel");
        assertEquals(Spans.TRACE, otel.get("trace_id").asText());
        assertEquals(Spans.CHILD, otel.get("span_id").asText());
        assertEquals(Spans.ROOT, otel.get("parent_span_id").asText());
        assertEquals("CLIENT", otel.get("kind").asText());
        assertEquals("DynamoDB.PutItem", otel.get("name").asText());
        assertEquals("ERROR", otel.at("/status/code").asText());
        assertEquals(String.valueOf(Spans.T0 + 10_000_000), otel.get("start_time_unix_nano").asText());
        assertEquals("retry", otel.at("/events/0/name").asText());
        assertEquals("test", otel.at("/scope/name").asText());
    }
}
