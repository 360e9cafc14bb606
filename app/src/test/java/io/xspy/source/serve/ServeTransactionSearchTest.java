package io.xspy.source.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.source.local.TraceStore;
import io.xspy.source.serve.GeneratedTraces.Generated;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.MalformedQueryException;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.GetRetrievedTracesGraphResponse;
import software.amazon.awssdk.services.xray.model.InvalidRequestException;
import software.amazon.awssdk.services.xray.model.ListRetrievedTracesResponse;
import software.amazon.awssdk.services.xray.model.RetrievalStatus;
import software.amazon.awssdk.services.xray.model.TraceFormatType;
import software.amazon.awssdk.services.xray.model.TraceSegmentDestination;

/** The SDK v2 against serve's Transaction Search operations (X-Ray and Logs Insights). */
class ServeTransactionSearchTest {

    static final int TRACES = 300;
    TraceStore store;
    ServeServer serve;
    XRayClient xray;
    CloudWatchLogsClient logs;
    List<Generated> generated;
    Instant now;

    @BeforeEach
    void start() {
        now = Instant.now();
        store = new TraceStore();
        generated = GeneratedTraces.load(store, TRACES, now.getEpochSecond() - 60, false);
        serve = ServeServer.start(store, "127.0.0.1", 0, FaultPlan.none(), 100);
        xray = XrayClients.at(serve.endpoint());
        logs = CloudWatchLogsClient.builder().region(Region.US_EAST_1).endpointOverride(URI.create(serve.endpoint()))
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "any")))
                .build();
    }

    @AfterEach
    void stop() {
        xray.close();
        logs.close();
        serve.close();
    }

    @Test
    void theUpdateCallSwitchesTransactionSearchAndSummariesShrinkToTheIndexedShare() {
        assertEquals(TraceSegmentDestination.X_RAY, xray.getTraceSegmentDestination(b -> { }).destination());
        assertEquals(TRACES, summaryCount());
        var updated = xray.updateTraceSegmentDestination(b -> b.destination(TraceSegmentDestination.CLOUD_WATCH_LOGS));
        assertEquals(TraceSegmentDestination.CLOUD_WATCH_LOGS, updated.destination());
        assertEquals(TraceSegmentDestination.CLOUD_WATCH_LOGS, xray.getTraceSegmentDestination(b -> { }).destination());
        int indexed = summaryCount();
        long expected = generated.stream().filter(g -> serve.transactionSearch().indexed(g.traceId())).count();
        assertEquals(expected, indexed);
        assertTrue(indexed < TRACES / 10, "about 1% of " + TRACES + " indexed, got " + indexed);
        assertEquals(summaryCount(), indexed, "the same traces every time");
        // BatchGetTraces finds nothing under Transaction Search, as its API reference says
        var batch = xray.batchGetTraces(b -> b.traceIds(generated.get(0).traceId()));
        assertTrue(batch.traces().isEmpty());
        assertEquals(List.of(generated.get(0).traceId()), batch.unprocessedTraceIds());
    }

    private int summaryCount() {
        int n = 0;
        for (var page : xray.getTraceSummariesPaginator(b -> b.startTime(now.minusSeconds(3 * 3600)).endTime(now))) {
            n += page.traceSummaries().size();
        }
        return n;
    }

    @Test
    void aRetrievalAnswersRunningThenCompleteWithTheDocuments() {
        serve.transactionSearch().enable(true).pollsBeforeComplete(2);
        List<String> ids = generated.subList(0, 7).stream().map(Generated::traceId).toList();
        String token = xray.startTraceRetrieval(b -> b.traceIds(ids).startTime(now.minusSeconds(3600)).endTime(now))
                .retrievalToken();
        for (int i = 0; i < 2; i++) {
            ListRetrievedTracesResponse r = xray.listRetrievedTraces(b -> b.retrievalToken(token));
            assertEquals(RetrievalStatus.RUNNING, r.retrievalStatus());
            assertTrue(r.traces().isEmpty());
        }
        Map<String, Integer> spans = new HashMap<>();
        String next = null;
        do {
            String sent = next;
            ListRetrievedTracesResponse r = xray.listRetrievedTraces(
                    b -> b.retrievalToken(token).traceFormat(TraceFormatType.XRAY).nextToken(sent));
            assertEquals(RetrievalStatus.COMPLETE, r.retrievalStatus());
            assertTrue(r.traces().size() <= 5);
            r.traces().forEach(t -> spans.merge(t.id(), t.spans().size(), Integer::sum));
            next = r.nextToken();
        } while (next != null);
        assertEquals(new TreeSet<>(ids), new TreeSet<>(spans.keySet()));
        assertEquals(generated.get(0).documents().size(), spans.get(ids.get(0)));
        var otel = assertThrows(InvalidRequestException.class, () -> xray.listRetrievedTraces(
                b -> b.retrievalToken(token).traceFormat(TraceFormatType.OTEL)));
        assertTrue(otel.getMessage().contains("XRAY only"), otel.getMessage());
    }

    @Test
    void theGraphOfARetrievalHasTheServicesOfItsTraces() {
        serve.transactionSearch().enable(true).pollsBeforeComplete(1);
        String token = xray.startTraceRetrieval(b -> b.traceIds(generated.get(0).traceId())
                .startTime(now.minusSeconds(3600)).endTime(now)).retrievalToken();
        assertEquals(RetrievalStatus.RUNNING, xray.getRetrievedTracesGraph(b -> b.retrievalToken(token)).retrievalStatus());
        GetRetrievedTracesGraphResponse r = xray.getRetrievedTracesGraph(b -> b.retrievalToken(token));
        assertEquals(RetrievalStatus.COMPLETE, r.retrievalStatus());
        Set<String> names = new TreeSet<>();
        r.services().forEach(s -> names.add(s.service().name()));
        assertTrue(names.containsAll(List.of("xraystarter-api", GeneratedTraces.FUNCTION)), names.toString());
    }

    @Test
    void aCancelledRetrievalStaysCancelledAndAFailedOneSaysFailed() {
        serve.transactionSearch().enable(true).pollsBeforeComplete(5);
        String token = xray.startTraceRetrieval(b -> b.traceIds(generated.get(0).traceId())
                .startTime(now.minusSeconds(3600)).endTime(now)).retrievalToken();
        xray.cancelTraceRetrieval(b -> b.retrievalToken(token));
        assertEquals(RetrievalStatus.CANCELLED, xray.listRetrievedTraces(b -> b.retrievalToken(token)).retrievalStatus());
        serve.faults().failJobs("StartTraceRetrieval");
        serve.transactionSearch().pollsBeforeComplete(0);
        String failing = xray.startTraceRetrieval(b -> b.traceIds(generated.get(0).traceId())
                .startTime(now.minusSeconds(3600)).endTime(now)).retrievalToken();
        ListRetrievedTracesResponse r = xray.listRetrievedTraces(b -> b.retrievalToken(failing));
        assertEquals(RetrievalStatus.FAILED, r.retrievalStatus());
        assertTrue(r.traces().isEmpty());
        assertThrows(software.amazon.awssdk.services.xray.model.ResourceNotFoundException.class,
                () -> xray.listRetrievedTraces(b -> b.retrievalToken("no-such-token")));
    }

    @Test
    void logsInsightsListsRootSpansOfTheWindowNewestFirst() {
        serve.transactionSearch().enable(true).pollsBeforeComplete(1);
        String query = "fields traceId, startTimeUnixNano, durationNano, attributes.aws.local.service"
                + " | filter parentSpanId = \"\" or not ispresent(parentSpanId)"
                + " | sort startTimeUnixNano desc | limit 50";
        String id = logs.startQuery(b -> b.logGroupName("aws/spans").startTime(now.getEpochSecond() - 3600)
                .endTime(now.getEpochSecond()).queryString(query)).queryId();
        assertEquals(QueryStatus.RUNNING, logs.getQueryResults(b -> b.queryId(id)).status());
        GetQueryResultsResponse r = logs.getQueryResults(b -> b.queryId(id));
        assertEquals(QueryStatus.COMPLETE, r.status());
        assertEquals(50, r.results().size());
        List<String> ids = new ArrayList<>();
        for (List<ResultField> row : r.results()) {
            Map<String, String> fields = new HashMap<>();
            row.forEach(f -> fields.put(f.field(), f.value()));
            assertEquals("xraystarter-api", fields.get("attributes.aws.local.service"));
            ids.add(fields.get("traceId"));
        }
        // W3C form of the newest traces' ids
        assertEquals(generated.get(0).traceId().substring(2).replace("-", ""), ids.get(0));
        assertEquals(generated.get(49).traceId().substring(2).replace("-", ""), ids.get(49));
    }

    @Test
    void statsByTraceIdSelectsTheTracesWithAMatchingSpan() {
        serve.transactionSearch().enable(true).pollsBeforeComplete(0);
        String id = logs.startQuery(b -> b.logGroupName("aws/spans").startTime(now.getEpochSecond() - 3600)
                .endTime(now.getEpochSecond()).queryString("filter status.code = \"ERROR\" or "
                        + "attributes.http.response.status_code >= 500 | stats count(*) as spans by traceId")).queryId();
        GetQueryResultsResponse r = logs.getQueryResults(b -> b.queryId(id));
        long faults = generated.stream().filter(g -> g.documents().get(0).contains("\"fault\":true")).count();
        assertTrue(faults > 0);
        assertEquals(faults, r.results().size());
    }

    @Test
    void unsupportedQueriesAreMalformedInWordsAndStopQueryStopsARunningOne() {
        serve.transactionSearch().enable(true).pollsBeforeComplete(3);
        var e = assertThrows(MalformedQueryException.class, () -> logs.startQuery(b -> b.logGroupName("aws/spans")
                .startTime(0L).endTime(now.getEpochSecond()).queryString("fields @message | parse @message \"a*b\" as x")));
        assertTrue(e.getMessage().contains("does not support the command \"parse\""), e.getMessage());
        var other = assertThrows(MalformedQueryException.class, () -> logs.startQuery(b -> b
                .logGroupName("/aws/lambda/x").startTime(0L).endTime(1L).queryString("fields @message")));
        assertTrue(other.getMessage().contains("aws/spans only"), other.getMessage());
        String id = logs.startQuery(b -> b.logGroupName("aws/spans").startTime(0L).endTime(now.getEpochSecond())
                .queryString("fields traceId | limit 5")).queryId();
        assertTrue(logs.stopQuery(b -> b.queryId(id)).success());
        assertEquals(QueryStatus.CANCELLED, logs.getQueryResults(b -> b.queryId(id)).status());
    }

    @Test
    void withoutTransactionSearchThereIsNoSpansGroup() {
        var e = assertThrows(software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException.class,
                () -> logs.startQuery(b -> b.logGroupName("aws/spans").startTime(0L).endTime(1L).queryString("fields traceId")));
        assertFalse(e.getMessage().isEmpty());
    }
}
