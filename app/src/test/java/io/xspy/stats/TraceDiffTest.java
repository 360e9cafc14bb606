package io.xspy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.stats.TraceDiff.Presence;
import io.xspy.stats.TraceDiff.Row;
import io.xspy.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceDiffTest {

    /** Rows as "  name BOTH" with two blanks a level. */
    static List<String> outline(TraceDiff diff) {
        return diff.rows().stream().map(r -> "  ".repeat(r.depth()) + r.either().name() + " " + r.presence()).toList();
    }

    static Trace function(int n, boolean cold, double offsetMs, double putMs) {
        DiffTraceBuilder b = new DiffTraceBuilder(n);
        double t = offsetMs;
        String fn = b.segment("fn", "AWS::Lambda::Function", null, t, t + 20 + (cold ? 80 : 0) + putMs);
        double at = t;
        if (cold) {
            b.sub(fn, "Initialization", at, at + 80);
            at += 80;
        }
        String inv = b.sub(fn, "Invocation", at, at + 10 + putMs);
        b.awsCall(inv, "DynamoDB", "PutItem", "items", at + 5, at + 5 + putMs);
        b.sub(fn, "Overhead", at + 10 + putMs, at + 11 + putMs);
        return b.build();
    }

    @Test
    void aTraceAgainstItselfChangesNothing() {
        Trace t = function(1, false, 0, 30);
        TraceDiff diff = TraceDiff.of(t, t);
        assertEquals(t.nodeCount(), diff.rows().size());
        for (Row r : diff.rows()) {
            assertEquals(Presence.BOTH, r.presence());
            assertEquals(0, r.deltaSeconds(), 1e-9);
        }
    }

    @Test
    void coldAgainstWarm() {
        Trace cold = function(1, true, 0, 81);
        Trace warm = function(2, false, 5000, 4); // another time: offsets are from each trace's own start
        TraceDiff diff = TraceDiff.of(cold, warm);
        assertEquals(List.of("fn BOTH", "  Initialization ONLY_A", "  Invocation BOTH", "    DynamoDB BOTH", "  Overhead BOTH"),
                outline(diff));
        Row put = diff.rows().get(3);
        assertEquals(0.085, put.aStart(), 1e-6);
        assertEquals(0.005, put.bStart(), 1e-6);
        assertEquals(-0.077, put.deltaSeconds(), 1e-6);
        assertEquals(-77.0 / 81, put.deltaRatio(), 1e-6);
        Row init = diff.rows().get(1);
        assertTrue(Double.isNaN(init.deltaSeconds()) && Double.isNaN(init.bStart()));
        assertEquals(0.181, diff.axisSeconds(), 1e-6);
        assertEquals(-0.157, diff.deltaSeconds(), 1e-6);
        assertEquals(1, diff.count(Presence.ONLY_A));
        assertEquals(0, diff.count(Presence.ONLY_B));
        assertEquals(List.of("fn BOTH", "  Initialization ONLY_B", "  Invocation BOTH", "    DynamoDB BOTH", "  Overhead BOTH"),
                outline(TraceDiff.of(warm, cold)), "a node only in B sits where B has it");
    }

    @Test
    void repeatedSiblingsAreMatchedInOrderAndOtherOperationsAreNot() {
        DiffTraceBuilder a = new DiffTraceBuilder(1);
        String ra = a.segment("api", null, 0, 100.0);
        a.awsCall(ra, "DynamoDB", "PutItem", "items", 0, 10);
        a.awsCall(ra, "DynamoDB", "PutItem", "items", 10, 30);
        a.awsCall(ra, "DynamoDB", "PutItem", "items", 30, 40);
        DiffTraceBuilder b = new DiffTraceBuilder(2);
        String rb = b.segment("api", null, 0, 100.0);
        b.awsCall(rb, "DynamoDB", "GetItem", "items", 0, 5);
        b.awsCall(rb, "DynamoDB", "PutItem", "items", 5, 10);
        b.awsCall(rb, "DynamoDB", "PutItem", "items", 10, 50);
        TraceDiff diff = TraceDiff.of(a.build(), b.build());
        assertEquals(List.of("api BOTH", "  DynamoDB ONLY_B", "  DynamoDB BOTH", "  DynamoDB BOTH", "  DynamoDB ONLY_A"), outline(diff));
        assertEquals("GetItem", diff.rows().get(1).b().aws().operation());
        assertEquals(-0.005, diff.rows().get(2).deltaSeconds(), 1e-6); // first PutItem: 10 ms, then 5 ms
        assertEquals(0.020, diff.rows().get(3).deltaSeconds(), 1e-6); // second: 20 ms, then 40 ms
    }

    /** Long sibling lists are matched through a map, short ones by comparing: the same pairs either way. */
    @Test
    void manySiblingsAreMatchedInOrderToo() {
        DiffTraceBuilder a = new DiffTraceBuilder(1);
        String ra = a.segment("api", null, 0, 1000.0);
        for (int i = 0; i < 24; i++) a.sub(ra, i % 2 == 0 ? "work" : "query", i * 10, i * 10 + 5.0);
        DiffTraceBuilder b = new DiffTraceBuilder(2);
        String rb = b.segment("api", null, 0, 1000.0);
        for (int i = 0; i < 10; i++) b.sub(rb, "query", i * 10, i * 10 + 7.0);
        for (int i = 0; i < 10; i++) b.sub(rb, "work", 100 + i * 10, 100 + i * 10 + 3.0);
        TraceDiff diff = TraceDiff.of(a.build(), b.build());
        assertEquals(20, diff.count(Presence.BOTH) - 1);
        assertEquals(4, diff.count(Presence.ONLY_A));
        assertEquals(0, diff.count(Presence.ONLY_B));
        Row firstWork = diff.rows().get(1);
        assertEquals("work", firstWork.a().name());
        assertEquals(0.100, firstWork.bStart(), 1e-6, "the first work of A meets the first work of B");
        assertEquals(-0.002, firstWork.deltaSeconds(), 1e-6);
        assertEquals(Presence.ONLY_A, diff.rows().get(21).presence()); // the eleventh work
    }

    @Test
    void aNodeOnlyInBGoesAfterItsMatchedPredecessor() {
        DiffTraceBuilder a = new DiffTraceBuilder(1);
        String ra = a.segment("api", null, 0, 100.0);
        String first = a.sub(ra, "first", 0, 10.0);
        a.sub(first, "inside", 1, 2.0);
        a.sub(ra, "last", 50, 60.0);
        DiffTraceBuilder b = new DiffTraceBuilder(2);
        String rb = b.segment("api", null, 0, 100.0);
        b.sub(rb, "first", 0, 10.0);
        b.sub(rb, "retry", 20, 30.0);
        b.sub(rb, "last", 50, 60.0);
        assertEquals(List.of("api BOTH", "  first BOTH", "    inside ONLY_A", "  retry ONLY_B", "  last BOTH"),
                outline(TraceDiff.of(a.build(), b.build())));
    }

    @Test
    void anInProgressNodeEndsAtItsTracesEnd() {
        DiffTraceBuilder a = new DiffTraceBuilder(1);
        String ra = a.segment("api", null, 0, 100.0);
        a.sub(ra, "open", 40, null);
        Trace t = a.build();
        Row open = TraceDiff.of(t, t).rows().get(1);
        assertTrue(open.inProgress());
        assertEquals(0.060, open.aSeconds(), 1e-6);
    }

    @Test
    void aDeepChainIsNoProblem() {
        DiffTraceBuilder a = new DiffTraceBuilder(1);
        String parent = a.segment("api", null, 0, 10_000.0);
        for (int i = 1; i < 5000; i++) parent = a.segment("level", parent, i, 10_000.0 - i); // documents: no JSON nesting limit
        Trace t = a.build();
        TraceDiff diff = TraceDiff.of(t, t);
        assertEquals(5000, diff.rows().size());
        assertEquals(4999, diff.rows().get(4999).depth());
    }
}
