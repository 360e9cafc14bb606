package io.xspy.source.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.graph.Fixtures;
import io.xspy.source.SourceException;
import io.xspy.trace.LogLine;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLoaderTest {
    @TempDir Path dir;

    @Test
    void batchGetTracesOutputIsLoaded() throws Exception {
        List<String> docs = Fixtures.invocation(1, Fixtures.T0, 0.1, 0.08, false, 0.02, "");
        StringBuilder json = new StringBuilder("{\"Traces\":[{\"Id\":\"" + Fixtures.traceId(1) + "\",\"Segments\":[");
        for (int i = 0; i < docs.size(); i++) {
            if (i > 0) json.append(',');
            json.append("{\"Id\":\"x\",\"Document\":").append(io.xspy.source.XrayJson.JSON.writeValueAsString(docs.get(i))).append('}');
        }
        json.append("]}],\"UnprocessedTraceIds\":[]}");
        Path file = Files.writeString(dir.resolve("traces.json"), json);
        TraceStore store = new TraceStore();
        FileLoader.Loaded loaded = FileLoader.load(file, store);
        assertEquals(new FileLoader.Loaded(3, 0, 0, List.of()), loaded);
        assertEquals(1, store.trace(Fixtures.traceId(1)).roots().size());
    }

    @Test
    void missingFileIsOneClearLine() {
        SourceException e = assertThrows(SourceException.class,
                () -> FileLoader.load(dir.resolve("traces.json"), new TraceStore()));
        assertEquals("cannot read " + dir.resolve("traces.json") + ": No such file", e.getMessage());
        SourceException d = assertThrows(SourceException.class, () -> FileLoader.load(dir, new TraceStore()));
        assertTrue(d.getMessage().startsWith("cannot read " + dir + ": "), d.getMessage());
    }

    @Test
    void traceSummariesBecomeSummaryOnlyTracesWithADiagnostic() throws Exception {
        Path file = Files.writeString(dir.resolve("summaries.json"), "{\"TraceSummaries\":[{\"Id\":\"" + Fixtures.traceId(3)
                + "\",\"StartTime\":" + Fixtures.T0 + ",\"Duration\":0.5,\"ResponseTime\":0.4,\"HasFault\":true}]}");
        TraceStore store = new TraceStore();
        FileLoader.Loaded loaded = FileLoader.load(file, store);
        assertEquals(1, loaded.summaries());
        assertEquals("summaries.json: 1 trace summaries carry no segments: listed without timelines; use batch-get-traces output",
                loaded.diagnostics().get(0).toString());
        assertEquals(Fixtures.traceId(3), store.summariesOnly().get(0).id());
        assertTrue(store.summariesOnly().get(0).hasFault());
    }

    @Test
    void diagnosticsKeepTheirLineNumbersWhenLogLinesAreMixedIn() throws Exception {
        String text = "{\"logGroupName\":\"/aws/lambda/resize\",\"logStreamName\":\"s\",\"timestamp\":1700000000123,\"message\":\"hi\"}\n"
                + "not json\n";
        TraceStore store = new TraceStore();
        FileLoader.Loaded loaded = FileLoader.load(text, "mixed.ndjson", store);
        assertEquals(1, loaded.logEvents());
        assertEquals("mixed.ndjson", loaded.diagnostics().get(0).source());
        assertEquals(2, loaded.diagnostics().get(0).line());
        LogLine line = store.allLogs().get(0);
        assertEquals(1_700_000_000.123, line.timestamp(), 1e-6);
        assertEquals("hi", line.message());
    }

    @Test
    void exportRoundTripsDocumentsAndLogEvents() throws Exception {
        TraceStore store = new TraceStore();
        List<String> docs = new ArrayList<>(Fixtures.threeInvocations());
        docs.add("{\"id\":\"c000000000000001\",\"trace_id\":\"" + Fixtures.traceId(1) + "\",\"type\":\"subsegment\","
                + "\"parent_id\":\"0000000000003001\",\"name\":\"handler \\u2603 \\\"quoted\\\"\",\"start_time\":"
                + (Fixtures.T0 + 0.05) + ",\"end_time\":" + (Fixtures.T0 + 0.06) + ",\"annotations\":{\"key\":\"a/b.png\"}}");
        store.ingestAll(Fixtures.segments(docs));
        store.addLog(new LogLine(Fixtures.T0 + 0.012, "/aws/lambda/resize", "2023/11/14/[$LATEST]a", "START RequestId: req-1"));
        store.addLog(new LogLine(Fixtures.T0 + 0.02, "/aws/lambda/resize", "2023/11/14/[$LATEST]a", "tab\there \"quoted\" \u001b[31m"));
        Path file = dir.resolve("export.ndjson");
        Exporter.Written written = Exporter.export(store, file);
        assertEquals(new Exporter.Written(10, 2), written);

        TraceStore back = new TraceStore();
        FileLoader.Loaded loaded = FileLoader.load(file, back);
        assertEquals(new FileLoader.Loaded(10, 0, 2, List.of()), loaded);
        assertEquals(store.allLogs(), back.allLogs());
        assertEquals(3, back.counters().traces());
        for (Trace t : store.traces()) {
            Trace u = back.trace(t.id());
            assertEquals(t.documents().stream().map(Segment::raw).toList(), u.documents().stream().map(Segment::raw).toList());
            assertEquals(t.nodeCount(), u.nodeCount());
        }
    }
}
