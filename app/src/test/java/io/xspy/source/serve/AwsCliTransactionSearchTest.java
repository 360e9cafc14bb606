package io.xspy.source.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.xspy.source.demo.DemoSource;
import io.xspy.source.local.TraceStore;
import io.xspy.testing.RequiredTool;
import io.xspy.trace.Trace;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AWS CLI against the demo world served as {@code xspy --demo serve --transaction-search} does:
 * trace retrievals, their graph, Logs Insights over aws/spans, and the destination switch.
 */
class AwsCliTransactionSearchTest {

    static TraceStore store;
    static ServeServer serve;
    static long now;
    static Trace newest;

    @BeforeAll
    static void start() {
        RequiredTool.require(AwsCliTest.onPath("aws"), "the AWS CLI (aws) is not on PATH (make tools puts it in .tools/venv/bin)");
        store = new TraceStore();
        new DemoSource(1, Clock.systemUTC(), store, "demo (seed 1)").catchUp(); // its history, as serve does
        now = Instant.now().getEpochSecond() + 1;
        serve = ServeServer.start(store, "127.0.0.1", 0, FaultPlan.none(), 100);
        serve.transactionSearch().enable(true);
        newest = store.views().stream().map(TraceStore.View::trace)
                .max((a, b) -> Double.compare(a.startTime(), b.startTime())).orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (serve != null) serve.close();
    }

    static JsonNode aws(String... args) throws Exception {
        AwsCliTest.Result r = AwsCliTest.runAt(serve.endpoint(), args);
        assertEquals(0, r.exit(), "aws " + String.join(" ", args) + " failed: " + r.stderr());
        return AwsCliTest.JSON.readTree(r.stdout());
    }

    @Test
    void startTraceRetrievalThenListRetrievedTracesUntilComplete() throws Exception {
        String token = aws("xray", "start-trace-retrieval", "--trace-ids", newest.id(), "--start-time", "" + (now - 86400),
                "--end-time", "" + now).path("RetrievalToken").asText();
        assertEquals("RUNNING", aws("xray", "list-retrieved-traces", "--retrieval-token", token)
                .path("RetrievalStatus").asText());
        JsonNode done = aws("xray", "list-retrieved-traces", "--retrieval-token", token, "--trace-format", "XRAY");
        assertEquals("COMPLETE", done.path("RetrievalStatus").asText());
        JsonNode trace = done.path("Traces").get(0);
        assertEquals(newest.id(), trace.path("Id").asText());
        assertEquals(newest.documents().size(), trace.path("Spans").size());
        JsonNode doc = AwsCliTest.JSON.readTree(trace.path("Spans").get(0).path("Document").asText());
        assertEquals(newest.id(), doc.path("trace_id").asText());
        JsonNode graph = aws("xray", "get-retrieved-traces-graph", "--retrieval-token", token);
        Set<String> names = new TreeSet<>();
        graph.path("Services").forEach(s -> names.add(s.path("Service").path("Name").asText()));
        assertTrue(names.contains("DynamoDB") || names.size() > 2, names.toString());
        aws("xray", "cancel-trace-retrieval", "--retrieval-token", token);
    }

    @Test
    void logsInsightsOverAwsSpansListsTheRootSpans() throws Exception {
        String id = aws("logs", "start-query", "--log-group-name", "aws/spans", "--start-time", "" + (now - 86400),
                "--end-time", "" + now, "--query-string", "fields traceId, durationNano | filter parentSpanId = \"\""
                        + " | sort startTimeUnixNano desc | limit 5").path("queryId").asText();
        assertEquals("Running", aws("logs", "get-query-results", "--query-id", id).path("status").asText());
        JsonNode results = aws("logs", "get-query-results", "--query-id", id);
        assertEquals("Complete", results.path("status").asText());
        assertEquals(5, results.path("results").size());
        String first = results.path("results").get(0).get(0).path("value").asText();
        assertEquals(newest.id().substring(2).replace("-", ""), first);
        AwsCliTest.Result bad = AwsCliTest.runAt(serve.endpoint(), "logs", "start-query", "--log-group-name", "aws/spans",
                "--start-time", "0", "--end-time", "" + now, "--query-string", "fields @message | dedup traceId");
        assertNotEquals(0, bad.exit());
        assertTrue(bad.stderr().contains("MalformedQueryException") && bad.stderr().contains("dedup"), bad.stderr());
    }

    @Test
    void theDestinationSaysCloudWatchLogs() throws Exception {
        JsonNode d = aws("xray", "get-trace-segment-destination");
        assertEquals("CloudWatchLogs", d.path("Destination").asText());
        assertEquals("ACTIVE", d.path("Status").asText());
    }
}
