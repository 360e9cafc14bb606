package io.xspy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.stats.CriticalPath.Section;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any trace — several roots, orphans, children outside their parents (S3 → SNS), in-progress
 * nodes, segments under subsegments — the critical path tiles the trace's duration: its sections add
 * up to it, follow each other without overlapping, and each span's sections lie within that span.
 */
class CriticalPathProperties {

    /** One node: under which earlier node (or none, or a missing one), when, and how it is sent. */
    record Spec(int parent, int startMs, Integer durationMs, boolean embedded, int name) {}

    /** Few names, so that two traces share paths; 2 and 3 are DynamoDB calls of two operations. */
    private static final String[] NAMES = {"work", "query", "DynamoDB", "DynamoDB"};

    @Provide
    Arbitrary<List<Spec>> forests() {
        Arbitrary<Spec> spec = Combinators.combine(
                Arbitraries.integers().between(-2, 40), // -1: a root, -2: an orphan, else an earlier node (mod its index)
                Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 400).injectNull(0.1), // null: in progress
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 3))
                .as(Spec::new);
        return spec.list().ofMinSize(1).ofMaxSize(40);
    }

    static Trace build(List<Spec> specs, int n) {
        DiffTraceBuilder b = new DiffTraceBuilder(n);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            Double end = s.durationMs() == null ? null : (double) s.startMs() + s.durationMs();
            String id;
            if (i == 0 || s.parent() == -1) {
                id = b.segment("root" + i, null, s.startMs(), end);
            } else if (s.parent() == -2) {
                id = b.segment("orphan" + i, "ffffffffffffffff", s.startMs(), end);
            } else {
                String parent = ids.get(s.parent() % i);
                String name = NAMES[s.name()];
                if (s.name() >= 2 && s.embedded() && end != null) {
                    id = b.awsCall(parent, name, s.name() == 2 ? "PutItem" : "GetItem", "items", s.startMs(), end);
                } else {
                    id = s.embedded() ? b.sub(parent, name, s.startMs(), end) : b.segment(name, parent, s.startMs(), end);
                }
            }
            ids.add(id);
        }
        return b.build();
    }

    @Property(tries = 500)
    void theSectionsTileTheTrace(@ForAll("forests") List<Spec> specs) {
        Trace trace = build(specs, specs.size());
        CriticalPath path = CriticalPath.of(trace);
        double total = 0;
        double at = 0;
        for (Section s : path.sections()) {
            assertTrue(s.end() > s.start(), "an empty section: " + s);
            assertEquals(at, s.start(), 1e-9, "sections neither overlap nor leave a gap: " + path.sections());
            at = s.end();
            total += s.seconds();
        }
        assertEquals(trace.duration(), path.duration(), 1e-9);
        assertEquals(trace.duration(), total, 1e-9, "the contributions add up to the trace's duration");
        if (!path.sections().isEmpty()) assertEquals(trace.duration(), at, 1e-9);
        double shares = path.contributions().stream().mapToDouble(CriticalPath.Contribution::share).sum();
        if (trace.duration() > 0) assertEquals(1.0, shares, 1e-9);
    }

    @Property(tries = 500)
    void everySpansSectionsLieWithinThatSpan(@ForAll("forests") List<Spec> specs) {
        Trace trace = build(specs, specs.size());
        CriticalPath path = CriticalPath.of(trace);
        double origin = trace.startTime();
        for (Section s : path.sections()) {
            if (s.untraced()) continue;
            Segment span = s.segment();
            double start = span.startTime() - origin;
            double end = (span.inProgress() ? trace.endTime() : span.endTime()) - origin;
            assertTrue(s.start() >= start - 1e-9 && s.end() <= end + 1e-9,
                    "section " + s.start() + ".." + s.end() + " outside " + span.name() + " " + start + ".." + end);
        }
        for (CriticalPath.Contribution c : path.contributions()) {
            double sum = c.sections().stream().mapToDouble(Section::seconds).sum();
            assertEquals(sum, c.seconds(), 1e-12);
            if (!c.untraced()) assertEquals(c, path.of(c.segment().id()));
        }
    }
}
