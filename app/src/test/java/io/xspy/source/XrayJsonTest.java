package io.xspy.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.xspy.graph.Fixtures;
import io.xspy.graph.ServiceGraph;
import io.xspy.graph.ServiceGraphBuilder;
import io.xspy.trace.HttpInfo;
import io.xspy.trace.ParseResult;
import io.xspy.trace.SegmentDocuments;
import io.xspy.trace.ServiceId;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceSummary;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XrayJsonTest {
    private static final Instant FROM = Instant.ofEpochSecond(1_699_999_940L, 500_000_000);
    private static final Instant TO = Instant.ofEpochSecond(1_700_000_060L);

    private final ServiceGraph graph = ServiceGraphBuilder.build(Fixtures.traces(Fixtures.threeInvocations()), FROM, TO);

    @Test
    void serviceGraphUsesTheApiShape() throws Exception {
        String text = XrayJson.serviceGraph(graph).toString();
        assertTrue(text.startsWith("{\"StartTime\":1699999940.5,\"EndTime\":1700000060,\"Services\":["), text);
        JsonNode json = XrayJson.JSON.readTree(text);
        JsonNode function = json.get("Services").get(2);
        assertEquals("resize", function.get("Name").asText());
        assertEquals("AWS::Lambda::Function", function.get("Type").asText());
        assertEquals("active", function.get("State").asText());
        assertEquals(false, function.get("Root").asBoolean());
        JsonNode stats = function.get("SummaryStatistics");
        assertEquals(2, stats.get("OkCount").asLong());
        assertEquals(1, stats.get("FaultStatistics").get("OtherCount").asLong());
        assertEquals(1, stats.get("FaultStatistics").get("TotalCount").asLong());
        assertEquals(0, stats.get("ErrorStatistics").get("TotalCount").asLong());
        assertEquals(3, stats.get("TotalCount").asLong());
        assertEquals(0.58, stats.get("TotalResponseTime").asDouble(), 1e-6);
        JsonNode edge = function.get("Edges").get(0);
        assertEquals(0, edge.get("ReferenceId").asInt(), "to the table");
        assertEquals(1, edge.get("SummaryStatistics").get("ErrorStatistics").get("ThrottleCount").asLong());
        assertEquals(3, edge.get("ResponseTimeHistogram").size());
        assertEquals(0.02, edge.get("ResponseTimeHistogram").get(0).get("Value").asDouble(), 0);
        assertEquals(1, edge.get("ResponseTimeHistogram").get(0).get("Count").asLong());
        assertTrue(edge.get("Aliases").isArray());
        assertEquals(function.get("ResponseTimeHistogram"), function.get("DurationHistogram"));
    }

    @Test
    void serviceGraphRoundTrips() throws Exception {
        String text = XrayJson.serviceGraph(graph).toString();
        assertEquals(graph, XrayJson.readServiceGraph(XrayJson.JSON.readTree(text)));
    }

    @Test
    void serviceGraphTimesAreReadFromCliIsoStrings() throws Exception {
        JsonNode json = XrayJson.JSON.readTree("{\"StartTime\":\"2023-11-14T22:13:20+00:00\",\"EndTime\":1700000060.25,\"Services\":[]}");
        ServiceGraph g = XrayJson.readServiceGraph(json);
        assertEquals(Instant.ofEpochSecond(1_700_000_000L), g.start());
        assertEquals(Instant.ofEpochSecond(1_700_000_060L, 250_000_000), g.end());
    }

    @Test
    void traceSummaryRoundTrips() throws Exception {
        Map<String, List<Object>> annotations = new LinkedHashMap<>();
        annotations.put("key", List.of("a/b.png"));
        annotations.put("size", List.of(12.5, 3.0));
        annotations.put("cold", List.of(true));
        TraceSummary summary = new TraceSummary(Fixtures.traceId(1), 1_700_000_000.25, 0.5, 0.4, true, true, false, true,
                new HttpInfo("GET", "https://api.example.com/items", "curl/8", "10.0.0.1", null, null, 502, null),
                annotations, List.of("alice"),
                List.of(new ServiceId("resize", List.of("resize"), "123456789012", "AWS::Lambda"),
                        ServiceId.of("items", "AWS::DynamoDB::Table")),
                new ServiceId("resize", List.of("resize"), "123456789012", "AWS::Lambda"), false);
        JsonNode json = XrayJson.JSON.readTree(XrayJson.traceSummary(summary).toString());
        assertEquals("https://api.example.com/items", json.get("Http").get("HttpURL").asText());
        assertEquals(502, json.get("Http").get("HttpStatus").asInt());
        assertEquals(12.5, json.get("Annotations").get("size").get(0).get("AnnotationValue").get("NumberValue").asDouble());
        assertEquals("a/b.png", json.get("Annotations").get("key").get(0).get("AnnotationValue").get("StringValue").asText());
        assertEquals(true, json.get("Annotations").get("cold").get(0).get("AnnotationValue").get("BooleanValue").asBoolean());
        assertEquals("alice", json.get("Users").get(0).get("UserName").asText());
        assertEquals("AWS::Lambda", json.get("EntryPoint").get("Type").asText());
        assertEquals(summary, XrayJson.readTraceSummary(json));
    }

    @Test
    void summaryOfAnAssembledTraceRoundTripsExceptColdStart() throws Exception {
        Trace trace = Fixtures.traces(Fixtures.threeInvocations()).get(2);
        TraceSummary summary = TraceSummary.of(trace);
        TraceSummary back = XrayJson.readTraceSummary(XrayJson.JSON.readTree(XrayJson.traceSummary(summary).toString()));
        assertEquals(summary, back);
    }

    @Test
    void batchGetTracesEntryIsReadBackBySegmentDocuments() throws Exception {
        Trace trace = Fixtures.traces(Fixtures.threeInvocations()).get(0);
        String response = "{\"Traces\":[" + XrayJson.trace(trace) + "],\"UnprocessedTraceIds\":[]}";
        JsonNode entry = XrayJson.JSON.readTree(response).get("Traces").get(0);
        assertEquals(trace.id(), entry.get("Id").asText());
        assertEquals(false, entry.get("LimitExceeded").asBoolean());
        assertTrue(entry.get("Segments").get(0).get("Document").isTextual());
        ParseResult parsed = SegmentDocuments.parse(response, "batch");
        assertEquals(List.of(), parsed.diagnostics());
        assertEquals(trace.documents().stream().map(s -> s.raw()).toList(),
                parsed.segments().stream().map(s -> s.raw()).toList());
    }
}
