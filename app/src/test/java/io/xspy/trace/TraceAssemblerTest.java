package io.xspy.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TraceAssemblerTest {

    static final String T = "1-581cf771-a006649127e371903a2de979";

    /** A document line: id, name, parent (or null), start and end offsets from 1478293361 (end null: in progress). */
    static String d(String id, String name, String parent, double start, Double end, String extra) {
        StringBuilder s = new StringBuilder("{\"id\":\"" + id + "\",\"trace_id\":\"" + T + "\",\"name\":\"" + name
                + "\",\"start_time\":" + (1478293361 + start));
        s.append(end == null ? ",\"in_progress\":true" : ",\"end_time\":" + (1478293361 + end));
        if (parent != null) s.append(",\"parent_id\":\"").append(parent).append('"');
        if (extra != null) s.append(',').append(extra);
        return s.append("}\n").toString();
    }

    static Trace assemble(String... lines) {
        return TestTraces.traces(String.join("", lines), "t").get(0);
    }

    static List<String> tree(Trace t) {
        List<String> out = new ArrayList<>();
        for (Segment r : t.roots()) {
            java.util.Deque<Object[]> stack = new java.util.ArrayDeque<>();
            stack.push(new Object[] {r, 0});
            while (!stack.isEmpty()) {
                Object[] e = stack.pop();
                Segment s = (Segment) e[0];
                int depth = (int) e[1];
                out.add("  ".repeat(depth) + s.name() + (t.isOrphan(s) ? " (orphan)" : ""));
                for (int i = s.subsegments().size() - 1; i >= 0; i--) stack.push(new Object[] {s.subsegments().get(i), depth + 1});
            }
        }
        return out;
    }

    @Test
    void aRootNodeReadBeforeItsSoftTraceWasRebuiltIsStillTheRoot() {
        String[] lines = {d("root", "api", null, 0, 1.0, null), d("c1", "child", "root", 0.2, 0.5, "\"type\":\"subsegment\"")};
        Trace t = assemble(lines).soft(() -> assemble(lines));
        Segment root = t.rootSegment();
        Segment child = t.find("c1");
        t.release();
        assertTrue(t.isRoot(root));
        assertFalse(t.isRoot(child));
        assertTrue(t.isRoot(t.rootSegment()));
    }

    @Test
    void aWeakTraceLetGoIsRebuiltWithTheSameFactsAndNodes() {
        String[] lines = {d("root", "api", null, 0, 1.0, null), d("c1", "child", "root", 0.2, 0.5, "\"type\":\"subsegment\"")};
        int[] rebuilt = {0};
        Trace t = assemble(lines).weak(() -> {
            rebuilt[0]++;
            return assemble(lines);
        });
        t.release();
        assertFalse(t.isHeld());
        assertFalse(t.isEmpty(), "a fact, read without rebuilding");
        assertEquals(0, rebuilt[0]);
        assertEquals(List.of("api", "  child"), tree(t));
        assertEquals(1, rebuilt[0]);
        assertEquals(2, t.nodeCount());
    }

    @Test
    void independentSubsegmentsBeforeTheirParent() {
        Trace t = assemble(
                d("c2", "grandchild", "c1", 0.3, 0.4, "\"type\":\"subsegment\""),
                d("c1", "child", "root", 0.2, 0.5, "\"type\":\"subsegment\""),
                d("c0", "early", "root", 0.1, 0.15, "\"type\":\"subsegment\""),
                d("root", "api", null, 0, 1.0, null));
        assertEquals(List.of("api", "  early", "  child", "    grandchild"), tree(t));
        assertEquals(Set.of(), t.orphanIds());
        assertEquals(4, t.nodeCount());
        assertSame(t.find("c1"), t.parentOf(t.find("c2")));
        assertNull(t.parentOf(t.find("root")));
        assertFalse(t.isPartial());
    }

    @Test
    void completedReplacesInProgressInEitherOrder() {
        String open = d("root", "api", null, 0, null, null);
        String done = d("root", "api", null, 0, 0.7, null);
        for (Trace t : List.of(assemble(open, done), assemble(done, open))) {
            assertEquals(1, t.roots().size());
            assertFalse(t.roots().get(0).inProgress());
            assertEquals(0.7, t.duration(), 1e-6);
            assertFalse(t.inProgress());
        }
        Trace stillOpen = assemble(open);
        assertTrue(stillOpen.inProgress());
        assertTrue(stillOpen.isPartial());
    }

    @Test
    void inferredSegmentGoesUnderItsCall() {
        Trace t = assemble(
                d("root", "fn", null, 0, 1.0, "\"subsegments\":[{\"id\":\"call\",\"name\":\"DynamoDB\",\"namespace\":\"aws\",\"start_time\":1478293361.2,\"end_time\":1478293361.3}]"),
                d("inf", "items", "call", 0.2, 0.3, "\"inferred\":true,\"origin\":\"AWS::DynamoDB::Table\""));
        assertEquals(List.of("fn", "  DynamoDB", "    items"), tree(t));
        assertEquals(Kind.INFERRED, t.find("inf").kind());
    }

    @Test
    void orphansAreKeptAndMarked() {
        Trace t = assemble(d("root", "api", null, 0, 1.0, null), d("o", "lost", "missing-parent", 0.5, 0.6, "\"type\":\"subsegment\""));
        assertEquals(List.of("api", "lost (orphan)"), tree(t));
        assertEquals(Set.of("o"), t.orphanIds());
        assertTrue(t.isPartial());
        assertSame(t.find("root"), t.rootSegment(), "an orphan is never the root segment");
    }

    @Test
    void parentIdCyclesAreBrokenWithADiagnostic() {
        Trace t = assemble(d("a", "a", "b", 0, 1.0, null), d("b", "b", "a", 0.1, 0.9, null), d("self", "self", "self", 0.2, 0.3, null));
        assertEquals(3, t.nodeCount(), "every node is kept");
        assertTrue(t.orphanIds().contains("self"));
        assertTrue(t.orphanIds().contains("a") || t.orphanIds().contains("b"));
        assertTrue(t.diagnostics().stream().anyMatch(x -> x.message().contains("makes a cycle")), t.diagnostics().toString());
    }

    @Test
    void duplicateIdsAreReported() {
        Trace t = assemble(d("root", "api", null, 0, 1.0,
                "\"subsegments\":[{\"id\":\"dup\",\"name\":\"x\",\"start_time\":1478293361.1,\"end_time\":1478293361.2},"
                        + "{\"id\":\"dup\",\"name\":\"y\",\"start_time\":1478293361.3,\"end_time\":1478293361.4}]"));
        assertTrue(t.diagnostics().stream().anyMatch(x -> x.message().equals("id used by more than one node")));
    }

    @Test
    void childrenAndRootsOrderedByStart() {
        Trace t = assemble(
                d("r2", "second", null, 0.5, 0.9, null),
                d("r1", "first", null, 0, 1.2, "\"subsegments\":["
                        + "{\"id\":\"z\",\"name\":\"z\",\"start_time\":1478293361.3,\"end_time\":1478293361.4},"
                        + "{\"id\":\"y\",\"name\":\"y\",\"start_time\":1478293361.1,\"end_time\":1478293361.2}]"),
                d("x", "x", "r1", 0.2, 0.25, "\"type\":\"subsegment\""));
        assertEquals(List.of("first", "  y", "  x", "  z", "second"), tree(t));
    }

    @Test
    void durationResponseTimeAndStatus() {
        Trace t = assemble(
                d("client", "client", null, 0, 0.9, "\"http\":{\"response\":{\"status\":200}}"),
                d("svc", "svc", "client", 0.1, 1.3, "\"subsegments\":[{\"id\":\"db\",\"name\":\"db\",\"start_time\":1478293361.2,\"end_time\":1478293361.3,\"error\":true,\"throttle\":true}]"));
        assertEquals(1.3, t.duration(), 1e-6, "first start to last end");
        assertEquals(0.9, t.responseTime(), 1e-6, "the root segment's own duration");
        assertEquals(Status.THROTTLE, t.status());
        assertTrue(t.hasThrottle());
        assertTrue(t.hasError(), "a throttle is an error");
        assertFalse(t.hasFault());
        Trace fault = assemble(d("f", "f", null, 0, 1.0, "\"http\":{\"response\":{\"status\":500}}"));
        assertEquals(Status.FAULT, fault.status());
        assertTrue(fault.hasFault());
    }

    @Test
    void emptyTrace() {
        Trace t = TraceAssembler.assemble(T, List.of());
        assertEquals(0, t.nodeCount());
        assertEquals(0, t.duration());
        assertNull(t.rootSegment());
        assertEquals(0, t.responseTime());
    }
}
