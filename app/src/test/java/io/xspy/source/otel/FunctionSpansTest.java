package io.xspy.source.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.source.local.Exporter;
import io.xspy.source.local.FileLoader;
import io.xspy.source.local.OtlpReceiver;
import io.xspy.source.local.TraceStore;
import io.xspy.testing.GoldenFiles;
import io.xspy.testing.RequiredTool;
import io.xspy.trace.Kind;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The three demo functions in TRACING=otel, instrumented as in Lambda (the ADOT layer's local stand-in
 * for ts and py, the OTel Go SDK for go), send their spans to xspy's receiver: each function's own otel
 * test runs, and its fake collector forwards every export here (XSPY_OTLP_TRACES_URL). The good
 * invocation's trace has the function, its own spans with the runtime and key, and the DynamoDB PutItem
 * calls with table and region; the bad one is a fault. With -Dsdk.capture=true the exports are kept
 * under src/test/resources/sdk-spans/{ts,py,go}/, whose timelines are golden files.
 */
class FunctionSpansTest {

    /** A function, its otel test, and the spans its code adds (the X-Ray mode's subsegments). */
    enum Function {
        TS("ts", List.of("node", "--disable-warning=NodeVersionSupportWarning", "--import", "tsx", "--test", "test/otel.test.ts"),
                List.of("node", "-e", "require.resolve('@opentelemetry/sdk-node'); require.resolve('tsx')"),
                "write-item", 2),
        PY("py", List.of(".venv/bin/python", "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_otel.py"),
                List.of(".venv/bin/python", "-c", "import opentelemetry.instrumentation.aws_lambda, pytest"),
                "store-object", 2),
        GO("go", List.of("go", "test", "-count=1", "-run", "^TestBootstrapWithOTelExportsSpans$", "."),
                List.of("go", "version"),
                "write-items", 3);

        final String dir;
        final List<String> test;
        final List<String> check;
        final String writeSpan;
        final int objects;

        Function(String dir, List<String> test, List<String> check, String writeSpan, int objects) {
            this.dir = dir;
            this.test = test;
            this.check = check;
            this.writeSpan = writeSpan;
            this.objects = objects;
        }

        String service() {
            return "xraystarter-" + dir;
        }

        Path source() {
            return Path.of("..", "lambdas", dir);
        }

        Path fixtures() {
            return Path.of("src/test/resources/sdk-spans", service());
        }

        /** Skips (fails under CI) unless the function's dependencies are installed: make lambdas-test does it. */
        void require() throws Exception {
            SdkSpans.Run r = SdkSpans.run(new ProcessBuilder(check).directory(source().toFile()), 60);
            RequiredTool.require(r.exit() == 0, "the " + dir + " function's OpenTelemetry dependencies are not installed"
                    + " (make lambdas-test): " + r.out());
        }
    }

    @ParameterizedTest
    @EnumSource(Function.class)
    void functionSpansArriveWithHandlerWritesAndDynamoDbCalls(Function function) throws Exception {
        function.require();
        TraceStore store = new TraceStore(100, 100);
        try (OtlpReceiver receiver = new OtlpReceiver(new InetSocketAddress("127.0.0.1", 0), store, SpanTranslator.DEFAULT)) {
            boolean capture = Boolean.getBoolean("sdk.capture");
            SdkSpans.Recorder recorder = capture ? new SdkSpans.Recorder(receiver.endpoint(), function.fixtures()) : null;
            try {
                ProcessBuilder test = new ProcessBuilder(function.test).directory(function.source().toFile());
                test.environment().put("XSPY_OTLP_TRACES_URL", capture ? recorder.endpoint() : receiver.endpoint());
                SdkSpans.Run run = SdkSpans.run(test, 300);
                assertEquals(0, run.exit(), run.out());
                checkTraces(store.traces(), function);
                assertSameTimelinesThroughOtlpJson(store);
            } finally {
                if (recorder != null) recorder.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Function.class)
    void capturedSpansGiveTheGoldenTimeline(Function function) throws Exception {
        TraceStore store = SdkSpans.fromFixtures(function.fixtures());
        checkTraces(store.traces(), function);
        String text = timelines(store);
        GoldenFiles.check("sdk-spans", function.service() + "-timeline-100-ascii.txt", text);
        assertEquals(text, timelines(SdkSpans.fromJsonFixtures(function.fixtures())),
                "xspy --file of the OTLP JSON gives the same timelines");
    }

    /** Two invocations: one writes every object, one is a bad event. */
    static void checkTraces(List<Trace> traces, Function function) {
        assertEquals(2, traces.size(), traces.toString());
        Trace good = traces.stream().filter(t -> !t.rootSegment().fault()).findFirst().orElseThrow(() -> new AssertionError("no good trace"));
        Trace bad = traces.stream().filter(t -> t.rootSegment().fault()).findFirst().orElseThrow(() -> new AssertionError("no failed trace"));

        Segment root = good.rootSegment();
        assertEquals(function.service(), root.name());
        assertEquals(Kind.SEGMENT, root.kind());
        assertEquals("SERVER", root.metadata().at("/otel/kind").asText());
        List<Segment> nodes = new ArrayList<>();
        root.walk(nodes::add);
        List<Segment> writes = nodes.stream().filter(s -> function.writeSpan.equals(s.name())).toList();
        assertEquals(function.objects, writes.size(), nodes.toString());
        for (Segment write : writes) {
            assertEquals(function.dir, write.annotations().get("runtime"), write.annotations().toString());
            assertFalse(String.valueOf(write.annotations().get("key")).isEmpty(), write.annotations().toString());
            // The instrumentation's CLIENT span; its X-Ray name and namespace differ by SDK (see the fixtures' README).
            assertEquals(1, write.subsegments().size(), write.subsegments().toString());
            Segment call = write.subsegments().get(0);
            assertEquals("CLIENT", call.metadata().at("/otel/kind").asText());
            assertTrue(call.aws().operation().endsWith("PutItem"), call.aws().toString());
            assertEquals("items", call.aws().tableName());
            assertEquals(200, call.http().status());
            assertFalse(call.fault() || call.error(), call.toString());
        }

        assertEquals(function.service(), bad.rootSegment().name());
        List<Segment> badNodes = new ArrayList<>();
        bad.rootSegment().walk(badNodes::add);
        assertTrue(badNodes.stream().noneMatch(s -> "aws".equals(s.namespace())), "the bad event calls no DynamoDB: " + badNodes);
    }

    /** export --format otlp, then --file: the same timelines as what the receiver got. */
    static void assertSameTimelinesThroughOtlpJson(TraceStore store) throws Exception {
        StringWriter json = new StringWriter();
        Exporter.exportOtlp(store, json);
        TraceStore again = new TraceStore();
        FileLoader.Loaded loaded = FileLoader.load(json.toString(), "export.json", again);
        assertEquals(0, loaded.problems(), loaded.diagnostics().toString());
        assertEquals(timelines(store), timelines(again));
    }

    /** Every trace's timeline, oldest first. */
    static String timelines(TraceStore store) {
        return store.traces().stream().sorted(Comparator.comparingDouble(Trace::startTime))
                .map(SdkSpans::timeline).collect(Collectors.joining("\n"));
    }
}
