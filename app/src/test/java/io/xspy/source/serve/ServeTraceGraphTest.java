package io.xspy.source.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.source.local.TraceStore;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.GetTraceGraphResponse;
import software.amazon.awssdk.services.xray.model.InvalidRequestException;
import software.amazon.awssdk.services.xray.model.Service;

/** GetTraceGraph with the real SDK v2 X-Ray client against serve on loopback. */
class ServeTraceGraphTest {

    final Instant now = Instant.now();
    List<GeneratedTraces.Generated> generated;
    ServeServer serve;
    XRayClient xray;

    @BeforeEach
    void start() {
        TraceStore store = new TraceStore();
        generated = GeneratedTraces.load(store, 4, now.getEpochSecond() - 60);
        serve = ServeServer.start(store, "127.0.0.1", 0, FaultPlan.none(), 2); // pages of two services
        xray = XrayClients.at(serve.endpoint());
    }

    @AfterEach
    void stop() {
        xray.close();
        serve.close();
    }

    static Set<String> nodes(List<Service> services) {
        return services.stream().map(s -> s.name() + " " + s.type()).collect(Collectors.toSet());
    }

    @Test
    void the_trace_graph_has_the_nodes_and_edges_of_the_service_graph_of_those_traces_paged() {
        List<String> ids = List.of(generated.get(0).traceId(), generated.get(1).traceId());
        List<Service> services = xray.getTraceGraphPaginator(r -> r.traceIds(ids)).services().stream().toList();
        // every trace here has the same shape, so its graph is the window's graph
        List<Service> window = xray.getServiceGraphPaginator(r -> r.startTime(now.minusSeconds(3600)).endTime(now))
                .services().stream().toList();
        assertEquals(nodes(window), nodes(services));
        assertTrue(services.size() > 2, "more than one page: " + services.size());
        Service api = services.stream().filter(s -> "xraystarter-api".equals(s.name())).findFirst().orElseThrow();
        assertTrue(api.root(), "the entry point is the root");
        assertEquals(2L, api.summaryStatistics().totalCount());
        assertTrue(!api.edges().isEmpty(), "the API calls the function");
    }

    @Test
    void the_first_page_carries_a_next_token() {
        GetTraceGraphResponse first = xray.getTraceGraph(r -> r.traceIds(generated.get(0).traceId()));
        assertEquals(2, first.services().size());
        assertTrue(first.nextToken() != null && !first.nextToken().isEmpty());
    }

    @Test
    void ids_it_does_not_hold_give_an_empty_graph() {
        GetTraceGraphResponse r = xray.getTraceGraph(b -> b.traceIds("1-00000000-000000000000000000000000"));
        assertEquals(List.of(), r.services());
    }

    @Test
    void more_than_five_ids_is_an_invalid_request() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> xray.getTraceGraph(r -> r.traceIds("1-a", "1-b", "1-c", "1-d", "1-e", "1-f")));
        assertEquals(400, e.statusCode());
    }
}
