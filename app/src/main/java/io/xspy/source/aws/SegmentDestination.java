package io.xspy.source.aws;

import io.xspy.source.SourceException;
import java.util.function.Consumer;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.GetTraceSegmentDestinationResponse;
import software.amazon.awssdk.services.xray.model.TraceSegmentDestination;
import software.amazon.awssdk.services.xray.model.TraceSegmentDestinationStatus;

/**
 * Whether the account has Transaction Search on: GetTraceSegmentDestination answers CloudWatchLogs
 * and ACTIVE. Asked once, on first need. An account that cannot answer (the action denied, an
 * endpoint that does not know the operation) is read as X-Ray's, and the notice says why.
 */
final class SegmentDestination {

    private final XRayClient xray;
    private final AwsCalls calls;
    private final Consumer<String> notice;
    private volatile Boolean spansInLogs;

    SegmentDestination(XRayClient xray, AwsCalls calls, Consumer<String> notice) {
        this.xray = xray;
        this.calls = calls;
        this.notice = notice;
    }

    /** Whether spans go to CloudWatch Logs (aws/spans) rather than X-Ray. */
    boolean spansInLogs() {
        Boolean known = spansInLogs;
        if (known != null) return known;
        boolean answer;
        try {
            GetTraceSegmentDestinationResponse r = calls.call("xray:GetTraceSegmentDestination",
                    () -> xray.getTraceSegmentDestination(b -> { }));
            answer = r.destination() == TraceSegmentDestination.CLOUD_WATCH_LOGS
                    && r.status() == TraceSegmentDestinationStatus.ACTIVE;
        } catch (SourceException e) {
            notice.accept("could not ask X-Ray whether Transaction Search is on (" + e.getMessage()
                    + "); reading X-Ray's index");
            answer = false;
        }
        spansInLogs = answer;
        return answer;
    }
}
