package io.xspy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.stats.CriticalPathProperties.Spec;
import io.xspy.stats.TraceDiff.Row;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;

/** Whatever the two traces, every node of each appears in exactly one row, at its own depth, under its own parent's row. */
class TraceDiffProperties {

    @Provide
    Arbitrary<List<Spec>> forests() {
        return new CriticalPathProperties().forests();
    }

    @Property(tries = 300)
    void everyNodeOfEachTraceIsInExactlyOneRow(@ForAll("forests") List<Spec> one, @ForAll("forests") List<Spec> other) {
        Trace a = CriticalPathProperties.build(one, 1);
        Trace b = CriticalPathProperties.build(other, 2);
        TraceDiff diff = TraceDiff.of(a, b);
        Map<Segment, Integer> rowOfA = new IdentityHashMap<>();
        Map<Segment, Integer> rowOfB = new IdentityHashMap<>();
        for (int i = 0; i < diff.rows().size(); i++) {
            Row r = diff.rows().get(i);
            assertTrue(r.a() != null || r.b() != null);
            if (r.a() != null) assertEquals(null, rowOfA.put(r.a(), i), "twice: " + r.a().id());
            if (r.b() != null) assertEquals(null, rowOfB.put(r.b(), i), "twice: " + r.b().id());
            if (r.a() != null && r.b() != null) assertEquals(TraceDiff.key(r.a()), TraceDiff.key(r.b()), "only like meets like");
        }
        for (Segment x : a.nodesById().values()) {
            for (Segment y : b.nodesById().values()) {
                assertEquals(TraceDiff.key(x).equals(TraceDiff.key(y)), TraceDiff.sameStep(x, y), x.name() + " / " + y.name());
            }
        }
        assertEquals(a.nodeCount(), rowOfA.size());
        assertEquals(b.nodeCount(), rowOfB.size());
        checkParents(diff, a, rowOfA, true);
        checkParents(diff, b, rowOfB, false);
    }

    /** A node's row comes after its parent's row, one level deeper, with no shallower row between them. */
    private static void checkParents(TraceDiff diff, Trace t, Map<Segment, Integer> rowOf, boolean isA) {
        for (Map.Entry<Segment, Integer> e : rowOf.entrySet()) {
            Segment parent = t.parentOf(e.getKey());
            int row = e.getValue();
            if (parent == null) {
                assertEquals(0, diff.rows().get(row).depth());
                continue;
            }
            int parentRow = rowOf.get(parent);
            assertTrue(parentRow < row);
            assertEquals(diff.rows().get(parentRow).depth() + 1, diff.rows().get(row).depth());
            for (int i = parentRow + 1; i < row; i++) assertTrue(diff.rows().get(i).depth() > diff.rows().get(parentRow).depth());
        }
    }
}
