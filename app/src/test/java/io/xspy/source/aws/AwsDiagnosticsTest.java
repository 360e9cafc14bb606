package io.xspy.source.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.source.local.TraceStore;
import io.xspy.source.serve.FaultPlan;
import io.xspy.source.serve.ServeServer;
import io.xspy.trace.Diagnostic;
import io.xspy.trace.SegmentDocuments;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Problems in the documents X-Ray returns are shown as a file's are, not collected and dropped. */
class AwsDiagnosticsTest {
    static final String TRACE = "1-581cf771-a006649127e371903a2de979";

    @Test
    void problemsInBatchGetTracesDocumentsReachTheStatusLine() {
        TraceStore store = new TraceStore();
        double now = System.currentTimeMillis() / 1000.0;
        store.ingestAll(SegmentDocuments.parse("{\"id\":\"53995c3f42cd8ad8\",\"trace_id\":\"" + TRACE + "\",\"name\":\"api\","
                + "\"start_time\":" + (now - 10) + ",\"end_time\":" + (now - 9) + ",\"fault\":\"yes\"}", "seed").segments());
        try (ServeServer serve = ServeServer.start(store, "127.0.0.1", 0, FaultPlan.none(), 5);
                AwsSource aws = AwsSource.create(new AwsOptions(null, "us-east-1", serve.endpoint()),
                        AwsSettings.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60))
                                .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "x"))))) {
            assertEquals(1, aws.traces(List.of(TRACE)).size());
            assertEquals(1, aws.problemCount());
            assertEquals(List.of("BatchGetTraces " + TRACE + ": segment 53995c3f42cd8ad8: fault is a string, expected true or false; ignored"),
                    aws.recentDiagnostics().stream().map(Diagnostic::toString).toList());
            assertTrue(aws.status().contains("1 problem in X-Ray's documents"), aws.status());
        }
    }
}
