package io.xspy.source.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.source.demo.DemoWorld;
import io.xspy.trace.Diagnostic;
import io.xspy.trace.Segment;
import io.xspy.trace.SegmentParser;
import io.xspy.trace.Trace;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The store keeps documents deflated, not as JSON trees: every one of them comes back as it was read. */
class TraceStoreCompactTest {

    @Test
    void everyDocumentOfThousandsOfTracesIsRecoverable() throws Exception {
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        DemoWorld world = new DemoWorld(3, start, start.plusSeconds(600));
        List<ObjectNode> documents = world.advance(start.plusSeconds(3 * 3600)).segmentDocuments();
        TraceStore store = new TraceStore();
        Map<String, List<String>> sent = new LinkedHashMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        SegmentParser parser = new SegmentParser("demo", problems);
        for (ObjectNode doc : documents) {
            Segment s = parser.parseDocument(doc);
            store.ingest(s);
            sent.computeIfAbsent(s.traceId(), k -> new ArrayList<>()).add(doc.toString());
        }
        assertEquals(List.of(), problems);
        assertEquals(world.uploads(), sent.size());
        assertEquals(true, sent.size() > 1_000, sent.size() + " traces");
        assertEquals(sent.size(), store.counters().traces(), "more than a thousand traces, all held");
        assertEquals(sent.size(), store.views().size());
        for (Trace t : store.traces()) {
            for (Segment d : t.documents()) assertEquals(true, d.json().isCompact(), "deflated once listed: " + d.id());
        }

        for (Map.Entry<String, List<String>> e : sent.entrySet()) {
            Trace t = store.trace(e.getKey());
            assertNotNull(t, e.getKey());
            assertEquals(e.getValue(), t.documents().stream().map(Segment::rawText).toList(), e.getKey());
        }
        // a subsegment's raw view is its part of the document, fields xspy does not model included
        Segment function = store.trace(sent.keySet().iterator().next()).documents().stream()
                .filter(d -> "AWS::Lambda::Function".equals(d.origin())).findFirst().orElseThrow();
        Segment firstSub = function.subsegments().get(0);
        assertEquals(function.raw().get("subsegments").get(0), firstSub.raw());
        assertEquals(function.raw().get("aws"), function.aws().raw());

        StringWriter exported = new StringWriter();
        Exporter.export(store, exported);
        Set<String> lines = new HashSet<>(exported.toString().lines().toList());
        for (List<String> docs : sent.values()) for (String d : docs) assertEquals(true, lines.contains(d), d);
    }
}
