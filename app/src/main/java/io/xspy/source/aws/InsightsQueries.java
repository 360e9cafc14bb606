package io.xspy.source.aws;

import io.xspy.query.TimeWindow;
import io.xspy.source.SourceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;

/**
 * Runs one CloudWatch Logs Insights query over aws/spans: StartQuery for the window (whole seconds,
 * widened outwards so no span is lost), then GetQueryResults until the status is final, waiting a
 * little longer between polls. Interrupted, it stops the query (StopQuery) and says so. Rows are
 * maps of field to value, in the order the query sorted them.
 */
final class InsightsQueries {

    static final String SPANS_GROUP = "aws/spans";
    /** Polls are spaced from this to {@link #MAX_POLL_MS}, doubling. */
    static final long FIRST_POLL_MS = 50;
    static final long MAX_POLL_MS = 1_000;

    private final CloudWatchLogsClient logs;
    private final AwsCalls calls;

    InsightsQueries(CloudWatchLogsClient logs, AwsCalls calls) {
        this.logs = logs;
        this.calls = calls;
    }

    List<Map<String, String>> run(String query, TimeWindow window, int limit, Consumer<String> progress) {
        long start = window.start().getEpochSecond();
        long end = window.end().getEpochSecond() + (window.end().getNano() > 0 ? 1 : 0);
        String id = calls.call("logs:StartQuery", () -> logs.startQuery(b -> b.logGroupNames(SPANS_GROUP)
                .startTime(start).endTime(end).queryString(query).limit(limit))).queryId();
        long wait = FIRST_POLL_MS;
        try {
            for (int poll = 1; ; poll++) {
                GetQueryResultsResponse r = calls.call("logs:GetQueryResults", () -> logs.getQueryResults(b -> b.queryId(id)));
                QueryStatus status = r.status();
                if (status == QueryStatus.COMPLETE) return rows(r);
                if (status == QueryStatus.FAILED || status == QueryStatus.CANCELLED || status == QueryStatus.TIMEOUT
                        || status == QueryStatus.UNKNOWN_TO_SDK_VERSION) {
                    throw new SourceException("the Logs Insights query over " + SPANS_GROUP + " ended "
                            + r.statusAsString() + "; try a shorter window (--since) or a narrower filter");
                }
                progress.accept("Transaction Search: querying " + SPANS_GROUP + " (" + r.statusAsString().toLowerCase()
                        + ", poll " + poll + ")");
                Thread.sleep(wait);
                wait = Math.min(MAX_POLL_MS, wait * 2);
            }
        } catch (InterruptedException | RuntimeException e) {
            if (!Interruptions.isInterrupt(e)) throw (RuntimeException) e;
            progress.accept("");
            Interruptions.cleanUp(() -> calls.call("logs:StopQuery", () -> logs.stopQuery(b -> b.queryId(id))));
            Thread.currentThread().interrupt();
            throw new SourceException("listing traces was interrupted; the Logs Insights query was stopped", e);
        }
    }

    private static List<Map<String, String>> rows(GetQueryResultsResponse r) {
        List<Map<String, String>> out = new ArrayList<>();
        for (List<ResultField> fields : r.results()) {
            Map<String, String> row = new LinkedHashMap<>();
            for (ResultField f : fields) row.put(f.field(), f.value());
            out.add(row);
        }
        return out;
    }
}
