package io.xspy.source.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.xspy.source.otel.OtlpJson;
import io.xspy.source.otel.SpanTranslator;
import io.xspy.source.otel.Spans;
import io.xspy.trace.Json;
import io.xspy.trace.Trace;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OTLP/HTTP receiver answers as the OTLP specification says and stores what it takes. */
class OtlpReceiverTest {

    private static final String TRACE_ID = "1-5759e988-bd862e3fe1be46a994272793";
    private final TraceStore store = new TraceStore(100, 100);
    private final OtlpReceiver receiver = new OtlpReceiver(new InetSocketAddress("127.0.0.1", 0), store, SpanTranslator.DEFAULT);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        receiver.close();
    }

    private HttpResponse<byte[]> post(String path, String type, String encoding, byte[] body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(receiver.endpoint().replace("/v1/traces", path)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) r.header("Content-Type", type);
        if (encoding != null) r.header("Content-Encoding", encoding);
        return http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gzip(byte[] b) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }

    @Test
    void protobufSpansBecomeATraceInTheStore() throws Exception {
        HttpResponse<byte[]> r = post("/v1/traces", "application/x-protobuf", null, Spans.checkout().toByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("application/x-protobuf", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals(ExportTraceServiceResponse.getDefaultInstance(), ExportTraceServiceResponse.parseFrom(r.body()));
        Trace t = store.trace(TRACE_ID);
        assertNotNull(t);
        assertEquals(3, t.nodeCount());
        assertEquals("checkout", t.rootSegment().name());
        assertEquals(new OtlpReceiver.Counters(1, 3, 0, 0), receiver.counters());
    }

    @Test
    void jsonAndGzipAreRead() throws Exception {
        byte[] json = OtlpJson.write(Spans.checkout()).getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> r = post("/v1/traces", "application/json; charset=utf-8", "gzip", gzip(json));
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("{}", new String(r.body(), StandardCharsets.UTF_8));
        assertEquals(3, store.trace(TRACE_ID).nodeCount());
        assertEquals(200, post("/v1/traces", "application/x-protobuf", "gzip", gzip(Spans.checkout().toByteArray())).statusCode());
    }

    @Test
    void rejectedSpansAreAPartialSuccess() throws Exception {
        var request = Spans.request(Spans.service("a"), Spans.server("ok").build(),
                Spans.server("bad").setSpanId(com.google.protobuf.ByteString.copyFrom(new byte[3])).build());
        HttpResponse<byte[]> r = post("/v1/traces", "application/x-protobuf", null, request.toByteArray());
        assertEquals(200, r.statusCode());
        var partial = ExportTraceServiceResponse.parseFrom(r.body()).getPartialSuccess();
        assertEquals(1, partial.getRejectedSpans());
        assertTrue(partial.getErrorMessage().contains("span id must be 8 bytes"), partial.getErrorMessage());
        JsonNode json = Json.read(new String(post("/v1/traces", "application/json", null,
                OtlpJson.write(request).getBytes(StandardCharsets.UTF_8)).body(), StandardCharsets.UTF_8));
        assertEquals("1", json.at("/partialSuccess/rejectedSpans").asText());
    }

    @Test
    void unreadableBodiesAre400WithAStatusInTheRequestsEncoding() throws Exception {
        HttpResponse<byte[]> r = post("/v1/traces", "application/json", null, "{\"resourceSpans\": 7".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, r.statusCode());
        JsonNode status = Json.read(new String(r.body(), StandardCharsets.UTF_8));
        assertEquals(3, status.get("code").asInt());
        assertTrue(status.get("message").asText().startsWith("not an OTLP ExportTraceServiceRequest in JSON"), status.toString());
        assertEquals(400, post("/v1/traces", "application/x-protobuf", null, new byte[] {(byte) 0xff, 1, 2}).statusCode());
        assertEquals(400, post("/v1/traces", "application/x-protobuf", "gzip", new byte[] {1, 2, 3}).statusCode());
    }

    @Test
    void wrongTypePathMethodAndEncodingAreRefusedInOtlpTerms() throws Exception {
        assertEquals(415, post("/v1/traces", "text/plain", null, new byte[0]).statusCode());
        assertEquals(415, post("/v1/traces", "application/x-protobuf", "br", new byte[0]).statusCode());
        assertEquals(404, post("/v1/metrics", "application/x-protobuf", null, new byte[0]).statusCode());
        HttpResponse<byte[]> get = http.send(HttpRequest.newBuilder(URI.create(receiver.endpoint())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(405, get.statusCode());
        assertEquals(4, receiver.counters().refused());
        assertTrue(receiver.recentDiagnostics().get(0).message().startsWith("HTTP 415: Content-Type must be"));
    }

    @Test
    void aBodyOverTheLimitIs413EvenWhenItOnlyGrowsUnderGzip() throws Exception {
        byte[] huge = new byte[OtlpReceiver.MAX_BODY_BYTES + 1];
        assertEquals(413, post("/v1/traces", "application/x-protobuf", null, huge).statusCode());
        byte[] bomb = gzip(huge); // a few KB that inflate past the limit
        assertTrue(bomb.length < 100_000);
        assertEquals(413, post("/v1/traces", "application/x-protobuf", "gzip", bomb).statusCode());
        assertEquals(0, store.counters().traces());
    }

    @Test
    void anEmptyRequestIsASuccessWithNothingStored() throws Exception {
        assertEquals(200, post("/v1/traces", "application/x-protobuf", null, new byte[0]).statusCode());
        assertEquals(0, store.counters().traces());
    }
}
