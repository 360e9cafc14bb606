package io.xspy.trace;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An assembled trace: its root nodes (the segments without a caller, and orphans), the documents it
 * was built from, and the facts X-Ray derives from them. Immutable.
 */
public final class Trace {
    private final String id;
    private final List<Segment> roots;
    private final Set<String> orphanIds;
    private final List<Segment> documents;
    private final List<Diagnostic> diagnostics;
    /** Nodes by id and parents by child id: built when first asked for (filters and lists never ask). */
    private volatile Links links;
    private final double start;
    private final double end;
    private final Status status;
    private final boolean inProgress;
    private final boolean anyFault;
    private final boolean anyError;
    private final boolean anyThrottle;
    /** What other packages derived from this trace (filter indexes), by {@link Derived} slot; filled on use. */
    private volatile Object[] derived;

    public Trace(String id, List<Segment> roots, Set<String> orphanIds, List<Segment> documents,
            List<Diagnostic> diagnostics) {
        this.id = id;
        this.roots = List.copyOf(roots);
        this.orphanIds = Set.copyOf(orphanIds);
        this.documents = List.copyOf(documents);
        this.diagnostics = List.copyOf(diagnostics);
        double first = Double.MAX_VALUE;
        double last = -Double.MAX_VALUE;
        Status worst = Status.OK;
        boolean open = false;
        boolean fault = false;
        boolean error = false;
        boolean throttle = false;
        Deque<Segment> stack = new ArrayDeque<>(this.roots);
        while (!stack.isEmpty()) {
            Segment s = stack.pop();
            first = Math.min(first, s.startTime());
            last = Math.max(last, s.endOrStart());
            Status st = s.status();
            worst = worst.worst(st);
            open |= s.inProgress();
            fault |= s.fault() || st == Status.FAULT;
            throttle |= s.throttle() || st == Status.THROTTLE;
            error |= s.error() || st == Status.ERROR || st == Status.THROTTLE;
            for (Segment c : s.subsegments()) stack.push(c);
        }
        this.anyFault = fault;
        this.anyError = error;
        this.anyThrottle = throttle;
        this.start = this.roots.isEmpty() ? 0 : first;
        this.end = this.roots.isEmpty() ? 0 : last;
        this.status = worst;
        this.inProgress = open;
    }

    public String id() { return id; }

    public List<Segment> roots() { return roots; }

    /** Ids of the documents whose parent never arrived (or whose parent_id made a cycle). */
    public Set<String> orphanIds() { return orphanIds; }

    public boolean isOrphan(Segment s) { return orphanIds.contains(s.id()); }

    /** The documents the trace was built from, one per id, as sent: what export writes. */
    public List<Segment> documents() { return documents; }

    /** Problems found while assembling (duplicate ids, cycles). */
    public List<Diagnostic> diagnostics() { return diagnostics; }

    public int nodeCount() { return links().byId.size(); }

    public Segment find(String nodeId) { return links().byId.get(nodeId); }

    /** The node's parent in the assembled tree, or null for a root. */
    public Segment parentOf(Segment s) { return links().parents.get(s.id()); }

    public Map<String, Segment> nodesById() { return Collections.unmodifiableMap(links().byId); }

    private record Links(Map<String, Segment> byId, Map<String, Segment> parents) {}

    private Links links() {
        Links l = links;
        if (l == null) {
            Map<String, Segment> byId = new HashMap<>();
            Map<String, Segment> parents = new HashMap<>();
            Deque<Segment> stack = new ArrayDeque<>(roots);
            while (!stack.isEmpty()) {
                Segment s = stack.pop();
                byId.putIfAbsent(s.id(), s);
                for (Segment c : s.subsegments()) {
                    parents.put(c.id(), s);
                    stack.push(c);
                }
            }
            links = l = new Links(byId, parents);
        }
        return l;
    }

    public double startTime() { return start; }

    public double endTime() { return end; }

    /** X-Ray's Duration: from the first start to the last end of any segment. */
    public double duration() { return end - start; }

    /** The segment that received the request: the earliest root that is not an orphan. */
    public Segment rootSegment() {
        for (Segment r : roots) if (!orphanIds.contains(r.id()) && r.kind() == Kind.SEGMENT) return r;
        return roots.isEmpty() ? null : roots.get(0);
    }

    /** X-Ray's ResponseTime: the root segment's own duration. */
    public double responseTime() {
        Segment root = rootSegment();
        return root == null ? 0 : root.duration();
    }

    /** The worst status of any node. */
    public Status status() { return status; }

    public boolean hasFault() { return status == Status.FAULT || anyFault; }

    public boolean hasError() { return anyError; }

    public boolean hasThrottle() { return anyThrottle; }

    public boolean inProgress() { return inProgress; }

    /** X-Ray's IsPartial: some part of the trace is missing or still in progress. */
    public boolean isPartial() { return inProgress || !orphanIds.isEmpty(); }

    /**
     * Something another package derives from a trace (the filters' indexes), kept with the trace rather
     * than in a shared map: no lock between threads, and it goes when the trace goes. Keys are
     * constants; there are at most {@value #DERIVED_SLOTS}.
     */
    public static final class Derived<T> {
        private static final AtomicInteger NEXT_SLOT = new AtomicInteger();
        private final int slot = NEXT_SLOT.getAndIncrement();
        private final Function<Trace, T> build;

        public Derived(Function<Trace, T> build) {
            if (slot >= DERIVED_SLOTS) throw new IllegalStateException("more than " + DERIVED_SLOTS + " derived keys");
            this.build = build;
        }
    }

    private static final int DERIVED_SLOTS = 8;

    /**
     * The value for {@code key}, built on first use. Two threads may both build it (it is a pure
     * function of the immutable trace); either result is kept.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Derived<T> key) {
        Object[] slots = derived;
        if (slots == null) {
            synchronized (this) {
                if (derived == null) derived = new Object[DERIVED_SLOTS];
                slots = derived;
            }
        }
        Object value = slots[key.slot];
        if (value == null) {
            value = key.build.apply(this);
            slots[key.slot] = value; // the values' fields are final: safely published through them
        }
        return (T) value;
    }

    @Override
    public String toString() {
        return "Trace[" + id + ", " + nodeCount() + " nodes]";
    }
}
