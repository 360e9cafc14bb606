package io.xspy.map;

import io.xspy.graph.Histogram;
import io.xspy.graph.ServiceGraph;
import io.xspy.graph.Statistics;
import io.xspy.trace.ServiceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A test graph: a topic fanning out to {@code functions} Lambda functions, each calling one of three tables. */
public final class FanOutGraph {
    private FanOutGraph() {}

    public static ServiceGraph of(int functions, Instant start, Instant end) {
        List<ServiceGraph.Node> nodes = new ArrayList<>();
        List<ServiceGraph.Edge> edges = new ArrayList<>();
        Statistics one = new Statistics(9, 0, 0, 1, 10, 1.0);
        Histogram h = new Histogram.Builder(0.001).add(0.1, 10).build();
        nodes.add(new ServiceGraph.Node(0, ServiceId.of("uploads", "AWS::SNS::Topic"), true, one, h));
        for (int t = 0; t < 3; t++) nodes.add(new ServiceGraph.Node(1 + t, ServiceId.of("table-" + t, "AWS::DynamoDB::Table"), false, one, h));
        for (int f = 0; f < functions; f++) {
            int id = 10 + f;
            nodes.add(new ServiceGraph.Node(id, ServiceId.of("function-" + f, "AWS::Lambda::Function"), false, one, h));
            edges.add(new ServiceGraph.Edge(0, id, one, h));
            edges.add(new ServiceGraph.Edge(id, 1 + f % 3, one, h));
        }
        return new ServiceGraph(start, end, nodes, edges);
    }
}
