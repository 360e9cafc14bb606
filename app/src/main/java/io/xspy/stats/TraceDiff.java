package io.xspy.stats;

import io.xspy.trace.Kind;
import io.xspy.trace.RemoteCall;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two traces side by side: their nodes aligned by path — the chain of names from the root, so
 * {@code xraystarter-go › Attempt #1 › xraystarter-go › Invocation › write-items › DynamoDB} in one
 * trace meets the same chain in the other; repeated siblings of the same name are matched in order.
 * Each row has both nodes' offsets from their own trace's start, so a cold and a warm invocation
 * line up at their beginnings, and the change from the first trace (A) to the second (B).
 */
public final class TraceDiff {

    /** Which traces a row's node is in. */
    public enum Presence { BOTH, ONLY_A, ONLY_B }

    /**
     * One aligned row. Offsets are seconds from the start of the node's own trace; NaN where the
     * node is missing. An in-progress node ends at its trace's last known time, as in the timeline.
     */
    public record Row(int depth, Segment a, Segment b, double aStart, double aEnd, double bStart, double bEnd) {

        public Presence presence() {
            return a == null ? Presence.ONLY_B : b == null ? Presence.ONLY_A : Presence.BOTH;
        }

        /** The node to name the row by: A's, else B's. */
        public Segment either() {
            return a != null ? a : b;
        }

        public double aSeconds() { return aEnd - aStart; }

        public double bSeconds() { return bEnd - bStart; }

        /** B's duration minus A's, in seconds; NaN unless the node is in both. */
        public double deltaSeconds() {
            return presence() == Presence.BOTH ? bSeconds() - aSeconds() : Double.NaN;
        }

        /** The change relative to A (0.5 is 50 % longer); NaN unless in both with A longer than zero. */
        public double deltaRatio() {
            return presence() == Presence.BOTH && aSeconds() > 0 ? deltaSeconds() / aSeconds() : Double.NaN;
        }

        /** Whether either node is still in progress (its duration is a lower bound). */
        public boolean inProgress() {
            return (a != null && open(a)) || (b != null && open(b));
        }
    }

    private final Trace a;
    private final Trace b;
    private final List<Row> rows;

    private TraceDiff(Trace a, Trace b, List<Row> rows) {
        this.a = a;
        this.b = b;
        this.rows = List.copyOf(rows);
    }

    public Trace a() { return a; }

    public Trace b() { return b; }

    /** The aligned rows in display order: depth first, A's order, nodes only in B after their B neighbour. */
    public List<Row> rows() { return rows; }

    /** The time axis both are drawn on: the longer trace's duration, in seconds. */
    public double axisSeconds() {
        return Math.max(Math.max(0, a.duration()), Math.max(0, b.duration()));
    }

    /** B's duration minus A's, in seconds. */
    public double deltaSeconds() {
        return b.duration() - a.duration();
    }

    public long count(Presence presence) {
        return rows.stream().filter(r -> r.presence() == presence).count();
    }

    private record Pending(Segment a, Segment b, int depth) {}

    /** Sibling lists up to this many pairs are matched by comparing, longer ones through a map of keys. */
    private static final int SMALL = 64;

    /** Aligns two traces. Iterative, so a 10,000-deep chain is no problem; linear in the nodes. */
    public static TraceDiff of(Trace a, Trace b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Offsets oa = new Offsets(a);
        Offsets ob = new Offsets(b);
        List<Row> out = new ArrayList<>(Math.max(a.nodeCount(), b.nodeCount()));
        Deque<Pending> stack = new ArrayDeque<>();
        pushMerged(stack, a.roots(), b.roots(), 0);
        while (!stack.isEmpty()) {
            Pending p = stack.pop();
            out.add(new Row(p.depth(), p.a(), p.b(), oa.start(p.a()), oa.end(p.a()), ob.start(p.b()), ob.end(p.b())));
            List<Segment> ca = p.a() == null ? List.of() : p.a().subsegments();
            List<Segment> cb = p.b() == null ? List.of() : p.b().subsegments();
            pushMerged(stack, ca, cb, p.depth() + 1);
        }
        return new TraceDiff(a, b, out);
    }

    /**
     * Pairs two lists of siblings by key and occurrence (the second "DynamoDB PutItem" with the second)
     * and pushes the pairs so that they pop in display order.
     */
    private static void pushMerged(Deque<Pending> stack, List<Segment> as, List<Segment> bs, int depth) {
        if (as.isEmpty() && bs.isEmpty()) return;
        Segment[] partner = new Segment[as.size()];
        int[] placeOfB = new int[bs.size()]; // where each B node sits in the merged list: index of its A partner, or -1
        Arrays.fill(placeOfB, -1);
        if ((long) as.size() * bs.size() <= SMALL) { // most nodes have a few children: compare, no keys built
            for (int i = 0; i < as.size(); i++) {
                for (int j = 0; j < bs.size(); j++) {
                    if (placeOfB[j] < 0 && sameStep(as.get(i), bs.get(j))) {
                        partner[i] = bs.get(j);
                        placeOfB[j] = i;
                        break;
                    }
                }
            }
        } else {
            Map<String, Deque<Integer>> unmatchedB = new HashMap<>();
            for (int i = 0; i < bs.size(); i++) unmatchedB.computeIfAbsent(key(bs.get(i)), k -> new ArrayDeque<>()).add(i);
            for (int i = 0; i < as.size(); i++) {
                Deque<Integer> candidates = unmatchedB.get(key(as.get(i)));
                if (candidates == null || candidates.isEmpty()) continue;
                int j = candidates.poll();
                partner[i] = bs.get(j);
                placeOfB[j] = i;
            }
        }
        // B-only nodes go after the A row of their nearest matched predecessor in B (or first)
        List<List<Segment>> after = new ArrayList<>(as.size() + 1);
        for (int i = 0; i <= as.size(); i++) after.add(null);
        int anchor = 0; // 0: before every A node; i + 1: after A node i
        for (int j = 0; j < bs.size(); j++) {
            if (placeOfB[j] >= 0) {
                anchor = Math.max(anchor, placeOfB[j] + 1);
                continue;
            }
            if (after.get(anchor) == null) after.set(anchor, new ArrayList<>());
            after.get(anchor).add(bs.get(j));
        }
        List<Pending> merged = new ArrayList<>(as.size() + bs.size());
        addOnlyB(merged, after.get(0), depth);
        for (int i = 0; i < as.size(); i++) {
            merged.add(new Pending(as.get(i), partner[i], depth));
            addOnlyB(merged, after.get(i + 1), depth);
        }
        for (int i = merged.size() - 1; i >= 0; i--) stack.push(merged.get(i));
    }

    private static void addOnlyB(List<Pending> merged, List<Segment> onlyB, int depth) {
        if (onlyB == null) return;
        for (Segment s : onlyB) merged.add(new Pending(null, s, depth));
    }

    /**
     * What makes two nodes the same step of a path: kind, name, origin, and for a call to an AWS
     * service its operation and resource (a GetItem is not a PutItem); not a URL, which differs per
     * request.
     */
    static String key(Segment s) {
        StringBuilder k = new StringBuilder(48).append(s.kind().ordinal()).append('\u0000').append(s.name());
        if (s.kind() != Kind.SUBSEGMENT && s.origin() != null) k.append('\u0000').append(s.origin());
        RemoteCall call = s.kind() == Kind.SUBSEGMENT ? s.remoteCall() : null;
        if (call != null) {
            k.append('\u0000').append(call.aws() ? 'a' : 'r').append(call.operation());
            if (call.aws()) k.append('\u0000').append(call.resource());
        }
        return k.toString();
    }

    /** Whether two nodes are the same step of a path: what {@link #key} says, without building the keys. */
    static boolean sameStep(Segment x, Segment y) {
        if (x.kind() != y.kind() || !x.name().equals(y.name())) return false;
        if (x.kind() != Kind.SUBSEGMENT) return Objects.equals(x.origin(), y.origin());
        if (x.isRemote() != y.isRemote()) return false;
        if (!x.isRemote()) return true;
        RemoteCall cx = x.remoteCall();
        RemoteCall cy = y.remoteCall();
        return cx.aws() == cy.aws() && Objects.equals(cx.operation(), cy.operation())
                && (!cx.aws() || Objects.equals(cx.resource(), cy.resource()));
    }

    static boolean open(Segment s) {
        return s.inProgress() || s.endTime() == null;
    }

    /** Offsets from a trace's start, in-progress nodes ending at the trace's end (as the timeline draws them). */
    private record Offsets(double origin, double end) {
        Offsets(Trace t) {
            this(t.startTime(), t.endTime() - t.startTime());
        }

        double start(Segment s) {
            return s == null ? Double.NaN : s.startTime() - origin;
        }

        double end(Segment s) {
            if (s == null) return Double.NaN;
            double start = s.startTime() - origin;
            return open(s) ? Math.max(start, end) : Math.max(start, s.endTime() - origin);
        }
    }
}
