package io.xspy.source;

import io.xspy.trace.LogLine;
import java.util.List;

/**
 * The two CloudWatch Logs reads that log correlation needs, so that the embedded store and the AWS
 * source share one correlation. Times are seconds since the epoch, both ends included. Both throw
 * {@link GroupNotFound} when the log group does not exist (a function that never logged, a wrong
 * name): that is not an empty result, and the log pane says so.
 */
public interface LogEvents {

    /** FilterLogEvents: the group's lines in [from, to] containing {@code term} (blank: all), by time. */
    List<LogLine> filter(String logGroup, double from, double to, String term);

    /** GetLogEvents: one stream's lines in [from, to], in the order they were written. */
    List<LogLine> stream(String logGroup, String logStream, double from, double to);

    /** The log group does not exist (CloudWatch's ResourceNotFoundException). */
    final class GroupNotFound extends SourceException {
        private final String logGroup;

        public GroupNotFound(String logGroup) {
            super("log group " + logGroup + " not found");
            this.logGroup = logGroup;
        }

        public String logGroup() {
            return logGroup;
        }
    }
}
