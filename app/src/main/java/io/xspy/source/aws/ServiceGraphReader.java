package io.xspy.source.aws;

import io.xspy.graph.ServiceGraph;
import io.xspy.query.TimeWindow;
import io.xspy.trace.ServiceId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.Edge;
import software.amazon.awssdk.services.xray.model.GetServiceGraphResponse;
import software.amazon.awssdk.services.xray.model.Service;

/** GetServiceGraph for a window, all pages, as xspy's ServiceGraph. */
final class ServiceGraphReader {

    private final XRayClient xray;
    private final AwsCalls calls;

    ServiceGraphReader(XRayClient xray, AwsCalls calls) {
        this.xray = xray;
        this.calls = calls;
    }

    ServiceGraph read(TimeWindow window) {
        List<Service> services = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        String token = null;
        do {
            String sent = token;
            GetServiceGraphResponse response = calls.call("xray:GetServiceGraph", () -> xray.getServiceGraph(
                    b -> b.startTime(window.start()).endTime(window.end()).nextToken(sent)));
            services.addAll(response.services());
            token = response.nextToken();
        } while (token != null && tokens.add(token));
        return graph(services, window);
    }

    /** Services in the shape of GetServiceGraph (also GetRetrievedTracesGraph's) as a ServiceGraph. */
    static ServiceGraph graph(List<Service> services, TimeWindow window) {
        List<ServiceGraph.Node> nodes = new ArrayList<>();
        List<ServiceGraph.Edge> edges = new ArrayList<>();
        for (Service s : services) {
            int ref = s.referenceId() == null ? -1 : s.referenceId();
            ServiceId id = new ServiceId(s.name(), s.names().isEmpty() ? null : s.names(), s.accountId(), s.type());
            nodes.add(new ServiceGraph.Node(ref, id, Boolean.TRUE.equals(s.root()), XrayShapes.statistics(s.summaryStatistics()),
                    XrayShapes.histogram(s.responseTimeHistogram())));
            for (Edge e : s.edges()) {
                if (e.referenceId() == null) continue;
                edges.add(new ServiceGraph.Edge(ref, e.referenceId(), XrayShapes.statistics(e.summaryStatistics()),
                        XrayShapes.histogram(e.responseTimeHistogram())));
            }
        }
        return new ServiceGraph(window.start(), window.end(), nodes, edges);
    }
}
