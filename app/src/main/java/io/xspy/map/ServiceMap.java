package io.xspy.map;

import io.xspy.graph.Histogram;
import io.xspy.graph.ServiceGraph;
import io.xspy.graph.Statistics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The service graph as the map draws it: each node a service, or every service of one type
 * collapsed into one node ("12 × AWS::Lambda::Function") when there are too many to show; the
 * edges between those nodes with their summed statistics.
 */
public record ServiceMap(List<Node> nodes, List<Edge> edges, Duration window) {

    /** Histogram resolution for merged nodes, as the graph builder's (1 ms). */
    private static final double RESOLUTION = 0.001;

    public ServiceMap {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** A box of the map: one service, or all services of a type. */
    public record Node(String name, String type, List<ServiceGraph.Node> members, Statistics summary, Histogram responseTimes) {
        public Node {
            members = List.copyOf(members);
        }

        public boolean collapsed() {
            return members.size() > 1;
        }
    }

    /** Calls from node {@code from} to node {@code to} (indices into {@link #nodes}). */
    public record Edge(int from, int to, List<ServiceGraph.Edge> members, Statistics summary, Histogram responseTimes) {
        public Edge {
            members = List.copyOf(members);
        }
    }

    /** Every service its own node. */
    public static ServiceMap of(ServiceGraph graph) {
        return collapsed(graph, Set.of());
    }

    /** The services of the given types collapsed into one node per type (a type with one service stays as it is). */
    public static ServiceMap collapsed(ServiceGraph graph, Set<String> types) {
        Map<String, List<ServiceGraph.Node>> groups = new LinkedHashMap<>();
        for (ServiceGraph.Node n : graph.services()) {
            String type = String.valueOf(n.id().type());
            String key = types.contains(type) ? "type\u0000" + type : "node\u0000" + n.referenceId();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(n);
        }
        List<Node> nodes = new ArrayList<>();
        Map<Integer, Integer> nodeOf = new HashMap<>();
        for (List<ServiceGraph.Node> members : groups.values()) {
            ServiceGraph.Node first = members.get(0);
            for (ServiceGraph.Node m : members) nodeOf.put(m.referenceId(), nodes.size());
            if (members.size() == 1) {
                nodes.add(new Node(first.id().name(), first.id().type(), members, first.summary(), first.responseTimes()));
                continue;
            }
            Statistics sum = Statistics.EMPTY;
            Histogram.Builder times = new Histogram.Builder(RESOLUTION);
            for (ServiceGraph.Node m : members) {
                sum = sum.plus(m.summary());
                if (m.responseTimes() != null) times.addAll(m.responseTimes());
            }
            nodes.add(new Node(first.id().type(), first.id().type(), members, sum, times.build()));
        }
        Map<Long, List<ServiceGraph.Edge>> edgeGroups = new LinkedHashMap<>();
        for (ServiceGraph.Edge e : graph.edges()) {
            Integer from = nodeOf.get(e.sourceId());
            Integer to = nodeOf.get(e.targetId());
            if (from == null || to == null) continue; // an edge to a node the graph does not list
            edgeGroups.computeIfAbsent(((long) from << 32) | to, k -> new ArrayList<>()).add(e);
        }
        List<Edge> edges = new ArrayList<>();
        for (Map.Entry<Long, List<ServiceGraph.Edge>> g : edgeGroups.entrySet()) {
            List<ServiceGraph.Edge> members = g.getValue();
            Statistics sum = Statistics.EMPTY;
            Histogram.Builder times = new Histogram.Builder(RESOLUTION);
            for (ServiceGraph.Edge e : members) {
                sum = sum.plus(e.summary());
                if (e.responseTimes() != null) times.addAll(e.responseTimes());
            }
            Histogram h = members.size() == 1 ? members.get(0).responseTimes() : times.build();
            edges.add(new Edge((int) (g.getKey() >> 32), (int) (long) g.getKey(), members, sum, h));
        }
        Duration window = graph.start() == null || graph.end() == null ? Duration.ZERO : Duration.between(graph.start(), graph.end());
        return new ServiceMap(nodes, edges, window);
    }

    /**
     * The types to collapse so that at most {@code maxNodes} nodes remain (or as few as collapsing
     * can leave): the type with the most services first.
     */
    public static Set<String> typesToFit(ServiceGraph graph, int maxNodes) {
        Set<String> types = new LinkedHashSet<>();
        for (String t : typesByCount(graph)) {
            if (collapsed(graph, types).nodes().size() <= maxNodes) break;
            types.add(t);
        }
        return types;
    }

    /** Types with more than one service, the most numerous first (ties by name, so the map is stable). */
    public static List<String> typesByCount(ServiceGraph graph) {
        Map<String, Integer> count = new HashMap<>();
        for (ServiceGraph.Node n : graph.services()) count.merge(String.valueOf(n.id().type()), 1, Integer::sum);
        return count.entrySet().stream().filter(e -> e.getValue() > 1)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    /** The node index of a service of the graph, or -1. */
    public int nodeOf(int referenceId) {
        for (int i = 0; i < nodes.size(); i++) {
            for (ServiceGraph.Node m : nodes.get(i).members()) if (m.referenceId() == referenceId) return i;
        }
        return -1;
    }

    /** Requests per second over the window; NaN when the window is empty. */
    public double rate(Statistics s) {
        double seconds = window.toMillis() / 1000.0;
        return seconds <= 0 ? Double.NaN : s.totalCount() / seconds;
    }
}
