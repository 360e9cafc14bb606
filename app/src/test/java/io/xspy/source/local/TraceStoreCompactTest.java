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

    /** What a trace shows: its nodes as a tree with their times, flags and JSON, its facts and its summary. */
    private static String describe(TraceStore.View v) {
        Trace t = v.trace();
        StringBuilder out = new StringBuilder(v.summary().toString()).append('\n');
        out.append(t.startTime()).append(' ').append(t.endTime()).append(' ').append(t.status()).append(' ')
                .append(t.isPartial()).append(' ').append(t.responseTime()).append(' ').append(t.orphanIds())
                .append(' ').append(t.diagnostics()).append(' ').append(t.nodeCount()).append('\n');
        for (Segment root : t.roots()) {
            root.walk(n -> out.append(n.id()).append(' ').append(n.withSubsegments(List.of()).toString().replaceAll("RawJson@\\w+", ""))
                    .append(' ').append(n.subsegments().stream().map(Segment::id).toList())
                    .append(' ').append(t.parentOf(n) == null ? null : t.parentOf(n).id()).append(' ').append(n.rawText()).append('\n'));
        }
        t.documents().stream().map(Segment::rawText).sorted().forEach(d -> out.append(d).append('\n')); // arrival order varies
        return out.toString();
    }

    @Test
    void aListedTraceLetGoOfItsNodesIsBuiltAgainTheSame() throws Exception {
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        DemoWorld world = new DemoWorld(5, start, start.plusSeconds(600));
        List<ObjectNode> documents = world.advance(start.plusSeconds(3600)).segmentDocuments();
        TraceStore store = new TraceStore(100_000, 0, 100_000, TraceStore.Nodes.SOFT); // a heap too small for every trace's nodes
        SegmentParser parser = new SegmentParser("demo", new ArrayList<>());
        List<Segment> late = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            Segment s = parser.parseDocument(documents.get(i));
            if (i % 7 == 3) late.add(s); // arrives after its trace was listed and let go
            else store.ingest(s);
        }
        List<TraceStore.View> views = store.views();
        assertEquals(true, views.size() > 100, views.size() + " traces");
        Map<String, String> before = new LinkedHashMap<>();
        for (TraceStore.View v : views) before.put(v.trace().id(), describe(v));
        for (TraceStore.View v : views) v.trace().release();
        assertEquals(false, views.get(0).trace().isHeld(), "a listed trace lets go of its nodes");
        for (TraceStore.View v : store.views()) assertEquals(before.get(v.trace().id()), describe(v), v.trace().id());

        for (TraceStore.View v : store.views()) v.trace().release();
        TraceStore whole = new TraceStore();
        for (ObjectNode doc : documents) whole.ingest(parser.parseDocument(doc));
        store.ingestAll(late);
        Map<String, String> expected = new LinkedHashMap<>();
        for (TraceStore.View v : whole.views()) expected.put(v.trace().id(), describe(v));
        Map<String, String> got = new LinkedHashMap<>();
        for (TraceStore.View v : store.views()) got.put(v.trace().id(), describe(v));
        assertEquals(expected.keySet(), got.keySet());
        for (String id : expected.keySet()) assertEquals(expected.get(id), got.get(id), id);
    }

    @Test
    void beyondItsLimitOfUnsettledTracesIngestSettlesTheOldest() throws Exception {
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        DemoWorld world = new DemoWorld(11, start, start.plusSeconds(600));
        List<ObjectNode> documents = world.advance(start.plusSeconds(1800)).segmentDocuments();
        TraceStore store = new TraceStore(100_000, 0, 10, TraceStore.Nodes.SOFT); // as in a heap too small for every trace's nodes
        SegmentParser parser = new SegmentParser("demo", new ArrayList<>());
        List<String> order = new ArrayList<>();
        Map<String, List<String>> sent = new LinkedHashMap<>();
        for (ObjectNode doc : documents) {
            Segment s = parser.parseDocument(doc);
            store.ingest(s);
            if (!order.contains(s.traceId())) order.add(s.traceId());
            sent.computeIfAbsent(s.traceId(), k -> new ArrayList<>()).add(doc.toString());
        }
        assertEquals(true, order.size() > 40, order.size() + " traces");
        Trace oldest = store.trace(order.get(0));
        assertEquals(false, oldest.isHeld(), "settled on ingest, not read before: no nodes held");
        assertEquals(true, oldest.documents().get(0).json().isCompact(), "deflated");
        assertEquals(sent.get(order.get(0)), oldest.documents().stream().map(Segment::rawText).toList());
        Trace newest = store.trace(order.get(order.size() - 1));
        assertEquals(false, newest.documents().get(0).json().isCompact(), "the newest wait for a reader");
        assertEquals(order.size(), store.views().size());
    }

    @Test
    void withRoomForEveryTracesNodesAListedTraceHoldsThemStrongly() throws Exception {
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        DemoWorld world = new DemoWorld(5, start, start.plusSeconds(600));
        TraceStore store = new TraceStore(100_000, 0, 10, TraceStore.Nodes.STRONG);
        SegmentParser parser = new SegmentParser("demo", new ArrayList<>());
        for (ObjectNode doc : world.advance(start.plusSeconds(1800)).segmentDocuments()) store.ingest(parser.parseDocument(doc));
        List<TraceStore.View> views = store.views();
        assertEquals(true, views.size() > 40, views.size() + " traces");
        for (TraceStore.View v : views) v.trace().release();
        for (TraceStore.View v : views) {
            assertEquals(true, v.trace().isHeld(), "held strongly: nothing for the collector to drop");
            assertEquals(true, v.trace().documents().get(0).json().isCompact(), "its documents deflated all the same");
        }
    }

    @Test
    void aOneShotStoreKeepsNoNodesOfSettledTracesAndReadsThemBackTheSame() throws Exception {
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        DemoWorld world = new DemoWorld(7, start, start.plusSeconds(600));
        List<ObjectNode> documents = world.advance(start.plusSeconds(1800)).segmentDocuments();
        TraceStore once = new TraceStore(100_000, 0, 10, TraceStore.Nodes.WEAK); // forOneShot waits for 1,000
        TraceStore whole = new TraceStore(100_000, 0, 100_000, TraceStore.Nodes.STRONG);
        SegmentParser parser = new SegmentParser("demo", new ArrayList<>());
        List<Segment> late = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            Segment s = parser.parseDocument(documents.get(i));
            whole.ingest(parser.parseDocument(documents.get(i)));
            if (!order.contains(s.traceId())) order.add(s.traceId());
            if (i % 5 == 2) late.add(s); // arrives after its trace was settled and let go
            else once.ingest(s);
        }
        assertEquals(true, order.size() > 40, order.size() + " traces");
        assertEquals(false, once.trace(order.get(0)).isHeld(), "settled: no nodes kept");
        once.ingestAll(late);
        assertEquals(false, once.trace(order.get(1)).documents().isEmpty());
        Map<String, String> expected = new LinkedHashMap<>();
        for (TraceStore.View v : whole.views()) expected.put(v.trace().id(), describe(v));
        Map<String, String> got = new LinkedHashMap<>();
        for (TraceStore.View v : once.views()) got.put(v.trace().id(), describe(v));
        assertEquals(expected.keySet(), got.keySet());
        for (String id : expected.keySet()) assertEquals(expected.get(id), got.get(id), id);
        assertEquals(false, TraceStore.forOneShot(10, 0).trace("1-none") != null);
    }

    @Test
    void withRoomForEveryTracesNodesIngestDeflatesTheOldestTogetherAndEveryDocumentReadsBack() throws Exception {
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        DemoWorld world = new DemoWorld(13, start, start.plusSeconds(600));
        TraceStore store = new TraceStore(100_000, 0, 10, TraceStore.Nodes.STRONG);
        SegmentParser parser = new SegmentParser("demo", new ArrayList<>());
        List<String> order = new ArrayList<>();
        Map<String, List<String>> sent = new LinkedHashMap<>();
        List<ObjectNode> documents = world.advance(start.plusSeconds(1800)).segmentDocuments();
        for (int i = 0; i < documents.size(); i++) {
            Segment s = parser.parseDocument(documents.get(i));
            store.ingest(s);
            if (!order.contains(s.traceId())) order.add(s.traceId());
            sent.computeIfAbsent(s.traceId(), k -> new ArrayList<>()).add(documents.get(i).toString());
        }
        assertEquals(true, order.size() > 3 * TraceStore.PACK_TRACES, order.size() + " traces");
        Trace oldest = store.trace(order.get(0));
        assertEquals(true, oldest.documents().get(0).json().isCompact(), "deflated on ingest");
        assertEquals(false, store.trace(order.get(order.size() - 1)).documents().get(0).json().isCompact(), "waiting");
        for (String id : order) {
            assertEquals(sent.get(id), store.trace(id).documents().stream().map(Segment::rawText).toList(), id);
        }
        assertEquals(order.size(), store.views().size());
    }
}
