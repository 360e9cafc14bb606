package io.xspy.source.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xspy.source.local.TraceStore;
import io.xspy.source.serve.GeneratedTraces.Generated;
import io.xspy.testing.RequiredTool;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AWS CLI, an independent client, against xspy serve: the wire shapes are the real ones. */
class AwsCliTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static TraceStore store;
    static ServeServer serve;
    static List<Generated> generated;
    static long now;

    @BeforeAll
    static void start() {
        RequiredTool.require(onPath("aws"), "the AWS CLI (aws) is not on PATH (make tools puts it in .tools/venv/bin)");
        now = Instant.now().getEpochSecond();
        store = new TraceStore();
        generated = GeneratedTraces.load(store, 12, now - 60);
        serve = ServeServer.start(store, "127.0.0.1", 0, FaultPlan.none(), 5);
    }

    @AfterAll
    static void stop() {
        if (serve != null) serve.close();
    }

    @Test
    void getServiceGraphPagesThroughAllServices() throws Exception {
        JsonNode out = aws("xray", "get-service-graph", "--start-time", "" + (now - 3600), "--end-time", "" + now);
        Set<String> names = new TreeSet<>();
        out.path("Services").forEach(s -> names.add(s.path("Name").asText() + "/" + s.path("Type").asText()));
        assertTrue(names.contains("xraystarter-api/AWS::ApiGateway::Stage"), names.toString());
        assertTrue(names.contains("xraystarter-py/AWS::Lambda::Function"), names.toString());
        assertTrue(names.contains("items/AWS::DynamoDB::Table"), names.toString());
        JsonNode api = find(out.path("Services"), "xraystarter-api");
        assertEquals(12, api.path("SummaryStatistics").path("TotalCount").asInt());
        assertTrue(api.path("Edges").size() >= 1);
    }

    @Test
    void getTraceSummariesWithAFilterExpression() throws Exception {
        JsonNode out = aws("xray", "get-trace-summaries", "--start-time", "" + (now - 3600), "--end-time", "" + now,
                "--filter-expression", "annotation.key = \"k3\"");
        assertEquals(1, out.path("TraceSummaries").size());
        JsonNode s = out.path("TraceSummaries").get(0);
        assertEquals(generated.get(3).traceId(), s.path("Id").asText());
        assertTrue(s.path("HasFault").asBoolean());
        JsonNode all = aws("xray", "get-trace-summaries", "--start-time", "" + (now - 3600), "--end-time", "" + now);
        Set<String> ids = new TreeSet<>();
        all.path("TraceSummaries").forEach(t -> ids.add(t.path("Id").asText()));
        // the CLI followed NextToken over pages of 5 (a trace put by another test may be there too)
        assertTrue(ids.containsAll(generated.stream().map(Generated::traceId).toList()), ids.toString());
    }

    @Test
    void getTraceSummariesRefusesMoreThanADay() throws Exception {
        Result r = run("xray", "get-trace-summaries", "--start-time", "" + (now - 2 * 86400), "--end-time", "" + now);
        assertNotEquals(0, r.exit);
        assertTrue(r.stderr.contains("InvalidRequestException"), r.stderr);
    }

    @Test
    void batchGetTracesReturnsDocumentsAndUnprocessedIds() throws Exception {
        String unknown = "1-00000000-000000000000000000000009";
        JsonNode out = aws("xray", "batch-get-traces", "--trace-ids", generated.get(0).traceId(),
                generated.get(1).traceId(), unknown);
        assertEquals(2, out.path("Traces").size());
        JsonNode doc = JSON.readTree(out.path("Traces").get(0).path("Segments").get(0).path("Document").asText());
        assertTrue(doc.has("trace_id"));
        assertEquals(List.of(unknown), List.of(out.path("UnprocessedTraceIds").get(0).asText()));
    }

    @Test
    void putTraceSegmentsIngestsDocuments() throws Exception {
        String traceId = String.format("1-%08x-%024x", now, 0xfeedL);
        String doc = JSON.createObjectNode().put("id", "0123456789abcdef").put("trace_id", traceId)
                .put("name", "cli-put").put("start_time", now - 5.0).put("end_time", now - 4.5).toString();
        JsonNode put = aws("xray", "put-trace-segments", "--trace-segment-documents", doc);
        assertEquals(0, put.path("UnprocessedTraceSegments").size());
        JsonNode out = aws("xray", "batch-get-traces", "--trace-ids", traceId);
        assertEquals(traceId, out.path("Traces").get(0).path("Id").asText());
    }

    @Test
    void filterLogEventsFindsTheRequestId() throws Exception {
        Generated g = generated.get(2);
        long from = (long) (g.start() * 1000) - 60_000;
        JsonNode out = aws("logs", "filter-log-events", "--log-group-name", GeneratedTraces.LOG_GROUP,
                "--filter-pattern", "\"" + g.requestId() + "\"", "--start-time", "" + from,
                "--end-time", "" + (from + 120_000));
        List<String> messages = new ArrayList<>();
        out.path("events").forEach(e -> messages.add(e.path("message").asText()));
        assertEquals(4, messages.size(), messages.toString()); // START, the handler's line, END, REPORT
        assertTrue(messages.get(0).startsWith("START RequestId: " + g.requestId()));
        JsonNode first = out.path("events").get(0);
        assertTrue(first.has("logStreamName") && first.has("timestamp") && first.has("eventId")
                && first.has("ingestionTime"));
    }

    @Test
    void getLogEventsReadsAStreamFromTheHead() throws Exception {
        String stream = generated.get(0).logs().get(0).logStream();
        JsonNode out = aws("logs", "get-log-events", "--log-group-name", GeneratedTraces.LOG_GROUP,
                "--log-stream-name", stream, "--start-from-head");
        assertTrue(out.path("events").size() >= 5);
        assertEquals(generated.get(9).logs().get(0).message(), out.path("events").get(0).path("message").asText());
        assertTrue(out.path("nextForwardToken").asText().startsWith("f/"));
    }

    @Test
    void aMissingLogGroupIsResourceNotFound() throws Exception {
        Result r = run("logs", "filter-log-events", "--log-group-name", "/aws/lambda/nope");
        assertNotEquals(0, r.exit);
        assertTrue(r.stderr.contains("ResourceNotFoundException"), r.stderr);
    }

    private static JsonNode find(JsonNode services, String name) {
        for (JsonNode s : services) if (s.path("Name").asText().equals(name)) return s;
        throw new AssertionError("no service " + name + " in " + services);
    }

    record Result(int exit, String stdout, String stderr) {}

    static JsonNode aws(String... args) throws Exception {
        Result r = run(args);
        assertEquals(0, r.exit, "aws " + String.join(" ", args) + " failed: " + r.stderr);
        return JSON.readTree(r.stdout);
    }

    static Result run(String... args) throws IOException, InterruptedException {
        return runAt(serve.endpoint(), args);
    }

    /** The AWS CLI with these arguments against an endpoint, with throwaway credentials and no config. */
    static Result runAt(String endpoint, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws"));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", endpoint, "--region", "us-east-1", "--output", "json"));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", "x");
        env.put("AWS_SECRET_ACCESS_KEY", "x");
        env.remove("AWS_SESSION_TOKEN");
        env.remove("AWS_PROFILE");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_PAGER", "");
        env.put("AWS_MAX_ATTEMPTS", "1");
        Path err = Files.createTempFile("aws-cli", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("aws " + String.join(" ", args) + " did not finish");
        }
        String stderr = Files.readString(err);
        Files.deleteIfExists(err);
        return new Result(p.exitValue(), out, stderr);
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }
}
