package io.xspy.source.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xspy.query.TimeWindow;
import io.xspy.source.Page;
import io.xspy.source.local.TraceStore;
import io.xspy.source.serve.FaultPlan;
import io.xspy.source.serve.GeneratedTraces;
import io.xspy.source.serve.ServeServer;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/iam-policy.json allows exactly the actions a full browse performs, on an account with and one
 * without Transaction Search (including a cancelled open and a stopped listing): no more, no fewer.
 */
class IamPolicyTest {

    @Test
    void thePolicyIsWhatABrowseCalls() throws IOException {
        TraceStore store = new TraceStore();
        Instant now = Instant.now();
        GeneratedTraces.load(store, 12, now.getEpochSecond() - 60);
        OperationRecorder recorder = new OperationRecorder();
        try (ServeServer serve = ServeServer.start(store, "127.0.0.1", 0, FaultPlan.none(), 5);
                AwsSource aws = AwsSource.create(new AwsOptions(null, "us-east-1", serve.endpoint()),
                        AwsSettings.defaults().withCredentials(AwsSourceTest.DUMMY).withInterceptor(recorder))) {
            TimeWindow window = TimeWindow.last(Duration.ofHours(1), now);
            aws.serviceGraph(window); // the services screen
            Page<TraceSummary> page = aws.traceSummaries(window, "service(\"xraystarter-api\")", null); // traces
            List<Trace> traces = aws.traces(page.items().stream().map(TraceSummary::id).toList()); // timeline
            assertFalse(aws.logs(traces.get(0)).isEmpty()); // the log pane
        }
        try (ServeServer serve = ServeServer.start(store, "127.0.0.1", 0, FaultPlan.none(), 5);
                AwsSource aws = AwsSource.create(new AwsOptions(null, "us-east-1", serve.endpoint()),
                        AwsSettings.defaults().withCredentials(AwsSourceTest.DUMMY).withInterceptor(recorder))) {
            serve.transactionSearch().enable(true);
            TimeWindow window = TimeWindow.last(Duration.ofHours(1), now);
            aws.serviceGraph(window);
            Page<TraceSummary> page = aws.traceSummaries(window, "service(\"xraystarter-api\")", null); // aws/spans
            List<String> ids = page.items().stream().map(TraceSummary::id).toList();
            List<Trace> traces = aws.traces(ids); // by retrieval
            aws.retrievedTracesGraph(ids);
            assertFalse(aws.logs(traces.get(0)).isEmpty());
            serve.transactionSearch().pollsBeforeComplete(Integer.MAX_VALUE); // what never ends is cancelled
            TransactionSearchTest.interrupted(() -> aws.traces(List.of("1-00000000-000000000000000000000001")),
                    () -> aws.status().contains("retrieving"));
            TransactionSearchTest.interrupted(() -> aws.traceSummaries(window, null, null),
                    () -> aws.status().contains("querying"));
            TransactionSearchTest.waitFor(() -> recorder.actions().contains("xray:CancelTraceRetrieval"), recorder::actions);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertEquals(policyActions(), recorder.actions());
    }

    static Set<String> policyActions() throws IOException {
        Path policy = Path.of("..", "docs", "iam-policy.json");
        if (!Files.exists(policy)) policy = Path.of("docs", "iam-policy.json");
        JsonNode doc = new ObjectMapper().readTree(Files.readString(policy));
        assertEquals("2012-10-17", doc.path("Version").asText());
        Set<String> actions = new TreeSet<>();
        for (JsonNode statement : doc.path("Statement")) {
            assertEquals("Allow", statement.path("Effect").asText());
            statement.path("Action").forEach(a -> actions.add(a.asText()));
        }
        return actions;
    }
}
