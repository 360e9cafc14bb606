package io.xspy.source.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.xspy.source.LogCorrelation;
import io.xspy.source.local.TraceStore;
import io.xspy.testing.RequiredTool;
import io.xspy.trace.LogLine;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * CreateLogGroup, CreateLogStream and PutLogEvents through the real SDK v2 client, then read back by
 * FilterLogEvents and by log correlation: what `make local`'s driver does with each invocation's output.
 */
class PutLogEventsTest {

    static final String GROUP = "/aws/lambda/xraystarter-go";
    static final String STREAM = "2026/11/30/[$LATEST]0123456789abcdef0123456789abcdef";

    TraceStore store;
    ServeServer serve;
    CloudWatchLogsClient logs;

    @BeforeEach
    void start() {
        store = new TraceStore();
        serve = ServeServer.start(store, "127.0.0.1", 0, FaultPlan.none());
        logs = CloudWatchLogsClient.builder().region(Region.US_EAST_1).endpointOverride(URI.create(serve.endpoint()))
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "any")))
                .build();
    }

    @AfterEach
    void stop() {
        logs.close();
        serve.close();
    }

    static InputLogEvent event(long millis, String message) {
        return InputLogEvent.builder().timestamp(millis).message(message).build();
    }

    @Test
    void putEventsAreReadBackInOrderByTheLogReads() {
        long now = System.currentTimeMillis();
        logs.createLogGroup(r -> r.logGroupName(GROUP));
        logs.createLogStream(r -> r.logGroupName(GROUP).logStreamName(STREAM));
        // created and empty: found, with no events (not ResourceNotFound)
        assertEquals(0, logs.filterLogEvents(r -> r.logGroupName(GROUP)).events().size());
        PutLogEventsResponse put = logs.putLogEvents(r -> r.logGroupName(GROUP).logStreamName(STREAM).logEvents(
                event(now, "START RequestId: r-1 Version: $LATEST"),
                event(now + 2, "2026/11/30 00:10:00 put item \"test-20-0-0-0\""),
                event(now + 3, "END RequestId: r-1"),
                event(now + 3, "REPORT RequestId: r-1\tDuration: 3.00 ms")));
        assertEquals(null, put.rejectedLogEventsInfo());
        List<String> messages = new ArrayList<>();
        logs.getLogEvents(r -> r.logGroupName(GROUP).logStreamName(STREAM).startFromHead(true))
                .events().forEach(e -> messages.add(e.message()));
        assertEquals(4, messages.size(), messages.toString());
        assertTrue(messages.get(1).contains("put item"), messages.toString());
        // the store serves them to log correlation as any other log line
        List<LogLine> hits = store.filter(GROUP, now / 1000.0 - 1, now / 1000.0 + 1, "r-1");
        assertEquals(3, hits.size(), hits.toString());
        assertEquals(STREAM, hits.get(0).logStream());
        assertTrue(!LogCorrelation.isMissingGroup(hits.get(0)));
    }

    @Test
    void aGroupOrStreamMustBeCreatedFirstAndOnlyOnce() {
        long now = System.currentTimeMillis();
        ResourceNotFoundException noGroup = assertThrows(ResourceNotFoundException.class, () -> logs.putLogEvents(
                r -> r.logGroupName(GROUP).logStreamName(STREAM).logEvents(event(now, "x"))));
        assertTrue(noGroup.getMessage().contains("log group does not exist"), noGroup.getMessage());
        logs.createLogGroup(r -> r.logGroupName(GROUP));
        assertThrows(ResourceAlreadyExistsException.class, () -> logs.createLogGroup(r -> r.logGroupName(GROUP)));
        ResourceNotFoundException noStream = assertThrows(ResourceNotFoundException.class, () -> logs.putLogEvents(
                r -> r.logGroupName(GROUP).logStreamName(STREAM).logEvents(event(now, "x"))));
        assertTrue(noStream.getMessage().contains("log stream does not exist"), noStream.getMessage());
        assertThrows(ResourceNotFoundException.class,
                () -> logs.createLogStream(r -> r.logGroupName("/aws/lambda/other").logStreamName(STREAM)));
        logs.createLogStream(r -> r.logGroupName(GROUP).logStreamName(STREAM));
        assertThrows(ResourceAlreadyExistsException.class,
                () -> logs.createLogStream(r -> r.logGroupName(GROUP).logStreamName(STREAM)));
        assertEquals(0, store.counters().logEvents());
    }

    @Test
    void eventsOutOfOrderAreRefusedAndNothingIsStored() {
        long now = System.currentTimeMillis();
        logs.createLogGroup(r -> r.logGroupName(GROUP));
        logs.createLogStream(r -> r.logGroupName(GROUP).logStreamName(STREAM));
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> logs.putLogEvents(
                r -> r.logGroupName(GROUP).logStreamName(STREAM).logEvents(event(now, "b"), event(now - 5, "a"))));
        assertTrue(e.getMessage().contains("chronological order"), e.getMessage());
        assertEquals(0, store.counters().logEvents());
    }

    @Test
    void eventsTooOldOrTooNewAreReportedNotStored() {
        long now = System.currentTimeMillis();
        logs.createLogGroup(r -> r.logGroupName(GROUP));
        logs.createLogStream(r -> r.logGroupName(GROUP).logStreamName(STREAM));
        long fourteenDays = 14L * 24 * 3600 * 1000;
        PutLogEventsResponse old = logs.putLogEvents(r -> r.logGroupName(GROUP).logStreamName(STREAM).logEvents(
                event(now - fourteenDays - 120_000, "14 days and two minutes ago"),
                event(now - fourteenDays - 60_000, "14 days and a minute ago"),
                event(now - fourteenDays + 3_600_000, "13 days and 23 hours ago")));
        assertEquals(2, old.rejectedLogEventsInfo().tooOldLogEventEndIndex());
        PutLogEventsResponse ahead = logs.putLogEvents(r -> r.logGroupName(GROUP).logStreamName(STREAM).logEvents(
                event(now, "now"), event(now + 3 * 3600 * 1000, "three hours ahead")));
        assertEquals(1, ahead.rejectedLogEventsInfo().tooNewLogEventStartIndex());
        assertEquals(2, store.counters().logEvents());
    }

    @Test
    void theAwsCliPutsEventsAsItDoesInCloudWatch() throws Exception {
        RequiredTool.require(AwsCliTest.onPath("aws"), "the AWS CLI (aws) is not on PATH (make tools puts it in .tools/venv/bin)");
        long now = System.currentTimeMillis();
        String endpoint = serve.endpoint();
        assertEquals(0, AwsCliTest.runAt(endpoint, "logs", "create-log-group", "--log-group-name", GROUP).exit());
        assertEquals(0, AwsCliTest.runAt(endpoint, "logs", "create-log-stream", "--log-group-name", GROUP,
                "--log-stream-name", STREAM).exit());
        AwsCliTest.Result put = AwsCliTest.runAt(endpoint, "logs", "put-log-events", "--log-group-name", GROUP,
                "--log-stream-name", STREAM, "--log-events", "timestamp=" + now + ",message=hello from the CLI");
        assertEquals(0, put.exit(), put.stderr());
        AwsCliTest.Result again = AwsCliTest.runAt(endpoint, "logs", "create-log-group", "--log-group-name", GROUP);
        assertNotEquals(0, again.exit());
        assertTrue(again.stderr().contains("ResourceAlreadyExistsException"), again.stderr());
        JsonNode out = AwsCliTest.JSON.readTree(AwsCliTest.runAt(endpoint, "logs", "filter-log-events",
                "--log-group-name", GROUP, "--filter-pattern", "\"from the CLI\"").stdout());
        assertEquals(1, out.path("events").size(), out.toString());
        assertEquals(STREAM, out.path("events").get(0).path("logStreamName").asText());
    }

}
