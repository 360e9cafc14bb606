package io.xspy.source.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.graph.Fixtures;
import io.xspy.source.LogEvents;
import io.xspy.trace.Diagnostic;
import io.xspy.trace.LogLine;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TraceStoreTest {

    @Test
    void piecesArrivingInAnyOrderAreAssembled() {
        List<Segment> docs = new ArrayList<>(Fixtures.segments(Fixtures.invocation(1, Fixtures.T0, 0.1, 0.08, false, 0.02, "")));
        Collections.reverse(docs);
        TraceStore store = new TraceStore();
        store.ingest(docs.get(0));
        Trace partial = store.trace(Fixtures.traceId(1));
        assertEquals(1, partial.roots().size());
        assertTrue(partial.isPartial(), "the function segment's parent has not arrived");
        store.ingest(docs.get(1));
        store.ingest(docs.get(2));
        Trace whole = store.trace(Fixtures.traceId(1));
        assertEquals(1, whole.roots().size());
        assertEquals("AWS::SNS::Topic", whole.roots().get(0).origin());
        assertEquals(4, whole.nodeCount());
        assertSame(whole, store.trace(Fixtures.traceId(1)), "cached until a new piece arrives");
        assertEquals(3, store.counters().segmentsIngested());
        assertEquals(1, store.counters().traces());
    }

    @Test
    void completedDocumentReplacesItsInProgressVersionButNotTheReverse() {
        String trace = Fixtures.traceId(7);
        String open = "{\"id\":\"b000000000000001\",\"trace_id\":\"" + trace + "\",\"name\":\"api\",\"start_time\":"
                + Fixtures.T0 + ",\"in_progress\":true}";
        String done = "{\"id\":\"b000000000000001\",\"trace_id\":\"" + trace + "\",\"name\":\"api\",\"start_time\":"
                + Fixtures.T0 + ",\"end_time\":" + (Fixtures.T0 + 1) + "}";
        TraceStore store = new TraceStore();
        store.ingest(Fixtures.segments(List.of(open)).get(0));
        Trace first = store.trace(trace);
        assertTrue(first.inProgress());
        store.ingestAll(Fixtures.segments(List.of(done)));
        store.ingestAll(Fixtures.segments(List.of(open)));
        Trace t = store.trace(trace);
        assertNotSame(first, t);
        assertEquals(1.0, t.duration(), 1e-6);
        assertEquals(1, t.documents().size());
    }

    @Test
    void oldestTracesAreEvictedBeyondTheCap() {
        TraceStore store = new TraceStore(2, 10);
        for (int n = 1; n <= 5; n++) {
            store.ingestAll(Fixtures.segments(Fixtures.invocation(n, Fixtures.T0 + n, 0.1, 0.08, false, 0.02, "")));
        }
        assertEquals(2, store.counters().traces());
        assertEquals(3, store.counters().evicted());
        assertNull(store.trace(Fixtures.traceId(1)));
        assertNotNull(store.trace(Fixtures.traceId(5)));
        assertEquals(15, store.counters().segmentsIngested());
    }

    @Test
    void documentsBeyondATracesCapAreDroppedAndCounted() {
        String trace = Fixtures.traceId(9);
        TraceStore store = new TraceStore();
        int sent = TraceStore.MAX_DOCUMENTS_PER_TRACE + 3;
        for (int i = 0; i < sent; i++) {
            store.ingestAll(Fixtures.segments(List.of(String.format("{\"id\":\"%016x\",\"trace_id\":\"%s\",\"name\":\"worker\","
                    + "\"start_time\":%s,\"end_time\":%s}", i + 1, trace, Fixtures.T0, Fixtures.T0 + 1))));
        }
        assertEquals(TraceStore.MAX_DOCUMENTS_PER_TRACE, store.trace(trace).documents().size());
        assertEquals(3, store.counters().documentsDropped());
        assertEquals(sent, store.counters().segmentsIngested());
    }

    @Test
    void diagnosticsAreCountedAndTheLastOnesKept() {
        TraceStore store = new TraceStore();
        List<Diagnostic> many = new ArrayList<>();
        for (int i = 0; i < 150; i++) many.add(new Diagnostic("f", null, "problem " + i));
        store.addDiagnostics(many);
        assertEquals(150, store.counters().diagnostics());
        assertEquals(100, store.recentDiagnostics().size());
        assertEquals("problem 149", store.recentDiagnostics().get(99).message());
    }

    @Test
    void logEventsByTimeRangeAndTerm() {
        TraceStore store = new TraceStore();
        store.addLog(new LogLine(12, "/aws/lambda/f", "s1", "START RequestId: r1"));
        store.addLog(new LogLine(10, "/aws/lambda/f", "s1", "INIT_START Runtime Version: go"));
        store.addLog(new LogLine(11, "/aws/lambda/f", "s2", "hello r1"));
        store.addLog(new LogLine(20, "/aws/lambda/f", "s1", "REPORT RequestId: r1"));
        assertEquals(List.of("INIT_START Runtime Version: go", "START RequestId: r1"),
                store.stream("/aws/lambda/f", "s1", 0, 15).stream().map(LogLine::message).toList());
        assertEquals(List.of("hello r1", "START RequestId: r1", "REPORT RequestId: r1"),
                store.filter("/aws/lambda/f", 11, 20, "r1").stream().map(LogLine::message).toList());
        assertEquals(List.of(), store.stream("/aws/lambda/f", "nope", 0, 100));
        LogEvents.GroupNotFound e = assertThrows(LogEvents.GroupNotFound.class, () -> store.filter("/aws/lambda/x", 0, 1, ""));
        assertEquals("log group /aws/lambda/x not found", e.getMessage());
        assertEquals(4, store.counters().logEvents());
    }

    @Test
    void logEventsBeyondTheCapAreDroppedAndCounted() {
        TraceStore store = new TraceStore(10, 2);
        for (int i = 0; i < 5; i++) store.addLog(new LogLine(i, "g", "s", "line " + i));
        assertEquals(2, store.counters().logEvents());
        assertEquals(3, store.counters().logEventsDropped());
    }

    @Test
    void concurrentIngestAndReadsLoseNothing() throws Exception {
        TraceStore store = new TraceStore();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int writer = w;
                jobs.add(pool.submit(() -> {
                    for (int n = 0; n < 300; n++) {
                        int id = writer * 1000 + n;
                        store.ingestAll(Fixtures.segments(Fixtures.invocation(id, Fixtures.T0 + n, 0.1, 0.08, false, 0.02, "")));
                    }
                }));
            }
            jobs.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) store.views();
            }));
            for (Future<?> f : jobs) f.get();
        } finally {
            pool.shutdown();
        }
        assertEquals(900, store.counters().traces());
        assertEquals(2700, store.counters().segmentsIngested());
        for (TraceStore.View v : store.views()) assertEquals(1, v.trace().roots().size(), v.trace().id());
    }
}
