package io.xspy.graph;

import io.xspy.trace.ServiceId;
import java.time.Instant;
import java.util.List;

/**
 * The service map of a time window, in the shape of X-Ray's GetServiceGraph: nodes with summary
 * statistics and a response-time histogram, and caller → callee edges with the same.
 */
public record ServiceGraph(Instant start, Instant end, List<Node> services, List<Edge> edges) {

    public ServiceGraph {
        services = List.copyOf(services);
        edges = List.copyOf(edges);
    }

    /** A service. {@code root} marks a node that receives requests from outside the traces. */
    public record Node(int referenceId, ServiceId id, boolean root, Statistics summary, Histogram responseTimes) {}

    /** Calls from {@code sourceId} to {@code targetId} (reference ids of nodes). */
    public record Edge(int sourceId, int targetId, Statistics summary, Histogram responseTimes) {}

    public Node node(int referenceId) {
        for (Node n : services) if (n.referenceId() == referenceId) return n;
        return null;
    }

    /** The node of this service, or null. */
    public Node find(String name, String type) {
        for (Node n : services) if (n.id().name().equals(name) && n.id().type().equals(type)) return n;
        return null;
    }

    /** The edge from one node to another, or null. */
    public Edge edge(int sourceId, int targetId) {
        for (Edge e : edges) if (e.sourceId() == sourceId && e.targetId() == targetId) return e;
        return null;
    }

    public List<Edge> callersOf(int referenceId) {
        return edges.stream().filter(e -> e.targetId() == referenceId).toList();
    }

    public List<Edge> calleesOf(int referenceId) {
        return edges.stream().filter(e -> e.sourceId() == referenceId).toList();
    }
}
