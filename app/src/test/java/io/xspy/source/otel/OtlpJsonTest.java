package io.xspy.source.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;
import io.xspy.trace.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** OTLP JSON: ids in hex (not protobuf's base64), enums as integers, and the shapes other tools write. */
class OtlpJsonTest {

    private static final String LINE = "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
            + "\"value\":{\"stringValue\":\"checkout\"}}]},\"scopeSpans\":[{\"scope\":{\"name\":\"s\"},\"spans\":[{"
            + "\"traceId\":\"5759e988bd862e3fe1be46a994272793\",\"spanId\":\"53995c3f42cd8ad8\",\"name\":\"GET /\","
            + "\"kind\":2,\"startTimeUnixNano\":\"1795953600000000000\",\"endTimeUnixNano\":\"1795953600120000000\","
            + "\"links\":[{\"traceId\":\"0123456789abcdef0123456789abcdef\",\"spanId\":\"1111222233334444\"}],"
            + "\"status\":{\"code\":2,\"message\":\"boom\"}}]}]}]}";

    @Test
    void readsHexIdsAsTheirBytes() throws Exception {
        Span span = OtlpJson.read(LINE.getBytes(StandardCharsets.UTF_8)).getResourceSpans(0).getScopeSpans(0).getSpans(0);
        assertEquals(Spans.TRACE, OtelIds.hex(span.getTraceId()));
        assertEquals(16, span.getTraceId().size(), "not the 24 bytes a base64 reading of 32 hex digits gives");
        assertEquals(Spans.ROOT, OtelIds.hex(span.getSpanId()));
        assertEquals("1111222233334444", OtelIds.hex(span.getLinks(0).getSpanId()));
        assertEquals(Span.SpanKind.SPAN_KIND_SERVER, span.getKind());
        assertEquals(1_795_953_600_120_000_000L, span.getEndTimeUnixNano());
    }

    @Test
    void writesHexIdsAndIntegerEnumsAndReadsItsOwnOutput() throws Exception {
        ExportTraceServiceRequest request = Spans.checkout();
        String json = OtlpJson.write(request);
        assertTrue(json.contains("\"traceId\":\"" + Spans.TRACE + "\""), json);
        assertTrue(json.contains("\"kind\":2"), json);
        assertFalse(json.contains("\n"), "one request a line, as the Collector's file exporter writes");
        assertEquals(request, OtlpJson.read(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsJaegerV3AnswersAndPre1InstrumentationLibrarySpans() throws Exception {
        String jaeger = "{\"result\":" + LINE + "}";
        assertEquals(1, OtlpJson.read(Json.read(jaeger)).getResourceSpans(0).getScopeSpans(0).getSpansCount());
        String old = LINE.replace("scopeSpans", "instrumentationLibrarySpans").replace("\"scope\"", "\"instrumentationLibrary\"");
        var rs = OtlpJson.read(Json.read(old)).getResourceSpans(0);
        assertEquals("s", rs.getScopeSpans(0).getScope().getName());
        assertEquals(Spans.ROOT, OtelIds.hex(rs.getScopeSpans(0).getSpans(0).getSpanId()));
        assertTrue(OtlpJson.isTraceRequest(Json.read(jaeger)));
        assertFalse(OtlpJson.isTraceRequest(Json.read("{\"trace_id\":\"1-2-3\"}")));
    }

    @Test
    void aShapeProtobufCannotReadIsAnErrorInWords() {
        var e = assertThrows(InvalidProtocolBufferException.class,
                () -> OtlpJson.read("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"startTimeUnixNano\":\"yesterday\"}]}]}]}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("yesterday"), e.getMessage());
        assertThrows(InvalidProtocolBufferException.class, () -> OtlpJson.read("{not json".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void invalidIdsAreRejectedSpanBySpanAndCounted() {
        var request = Spans.request(Spans.service("a"), Spans.server("ok").build(),
                Spans.server("no trace id").setTraceId(com.google.protobuf.ByteString.copyFrom(new byte[16])).build(),
                Spans.server("short span id").setSpanId(com.google.protobuf.ByteString.copyFrom(new byte[] {1, 2})).build());
        java.util.List<io.xspy.trace.Segment> taken = new java.util.ArrayList<>();
        OtlpTranslation.Result r = OtlpTranslation.translate(request, "t", SpanTranslator.DEFAULT, taken::add);
        assertEquals(1, r.accepted());
        assertEquals(2, r.rejected());
        assertEquals(1, taken.size());
        assertTrue(r.rejectionMessage().startsWith("2 spans rejected: span \"no trace id\": trace id must be 16 bytes"),
                r.rejectionMessage());
    }
}
