package io.xspy.source.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.source.local.Exporter;
import io.xspy.source.local.FileLoader;
import io.xspy.source.local.OtlpReceiver;
import io.xspy.source.local.TraceStore;
import io.xspy.source.otel.SdkSpans.Sdk;
import io.xspy.testing.GoldenFiles;
import io.xspy.trace.Kind;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real OpenTelemetry SDKs (Python, Node) send a traced request to xspy's receiver: the trace has
 * its service, its HTTP and DynamoDB calls and its exception; an OTLP JSON export of it reads back to
 * the same timeline. With -Dsdk.capture=true the requests are kept as fixtures under
 * src/test/resources/sdk-spans/, whose timelines are golden files (read without the SDKs).
 */
class SdkSpansTest {

    @ParameterizedTest
    @EnumSource(Sdk.class)
    void sdkTraceArrivesWithServiceCallsAndException(Sdk sdk) throws Exception {
        sdk.require();
        TraceStore store = new TraceStore(100, 100);
        try (OtlpReceiver receiver = new OtlpReceiver(new InetSocketAddress("127.0.0.1", 0), store, SpanTranslator.DEFAULT)) {
            boolean capture = Boolean.getBoolean("sdk.capture");
            SdkSpans.Recorder recorder = capture ? new SdkSpans.Recorder(receiver.endpoint(), sdk.fixtures()) : null;
            try {
                List<String> command = new ArrayList<>(sdk.script);
                command.add(capture ? recorder.endpoint() : receiver.endpoint());
                SdkSpans.Run run = SdkSpans.run(command, 120);
                assertEquals(0, run.exit(), run.out());
                Trace trace = SdkSpans.only(store);
                assertEquals(OtelIds.w3cTraceId(trace.id()), run.out().lines().reduce((a, b) -> b).orElse(""),
                        "the trace id the SDK printed");
                assertEquals(new OtlpReceiver.Counters(receiver.counters().requests(), 3, 0, 0), receiver.counters());
                checkTrace(trace, "shop-" + sdk.dir);
                assertSameTimelineThroughOtlpJson(store);
            } finally {
                if (recorder != null) recorder.close();
            }
        }
    }

    /** What the issue asks to see: the service, its HTTP and DynamoDB calls, the exception. */
    static void checkTrace(Trace trace, String service) {
        Segment root = trace.rootSegment();
        assertEquals(service, root.name());
        assertEquals(Kind.SEGMENT, root.kind());
        assertEquals("SERVER", root.metadata().at("/otel/kind").asText());
        assertEquals("POST", root.http().method());
        assertEquals(500, root.http().status());
        assertTrue(root.fault());
        assertEquals("acme", root.annotations().get("order.tenant"));
        assertEquals("1.0.0", root.service().get("version").asText());
        List<Segment> nodes = new ArrayList<>();
        root.walk(nodes::add);
        assertEquals(3, nodes.size(), nodes.toString());
        Segment http = nodes.stream().filter(s -> "remote".equals(s.namespace())).findFirst().orElseThrow();
        assertEquals("inventory.internal", http.name());
        assertEquals("http://inventory.internal/items/42", http.http().url());
        assertEquals(200, http.http().status());
        Segment dynamo = nodes.stream().filter(s -> "aws".equals(s.namespace())).findFirst().orElseThrow();
        assertEquals("DynamoDB", dynamo.name());
        assertEquals("PutItem", dynamo.aws().operation());
        assertEquals("orders", dynamo.aws().tableName());
        assertEquals("eu-central-1", dynamo.aws().region());
        assertTrue(dynamo.fault());
        assertNotNull(dynamo.cause());
        var exception = dynamo.cause().exceptions().get(0);
        assertTrue(exception.type().endsWith("ProvisionedThroughputExceededException"), exception.type());
        assertEquals("Rate of requests exceeds the allowed throughput", exception.message());
        assertFalse(exception.stack().isEmpty(), "the stack trace's frames");
        assertTrue(exception.stack().stream().anyMatch(f -> f.path() != null && f.path().contains("send")), exception.stack().toString());
    }

    /** export --format otlp, then --file: the same timeline as what the receiver got. */
    static void assertSameTimelineThroughOtlpJson(TraceStore store) throws Exception {
        StringWriter json = new StringWriter();
        Exporter.exportOtlp(store, json);
        TraceStore again = new TraceStore();
        FileLoader.Loaded loaded = FileLoader.load(json.toString(), "export.json", again);
        assertEquals(0, loaded.problems(), loaded.diagnostics().toString());
        assertEquals(SdkSpans.timeline(SdkSpans.only(store)), SdkSpans.timeline(SdkSpans.only(again)));
    }

    @ParameterizedTest
    @EnumSource(Sdk.class)
    void capturedSpansGiveTheGoldenTimeline(Sdk sdk) throws Exception {
        TraceStore store = SdkSpans.fromFixtures(sdk);
        Trace trace = SdkSpans.only(store);
        checkTrace(trace, "shop-" + sdk.dir);
        String text = SdkSpans.timeline(trace);
        GoldenFiles.check("sdk-spans", sdk.dir + "-timeline-100-ascii.txt", text);
        assertEquals(text, SdkSpans.timeline(SdkSpans.only(SdkSpans.fromJsonFixtures(sdk))),
                "xspy --file of the OTLP JSON gives the same timeline");
        assertSameTimelineThroughOtlpJson(store);
    }
}
