package io.xspy.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.trace.Trace;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceGraphBuilderTest {
    private static final Instant FROM = Instant.ofEpochSecond((long) Fixtures.T0 - 60);
    private static final Instant TO = Instant.ofEpochSecond((long) Fixtures.T0 + 60);

    private final ServiceGraph graph = ServiceGraphBuilder.build(Fixtures.traces(Fixtures.threeInvocations()), FROM, TO);

    @Test
    void drawingTheGraphBuildsNoMapsOfParentsInTheTraces() {
        List<Trace> traces = Fixtures.traces(Fixtures.threeInvocations());
        ServiceGraph g = ServiceGraphBuilder.build(traces, FROM, TO);
        assertEquals(graph.services().size(), g.services().size());
        for (Trace t : traces) assertFalse(t.linked(), t.id());
    }

    @Test
    void nodesGetReferenceIdsByTypeThenName() {
        assertEquals(4, graph.services().size());
        assertEquals(0, graph.find("items", "AWS::DynamoDB::Table").referenceId());
        assertEquals(1, graph.find("resize", "AWS::Lambda").referenceId());
        assertEquals(2, graph.find("resize", "AWS::Lambda::Function").referenceId());
        assertEquals(3, graph.find("uploads", "AWS::SNS::Topic").referenceId());
    }

    @Test
    void onlyTheTopicIsARoot() {
        for (ServiceGraph.Node n : graph.services()) {
            assertEquals(n.id().type().equals("AWS::SNS::Topic"), n.root(), n.id().name() + " " + n.id().type());
        }
    }

    @Test
    void lambdaServiceNodeCountsAndPercentiles() {
        ServiceGraph.Node lambda = graph.find("resize", "AWS::Lambda");
        assertEquals(new Statistics(3, 0, 0, 0, 3, 0.7), rounded(lambda.summary()));
        assertEquals(0.2, lambda.responseTimes().percentile(0.5), 1e-9);
        assertEquals(0.4, lambda.responseTimes().percentile(0.9), 1e-9);
        assertEquals(0.4, lambda.responseTimes().percentile(0.99), 1e-9);
    }

    @Test
    void functionNodeCountsItsFault() {
        ServiceGraph.Node fn = graph.find("resize", "AWS::Lambda::Function");
        assertEquals(new Statistics(2, 0, 0, 1, 3, 0.58), rounded(fn.summary()));
        assertEquals(0.15, fn.responseTimes().percentile(0.5), 1e-9);
    }

    @Test
    void downstreamTableIsInferredFromTheSubsegments() {
        ServiceGraph.Node table = graph.find("items", "AWS::DynamoDB::Table");
        assertEquals(new Statistics(1, 1, 0, 1, 3, 0.1), rounded(table.summary()));
        assertEquals(List.of(new Histogram.Bucket(0.02, 1), new Histogram.Bucket(0.03, 1), new Histogram.Bucket(0.05, 1)),
                table.responseTimes().buckets());
        assertEquals(1, table.summary().errorTotal());
        assertEquals(1, table.summary().faultTotal());
    }

    @Test
    void edgesGoCallerToCallee() {
        assertEquals(3, graph.edges().size());
        ServiceGraph.Edge topicToLambda = graph.edge(3, 1);
        ServiceGraph.Edge lambdaToFunction = graph.edge(1, 2);
        ServiceGraph.Edge functionToTable = graph.edge(2, 0);
        assertNotNull(topicToLambda);
        assertNotNull(lambdaToFunction);
        assertNotNull(functionToTable);
        assertEquals(new Statistics(3, 0, 0, 0, 3, 0.7), rounded(topicToLambda.summary()));
        assertEquals(new Statistics(2, 0, 0, 1, 3, 0.58), rounded(lambdaToFunction.summary()));
        assertEquals(new Statistics(1, 1, 0, 1, 3, 0.1), rounded(functionToTable.summary()));
        assertEquals(0.05, functionToTable.responseTimes().percentile(0.99), 1e-9);
        assertEquals(List.of(graph.edge(1, 2)), graph.calleesOf(1));
    }

    @Test
    void windowKeepsOnlyOverlappingTraces() {
        List<Trace> traces = Fixtures.traces(Fixtures.threeInvocations());
        Instant from = Instant.ofEpochSecond((long) Fixtures.T0 + 5);
        Instant to = Instant.ofEpochSecond((long) Fixtures.T0 + 15);
        ServiceGraph g = ServiceGraphBuilder.build(traces, from, to);
        ServiceGraph.Node lambda = g.find("resize", "AWS::Lambda");
        assertEquals(1, lambda.summary().totalCount());
        assertEquals(0.2, lambda.summary().totalResponseTime(), 1e-6);
        assertEquals(from, g.start());
        assertTrue(ServiceGraphBuilder.build(traces, TO.plusSeconds(1), TO.plusSeconds(2)).services().isEmpty());
    }

    @Test
    void callAnsweredByASegmentIsOneNodeNotTwo() {
        String trace = Fixtures.traceId(9);
        double t = Fixtures.T0;
        List<String> docs = List.of(
                "{\"id\":\"a000000000000001\",\"trace_id\":\"" + trace + "\",\"name\":\"api\",\"start_time\":" + t
                        + ",\"end_time\":" + (t + 0.5) + ",\"subsegments\":[{\"id\":\"a000000000000002\",\"name\":\"Lambda\","
                        + "\"namespace\":\"aws\",\"start_time\":" + (t + 0.1) + ",\"end_time\":" + (t + 0.4)
                        + ",\"aws\":{\"function_name\":\"worker\",\"operation\":\"Invoke\"}}]}",
                "{\"id\":\"a000000000000003\",\"trace_id\":\"" + trace + "\",\"parent_id\":\"a000000000000002\","
                        + "\"name\":\"worker\",\"origin\":\"AWS::Lambda\",\"start_time\":" + (t + 0.15) + ",\"end_time\":"
                        + (t + 0.35) + "}",
                "{\"id\":\"a000000000000004\",\"trace_id\":\"" + trace + "\",\"parent_id\":\"a000000000000003\","
                        + "\"name\":\"worker\",\"origin\":\"AWS::Lambda::Function\",\"start_time\":" + (t + 0.2) + ",\"in_progress\":true}");
        ServiceGraph g = ServiceGraphBuilder.build(Fixtures.traces(docs), FROM, TO);
        assertEquals(3, g.services().size(), g.services().toString());
        ServiceGraph.Node api = g.find("api", "client");
        ServiceGraph.Node worker = g.find("worker", "AWS::Lambda");
        assertTrue(api.root());
        assertFalse(worker.root());
        // measured on the caller's side: the Invoke call took 300 ms, the segment 200 ms
        assertEquals(0.3, g.edge(api.referenceId(), worker.referenceId()).summary().totalResponseTime(), 1e-6);
        assertEquals(0.2, worker.summary().totalResponseTime(), 1e-6);
        ServiceGraph.Node function = g.find("worker", "AWS::Lambda::Function");
        assertEquals(0, function.summary().totalCount(), "in progress: in the graph, not counted");
        assertTrue(Double.isNaN(function.responseTimes().percentile(0.5)));
        assertNull(g.find("Lambda", "AWS::Lambda"));
    }

    private static Statistics rounded(Statistics s) {
        return new Statistics(s.okCount(), s.errorThrottleCount(), s.errorOtherCount(), s.faultOtherCount(),
                s.totalCount(), Math.round(s.totalResponseTime() * 1e6) / 1e6);
    }
}
