package io.xspy.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.trace.Status;
import io.xspy.trace.TestTraces;
import io.xspy.trace.Trace;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimelineLayoutTest {

    private static List<String> labels(List<TimelineRow> rows) {
        return rows.stream().map(r -> "  ".repeat(r.depth()) + r.label()).toList();
    }

    @Test
    void lambdaTraceDepthFirstWithLabels() {
        Trace trace = TestTraces.fixture("lambda-go.ndjson");
        List<TimelineRow> rows = TimelineLayout.rows(trace, Set.of());
        assertEquals(List.of(
                "xraystarter-go (Lambda)",
                "  Dwell Time",
                "  Attempt #1",
                "    xraystarter-go (Function)",
                "      Initialization",
                "      Invocation",
                "        write-items",
                "          DynamoDB \u00B7 items PutItem",
                "      Overhead"), labels(rows));
        TimelineRow root = rows.get(0);
        assertEquals(0, root.startOffset());
        assertEquals(0.3095, root.endOffset(), 1e-6);
        assertEquals(RowKind.SEGMENT, root.kind());
        assertTrue(root.hasChildren());
        TimelineRow function = rows.get(3);
        assertTrue(function.coldStart(), "function segment with an Initialization");
        assertTrue(rows.get(4).coldStart(), "the Initialization itself");
        assertFalse(rows.get(5).coldStart());
        assertFalse(root.coldStart());
        TimelineRow dynamo = rows.get(7);
        assertEquals(RowKind.REMOTE, dynamo.kind());
        assertEquals(0.081, dynamo.duration(), 1e-6);
        assertEquals(0.2256, dynamo.startOffset(), 1e-6);
        assertFalse(dynamo.hasChildren());
        assertEquals(RowKind.SUBSEGMENT, rows.get(6).kind());
        assertEquals("DynamoDB - items PutItem", TimelineLayout.label(dynamo.segment(), true));
    }

    @Test
    void foldingHidesDescendantsOnly() {
        Trace trace = TestTraces.fixture("lambda-go.ndjson");
        List<TimelineRow> rows = TimelineLayout.rows(trace, Set.of("5e8a0b3c9d1f2746", "no-such-id", "e1f3a5c7b9d02468"));
        assertEquals(7, rows.size());
        TimelineRow invocation = rows.get(5);
        assertEquals("Invocation", invocation.label());
        assertTrue(invocation.folded());
        assertEquals("Overhead", rows.get(6).label());
        // folding a leaf means nothing
        assertTrue(TimelineLayout.rows(trace, Set.of("e1f3a5c7b9d02468")).stream().noneMatch(TimelineRow::folded));
        assertEquals(1, TimelineLayout.rows(trace, Set.of("6a1f0c2e9b3d4f51")).size());
    }

    @Test
    void faultsOrphansAndInProgress() {
        Trace trace = TestTraces.fixture("edge-cases.ndjson");
        List<TimelineRow> rows = TimelineLayout.rows(trace, Set.of());
        assertEquals(List.of("checkout-api (Stage)", "  cache-lookup", "  DynamoDB \u00B7 carts UpdateItem",
                "  payments.example.com \u00B7 POST https://payments.example.com/v1/charge", "  long-poll",
                "audit-writer"), labels(rows));
        assertEquals(Status.THROTTLE, rows.get(0).status(), "HTTP 429");
        assertEquals(Status.THROTTLE, rows.get(2).status());
        assertEquals(Status.ERROR, rows.get(3).status());
        TimelineRow poll = rows.get(4);
        assertTrue(poll.inProgress());
        assertEquals(1.2, poll.endOffset(), 1e-6, "in progress: ends at the last known time");
        TimelineRow orphan = rows.get(5);
        assertTrue(orphan.orphan());
        assertEquals(0, orphan.depth());
        assertFalse(rows.get(0).orphan());
        assertEquals(0, rows.get(1).duration());
    }

    @Test
    void pythonFaultIsAColdStart() {
        Trace trace = TestTraces.fixture("python-fault.json");
        List<TimelineRow> rows = TimelineLayout.rows(trace, Set.of());
        TimelineRow init = rows.get(rows.size() - 1);
        assertEquals("Initialization", init.label());
        assertTrue(init.coldStart());
        assertEquals(Status.FAULT, init.status());
    }

    @Test
    void inferredSegmentsAreTagged() {
        Trace trace = TestTraces.traces("""
                {"id":"a1","name":"api","trace_id":"1-5f000000-000000000000000000000001","start_time":1600000000,"end_time":1600000001,"subsegments":[{"id":"a2","name":"DynamoDB","namespace":"aws","start_time":1600000000.1,"end_time":1600000000.2}]}
                {"id":"a3","name":"DynamoDB","inferred":true,"parent_id":"a2","trace_id":"1-5f000000-000000000000000000000001","start_time":1600000000.1,"end_time":1600000000.2}
                """, "t").get(0);
        List<TimelineRow> rows = TimelineLayout.rows(trace, Set.of());
        assertEquals(List.of("api", "  DynamoDB", "    DynamoDB (inferred)"), labels(rows));
        assertEquals(RowKind.INFERRED, rows.get(2).kind());
        assertEquals(RowKind.REMOTE, rows.get(1).kind());
    }

    /** A chain 10,000 deep lays out and renders without recursion. */
    @Test
    void tenThousandDeep() {
        int depth = 10_000;
        StringBuilder json = new StringBuilder();
        String trace = "1-5f000000-000000000000000000000002";
        for (int i = 0; i < depth; i++) {
            json.append("{\"id\":\"n").append(i).append("\",\"name\":\"level ").append(i).append("\",\"trace_id\":\"")
                    .append(trace).append("\",\"start_time\":").append(1600000000 + i * 1e-4).append(",\"end_time\":1600000002");
            if (i > 0) json.append(",\"type\":\"subsegment\",\"parent_id\":\"n").append(i - 1).append('"');
            json.append("}\n");
        }
        Trace t = TestTraces.traces(json.toString(), "deep").get(0);
        List<TimelineRow> rows = TimelineLayout.rows(t, Set.of());
        assertEquals(depth, rows.size());
        assertEquals(depth - 1, rows.get(depth - 1).depth());
        Canvas canvas = TimelineRenderer.render(t, rows, TimelineOptions.full(120, false).withWindow(depth - 5, 5));
        assertEquals(6, canvas.height());
        assertTrue(canvas.line(5).contains("\u20269999\u203A "), "deep rows say their depth: " + canvas.line(5));
        assertTrue(canvas.line(5).contains("level 9999"), canvas.line(5));
    }
}
