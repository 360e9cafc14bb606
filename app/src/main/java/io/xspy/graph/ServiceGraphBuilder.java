package io.xspy.graph;

import io.xspy.trace.Kind;
import io.xspy.trace.Segment;
import io.xspy.trace.ServiceId;
import io.xspy.trace.Trace;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes the service graph of a set of traces the way X-Ray does. A node per {@link ServiceId#key()}:
 * every segment (and inferred segment) stands for its service, every aws or remote subsegment that
 * no segment answers for stands for the downstream service it called. Edges go from caller to
 * callee: from the segment enclosing a node's parent to the node. Statistics count completed
 * requests only (in-progress nodes appear in the graph without counts). An edge is measured on the
 * caller's side when there is one (the remote subsegment a segment was called through), else on the
 * callee's segment. Reference ids follow the order of (type, name), so they are stable within one
 * graph and across graphs over the same services.
 */
public final class ServiceGraphBuilder {

    /** Histogram bucket width: 1 ms. */
    public static final double RESOLUTION = 0.001;

    private final Map<String, Accumulator> nodes = new LinkedHashMap<>();
    private final Map<String, Accumulator> edges = new LinkedHashMap<>();
    private final Map<String, String[]> edgeEnds = new HashMap<>();

    /** The graph of the traces that overlap [start, end]. */
    public static ServiceGraph build(Iterable<Trace> traces, Instant start, Instant end) {
        double from = seconds(start);
        double to = seconds(end);
        ServiceGraphBuilder builder = new ServiceGraphBuilder();
        for (Trace t : traces) {
            if (!t.roots().isEmpty() && t.startTime() <= to && t.endTime() >= from) builder.add(t);
        }
        return builder.build(start, end);
    }

    /**
     * Walks the trace carrying each node's parent and the segment enclosing it, rather than asking the trace
     * for parents: that would build its maps of nodes by id and parents by child id, kept with every trace
     * the graph was drawn from (two hash maps a trace).
     */
    public ServiceGraphBuilder add(Trace trace) {
        Deque<Segment[]> stack = new ArrayDeque<>(); // {node, its parent, the segment at or above the parent}
        List<Segment> roots = trace.roots();
        for (int r = roots.size() - 1; r >= 0; r--) stack.push(new Segment[] {roots.get(r), null, null});
        while (!stack.isEmpty()) {
            Segment[] at = stack.pop();
            Segment s = at[0];
            visit(s, at[1], at[2]);
            Segment enclosing = s.kind() != Kind.SUBSEGMENT ? s : at[2];
            for (int i = s.subsegments().size() - 1; i >= 0; i--) stack.push(new Segment[] {s.subsegments().get(i), s, enclosing});
        }
        return this;
    }

    /** @param caller the nearest segment at or above {@code parent}, or null */
    private void visit(Segment s, Segment parent, Segment caller) {
        if (s.kind() != Kind.SUBSEGMENT) {
            ServiceId id = ServiceId.of(s);
            node(id).record(s);
            if (caller != null) {
                Segment measured = parent.kind() == Kind.SUBSEGMENT && parent.isRemote() ? parent : s;
                edge(ServiceId.of(caller), id, measured);
            }
        } else if (s.isRemote() && !answeredBySegment(s)) {
            ServiceId id = ServiceId.of(s);
            if (id == null || caller == null) return; // a subsegment's enclosing segment is its parent's
            node(id).record(s);
            edge(ServiceId.of(caller), id, s);
        }
    }

    /** Whether a segment of the callee sits under this call, so that it stands for the callee. */
    private static boolean answeredBySegment(Segment call) {
        for (Segment c : call.subsegments()) if (c.kind() != Kind.SUBSEGMENT) return true;
        return false;
    }

    private Accumulator node(ServiceId id) {
        Accumulator a = nodes.computeIfAbsent(id.key(), k -> new Accumulator(id));
        a.merge(id);
        return a;
    }

    private void edge(ServiceId from, ServiceId to, Segment measured) {
        node(from);
        if (from.key().equals(to.key())) return; // a service calling itself draws no edge
        String key = from.key() + "\u0001" + to.key();
        edgeEnds.putIfAbsent(key, new String[] {from.key(), to.key()});
        edges.computeIfAbsent(key, k -> new Accumulator(to)).record(measured);
    }

    public ServiceGraph build(Instant start, Instant end) {
        List<Accumulator> sorted = new ArrayList<>(nodes.values());
        sorted.sort(Comparator.comparing((Accumulator a) -> a.id.type()).thenComparing(a -> a.id.name()));
        Map<String, Integer> refs = new HashMap<>();
        for (Accumulator a : sorted) refs.put(a.id.key(), refs.size());
        Set<String> called = new HashSet<>();
        List<ServiceGraph.Edge> outEdges = new ArrayList<>();
        for (Map.Entry<String, Accumulator> e : edges.entrySet()) {
            String[] ends = edgeEnds.get(e.getKey());
            called.add(ends[1]);
            outEdges.add(new ServiceGraph.Edge(refs.get(ends[0]), refs.get(ends[1]), e.getValue().stats,
                    e.getValue().histogram.build()));
        }
        outEdges.sort(Comparator.comparingInt(ServiceGraph.Edge::sourceId).thenComparingInt(ServiceGraph.Edge::targetId));
        List<ServiceGraph.Node> outNodes = new ArrayList<>();
        for (Accumulator a : sorted) {
            outNodes.add(new ServiceGraph.Node(refs.get(a.id.key()), a.id, !called.contains(a.id.key()), a.stats,
                    a.histogram.build()));
        }
        return new ServiceGraph(start, end, outNodes, outEdges);
    }

    private static double seconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    /** Counts and response times of one node or edge. */
    private static final class Accumulator {
        ServiceId id;
        Statistics stats = Statistics.EMPTY;
        final Histogram.Builder histogram = new Histogram.Builder(RESOLUTION);

        Accumulator(ServiceId id) {
            this.id = id;
        }

        void record(Segment s) {
            if (s.inProgress() || s.endTime() == null) return; // X-Ray counts completed requests
            stats = stats.plus(Statistics.of(s.status(), s.duration()));
            histogram.add(s.duration());
        }

        /** Keeps the account id and every name the service was seen under. */
        void merge(ServiceId other) {
            if (other == id) return;
            boolean sameAccount = other.accountId() == null || other.accountId().equals(id.accountId());
            if (sameAccount && id.names().containsAll(other.names())) return; // the usual case: nothing new
            String account = id.accountId() != null ? id.accountId() : other.accountId();
            Set<String> names = new LinkedHashSet<>(id.names());
            names.addAll(other.names());
            if (!names.equals(new LinkedHashSet<>(id.names())) || account != id.accountId()) {
                id = new ServiceId(id.name(), List.copyOf(names), account, id.type());
            }
        }
    }
}
