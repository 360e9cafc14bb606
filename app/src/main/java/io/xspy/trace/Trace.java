package io.xspy.trace;

import java.lang.ref.Reference;
import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An assembled trace: its root nodes (the segments without a caller, and orphans), the documents it
 * was built from, and the facts X-Ray derives from them. Immutable.
 * The facts (times, status, flags) are fields; the nodes, with what was derived from them, are a body
 * held strongly, or, for a trace a store made {@link #soft}, softly: the collector may drop a stored
 * trace's nodes under memory pressure, and they are rebuilt from the stored documents when next read; or, for
 * a trace a store made {@link #weak}, only while someone reads them (a one-shot command's store).
 */
public final class Trace {
    private final String id;
    /** A {@link Body}, or a soft or weak {@code Reference<Body>} with {@link #rebuild} to make it again. */
    private volatile Object body;
    private final Supplier<Trace> rebuild;
    private final boolean weakly;
    private final double start;
    private final double end;
    private final Status status;
    private final boolean inProgress;
    private final boolean anyFault;
    private final boolean anyError;
    private final boolean anyThrottle;
    private final boolean partial;
    private final double responseTime;
    private final boolean empty;

    /** The nodes and what was derived from them: all a soft trace can lose and rebuild. */
    private static final class Body {
        final List<Segment> roots;
        final Set<String> orphanIds;
        final List<Segment> documents;
        final List<Diagnostic> diagnostics;
        /** Nodes by id and parents by child id: built when first asked for (filters and lists never ask). */
        volatile Links links;
        /** What other packages derived from this trace (filter indexes), by {@link Derived} slot; filled on use. */
        volatile Object[] derived;

        Body(List<Segment> roots, Set<String> orphanIds, List<Segment> documents, List<Diagnostic> diagnostics) {
            this.roots = roots;
            this.orphanIds = orphanIds;
            this.documents = documents;
            this.diagnostics = diagnostics;
        }
    }

    public Trace(String id, List<Segment> roots, Set<String> orphanIds, List<Segment> documents,
            List<Diagnostic> diagnostics) {
        this.id = id;
        Body b = new Body(List.copyOf(roots), Set.copyOf(orphanIds), List.copyOf(documents), List.copyOf(diagnostics));
        this.body = b;
        this.rebuild = null;
        this.weakly = false;
        this.empty = b.roots.isEmpty();
        double first = Double.MAX_VALUE;
        double last = -Double.MAX_VALUE;
        Status worst = Status.OK;
        boolean open = false;
        boolean fault = false;
        boolean error = false;
        boolean throttle = false;
        Deque<Segment> stack = new ArrayDeque<>(b.roots);
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
        this.start = b.roots.isEmpty() ? 0 : first;
        this.end = b.roots.isEmpty() ? 0 : last;
        this.status = worst;
        this.inProgress = open;
        this.partial = open || !b.orphanIds.isEmpty();
        Segment root = rootSegment(b);
        this.responseTime = root == null ? 0 : root.duration();
    }

    private Trace(Trace facts, Body body, Supplier<Trace> rebuild, boolean weakly) {
        this.id = facts.id;
        this.weakly = weakly;
        this.body = held(body);
        this.rebuild = rebuild;
        this.empty = facts.empty;
        this.start = facts.start;
        this.end = facts.end;
        this.status = facts.status;
        this.inProgress = facts.inProgress;
        this.anyFault = facts.anyFault;
        this.anyError = facts.anyError;
        this.anyThrottle = facts.anyThrottle;
        this.partial = facts.partial;
        this.responseTime = facts.responseTime;
    }

    /**
     * This trace with its nodes held softly: {@code rebuild} assembles it again (from the same documents,
     * so the same nodes) when the collector has dropped them. What was derived so far is kept with them.
     */
    public Trace soft(Supplier<Trace> rebuild) {
        return new Trace(this, body(), rebuild, false);
    }

    /**
     * This trace with its nodes held weakly: the collector drops them as soon as nobody reads them, and
     * {@code rebuild} assembles them again when next read. For a store that reads each trace once or twice and
     * should not hold every trace's nodes meanwhile, whatever the size of the heap.
     */
    public Trace weak(Supplier<Trace> rebuild) {
        return new Trace(this, body(), rebuild, true);
    }

    private Reference<Body> held(Body b) {
        return weakly ? new WeakReference<>(b) : new SoftReference<>(b);
    }

    /**
     * Lets go of a soft trace's nodes now, as the collector would under memory pressure (they are built
     * again when next read); a no-op for a trace that holds its nodes strongly.
     */
    public void release() {
        if (rebuild != null) body = held(null);
    }

    /** Whether the nodes are in memory now (always, unless the trace is soft or weak). */
    public boolean isHeld() {
        return !(body instanceof Reference<?> ref) || ref.get() != null;
    }

    @SuppressWarnings("unchecked")
    private Body body() {
        Object b = body;
        if (b instanceof Body strong) return strong;
        Body held = ((Reference<Body>) b).get();
        if (held != null) return held;
        Body again = rebuild.get().body();
        body = held(again);
        return again;
    }

    public String id() { return id; }

    /** Whether the trace has no nodes at all (a fact: asking does not rebuild a trace's nodes). */
    public boolean isEmpty() { return empty; }

    public List<Segment> roots() { return body().roots; }

    /** Ids of the documents whose parent never arrived (or whose parent_id made a cycle). */
    public Set<String> orphanIds() { return body().orphanIds; }

    public boolean isOrphan(Segment s) { return orphanIds().contains(s.id()); }

    /** The documents the trace was built from, one per id, as sent: what export writes. */
    public List<Segment> documents() { return body().documents; }

    /** Problems found while assembling (duplicate ids, cycles). */
    public List<Diagnostic> diagnostics() { return body().diagnostics; }

    public int nodeCount() { return links().byId.size(); }

    public Segment find(String nodeId) { return links().byId.get(nodeId); }

    /** The node's parent in the assembled tree, or null for a root. */
    public Segment parentOf(Segment s) { return links().parents.get(s.id()); }

    public Map<String, Segment> nodesById() { return Collections.unmodifiableMap(links().byId); }

    /** Whether the maps of nodes by id and parents were built (lists, filters and graphs should not need them). */
    public boolean linked() {
        Object b = body;
        Body held = b instanceof Body strong ? strong : (Body) ((Reference<?>) b).get();
        return held != null && held.links != null;
    }

    private record Links(Map<String, Segment> byId, Map<String, Segment> parents) {}

    private Links links() {
        Body b = body();
        Links l = b.links;
        if (l == null) {
            Map<String, Segment> byId = new HashMap<>();
            Map<String, Segment> parents = new HashMap<>();
            Deque<Segment> stack = new ArrayDeque<>(b.roots);
            while (!stack.isEmpty()) {
                Segment s = stack.pop();
                byId.putIfAbsent(s.id(), s);
                for (Segment c : s.subsegments()) {
                    parents.put(c.id(), s);
                    stack.push(c);
                }
            }
            b.links = l = new Links(byId, parents);
        }
        return l;
    }

    public double startTime() { return start; }

    public double endTime() { return end; }

    /** X-Ray's Duration: from the first start to the last end of any segment. */
    public double duration() { return end - start; }

    /** The segment that received the request: the earliest root that is not an orphan. */
    public Segment rootSegment() {
        return rootSegment(body());
    }

    /**
     * Whether {@code node} is the {@link #rootSegment}. A soft trace can be rebuilt between reading a node and
     * asking, so a node from before a rebuild is matched by what identifies it, not by identity.
     */
    public boolean isRoot(Segment node) {
        Segment r = rootSegment();
        return node == r || r != null && node != null && r.kind() == node.kind() && r.id().equals(node.id())
                && Objects.equals(r.parentId(), node.parentId()) && r.startTime() == node.startTime();
    }

    private static Segment rootSegment(Body b) {
        for (Segment r : b.roots) if (!b.orphanIds.contains(r.id()) && r.kind() == Kind.SEGMENT) return r;
        return b.roots.isEmpty() ? null : b.roots.get(0);
    }

    /** X-Ray's ResponseTime: the root segment's own duration. */
    public double responseTime() { return responseTime; }

    /** The worst status of any node. */
    public Status status() { return status; }

    public boolean hasFault() { return status == Status.FAULT || anyFault; }

    public boolean hasError() { return anyError; }

    public boolean hasThrottle() { return anyThrottle; }

    public boolean inProgress() { return inProgress; }

    /** X-Ray's IsPartial: some part of the trace is missing or still in progress. */
    public boolean isPartial() { return partial; }

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
        Body b = body();
        Object[] slots = b.derived;
        if (slots == null) {
            synchronized (b) {
                if (b.derived == null) b.derived = new Object[DERIVED_SLOTS];
                slots = b.derived;
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
