package io.xspy.stats;

import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The critical path of a trace: the chain of spans that determines its end-to-end time, as Jaeger
 * defines it. From the end of a node, take its last-finishing child; the time between that child's
 * end and the cursor is the node's own; the cursor moves to the child's start, and the next child is
 * the one that ends latest before the cursor (children that overlap what is already on the path are
 * skipped). The chosen children are walked the same way.
 *
 * <p>X-Ray differs from one process's spans in ways Jaeger's version does not meet, so: a node counts
 * as lasting as long as its subtree (S3 hands over to SNS after its own segment ends, an async Lambda
 * outlives the call that started it), and time on the path that is inside no span — the delivery
 * between S3 and SNS, a gap before a child that starts before its parent (clock skew) — is a section
 * of its own, <em>untraced</em>. Several roots (and orphans) are children of the whole trace. An
 * in-progress node lasts until the trace's last known time, as in the timeline. So the sections tile
 * the trace's duration exactly, without overlapping, and each span's sections lie within its span. Of
 * several roots, one that runs past the cursor is cut there rather than skipped: no parent would own
 * that time.
 */
public final class CriticalPath {

    /**
     * A stretch of the path: a span's own time, or time no span on the path covers ({@code segment}
     * null). Offsets are seconds from the trace start.
     */
    public record Section(Segment segment, double start, double end) {
        public double seconds() { return end - start; }

        public boolean untraced() { return segment == null; }
    }

    /**
     * What one span (or one untraced stretch) contributes to the path: its sections, their total
     * and its share of the trace's duration (0..1).
     */
    public record Contribution(Segment segment, double seconds, double share, List<Section> sections) {
        public Contribution {
            sections = List.copyOf(sections);
        }

        public boolean untraced() { return segment == null; }

        /** Offset of the first section. */
        public double start() { return sections.get(0).start(); }

        /** Offset of the end of the last section. */
        public double end() { return sections.get(sections.size() - 1).end(); }
    }

    private final double duration;
    private final List<Section> sections;
    private final List<Contribution> contributions;
    private final Map<String, Contribution> byId;

    private CriticalPath(double duration, List<Section> sections, List<Contribution> contributions) {
        this.duration = duration;
        this.sections = List.copyOf(sections);
        this.contributions = List.copyOf(contributions);
        Map<String, Contribution> ids = new LinkedHashMap<>();
        for (Contribution c : contributions) if (!c.untraced()) ids.putIfAbsent(c.segment().id(), c);
        this.byId = Collections.unmodifiableMap(ids);
    }

    /** Seconds from the first start to the last end of the trace: what the sections add up to. */
    public double duration() { return duration; }

    /** The sections in time order. */
    public List<Section> sections() { return sections; }

    /** The spans and untraced stretches on the path, in the order of their first section. */
    public List<Contribution> contributions() { return contributions; }

    /** Ids of the spans on the path. */
    public Set<String> ids() { return byId.keySet(); }

    /** What the node of this id contributes, or null when it is not on the path. */
    public Contribution of(String nodeId) { return byId.get(nodeId); }

    /** The critical path of a trace. Iterative: a 10,000-deep chain is no problem. */
    public static CriticalPath of(Trace trace) {
        Bounds bounds = Bounds.of(trace);
        List<Section> out = new ArrayList<>();
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(null, bounds.first, bounds.last, bounds.byEndDescending(trace.roots()), Double.NaN, Double.NaN));
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            // children that end after the cursor overlap what is already on the path (the cursor only moves
            // back); of the roots, one that runs past the cursor is cut there, as no parent owns that time
            boolean top = f.node == null;
            while (f.next < f.children.length && (top ? bounds.of(f.children[f.next])[0] >= f.cursor
                    : bounds.end(f.children[f.next]) > f.cursor)) {
                f.next++;
            }
            if (f.next < f.children.length && f.cursor > f.lo) {
                Segment child = f.children[f.next++];
                double[] c = bounds.of(child);
                double end = Math.min(c[1], f.cursor);
                f.own(end, f.cursor, out);
                f.cursor = c[0];
                stack.push(new Frame(child, c[0], end, bounds.byEndDescending(child.subsegments()), bounds.ownStart(child),
                        bounds.ownEnd(child)));
            } else {
                f.own(f.lo, f.cursor, out);
                stack.pop();
            }
        }
        double origin = bounds.first;
        List<Section> relative = new ArrayList<>(out.size());
        for (int i = out.size() - 1; i >= 0; i--) { // emitted from the end backwards
            Section s = out.get(i);
            Section r = new Section(s.segment(), s.start() - origin, s.end() - origin);
            Section last = relative.isEmpty() ? null : relative.get(relative.size() - 1);
            if (last != null && last.untraced() && r.untraced() && last.end() == r.start()) {
                relative.set(relative.size() - 1, new Section(null, last.start(), r.end()));
            } else {
                relative.add(r);
            }
        }
        double duration = bounds.last - bounds.first;
        return new CriticalPath(duration, relative, contributions(relative, duration));
    }

    /** Sections grouped by span (each untraced stretch on its own), in order of first appearance. */
    private static List<Contribution> contributions(List<Section> sections, double duration) {
        Map<Object, List<Section>> groups = new LinkedHashMap<>();
        Map<Segment, Object> keys = new IdentityHashMap<>();
        for (Section s : sections) {
            Object key = s.untraced() ? new Object() : keys.computeIfAbsent(s.segment(), k -> new Object());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        List<Contribution> out = new ArrayList<>(groups.size());
        for (List<Section> g : groups.values()) {
            double seconds = 0;
            for (Section s : g) seconds += s.seconds();
            out.add(new Contribution(g.get(0).segment(), seconds, duration > 0 ? seconds / duration : 0, g));
        }
        return out;
    }

    /** One node being walked: its window, the cursor moving back through it, its children by end. */
    private static final class Frame {
        final Segment node;
        final double lo;
        final double ownStart;
        final double ownEnd;
        final Segment[] children;
        double cursor;
        int next;

        Frame(Segment node, double lo, double hi, Segment[] children, double ownStart, double ownEnd) {
            this.node = node;
            this.lo = lo;
            this.cursor = hi;
            this.children = children;
            this.ownStart = ownStart;
            this.ownEnd = ownEnd;
        }

        /** The node's time from a to b: what lies within its own span is its, the rest untraced; latest first. */
        void own(double a, double b, List<Section> out) {
            if (!(b > a)) return;
            if (node == null) {
                out.add(new Section(null, a, b));
                return;
            }
            if (b > ownEnd) out.add(new Section(null, Math.max(a, ownEnd), b));
            double s = Math.max(a, ownStart);
            double e = Math.min(b, ownEnd);
            if (e > s) out.add(new Section(node, s, e));
            if (a < ownStart) out.add(new Section(null, a, Math.min(b, ownStart)));
        }
    }

    /** Each node's own interval and the interval of its subtree, absolute seconds. */
    private static final class Bounds {
        final Map<Segment, double[]> subtree = new IdentityHashMap<>();
        final double traceEnd;
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;

        private Bounds(double traceEnd) {
            this.traceEnd = traceEnd;
        }

        static Bounds of(Trace trace) {
            double known = Double.NEGATIVE_INFINITY;
            List<Segment> postOrder = new ArrayList<>(trace.nodeCount());
            Deque<Segment> stack = new ArrayDeque<>(trace.roots());
            while (!stack.isEmpty()) {
                Segment s = stack.pop();
                postOrder.add(s);
                known = Math.max(known, s.endOrStart());
                for (Segment c : s.subsegments()) stack.push(c);
            }
            Bounds b = new Bounds(known);
            for (int i = postOrder.size() - 1; i >= 0; i--) { // children before their parents
                Segment s = postOrder.get(i);
                double lo = b.ownStart(s);
                double hi = b.ownEnd(s);
                for (Segment c : s.subsegments()) {
                    double[] cb = b.subtree.get(c);
                    lo = Math.min(lo, cb[0]);
                    hi = Math.max(hi, cb[1]);
                }
                b.subtree.put(s, new double[] {lo, hi});
            }
            for (Segment r : trace.roots()) {
                b.first = Math.min(b.first, b.subtree.get(r)[0]);
                b.last = Math.max(b.last, b.subtree.get(r)[1]);
            }
            if (trace.roots().isEmpty()) b.first = b.last = 0;
            return b;
        }

        double ownStart(Segment s) {
            return s.startTime();
        }

        /** An in-progress node lasts until the trace's last known time; an end before the start is the start. */
        double ownEnd(Segment s) {
            double end = s.inProgress() || s.endTime() == null ? traceEnd : s.endTime();
            return Math.max(s.startTime(), end);
        }

        double[] of(Segment s) {
            return subtree.get(s);
        }

        double end(Segment s) {
            return subtree.get(s)[1];
        }

        /** Latest end first; of equal ends the earlier start (the longer) first, then the original order. */
        Segment[] byEndDescending(List<Segment> nodes) {
            Segment[] out = nodes.toArray(new Segment[0]);
            if (out.length > 1) {
                Arrays.sort(out, Comparator.<Segment>comparingDouble(n -> -end(n)).thenComparingDouble(n -> of(n)[0]));
            }
            return out;
        }
    }

    @Override
    public String toString() {
        Set<String> names = new LinkedHashSet<>();
        for (Contribution c : contributions) names.add(c.untraced() ? "(untraced)" : c.segment().name());
        return "CriticalPath" + names;
    }
}
