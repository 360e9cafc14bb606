package io.xspy.source.aws;

import io.xspy.source.LogEvents;
import io.xspy.trace.LogLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * {@link LogEvents} read from CloudWatch Logs: FilterLogEvents with the term as a quoted phrase
 * (a request id has hyphens, which the pattern syntax would otherwise split), GetLogEvents from the
 * head of a stream, following nextForwardToken until it comes back unchanged. Each read is bounded
 * to {@link #MAX_EVENTS} events so a chatty function cannot exhaust memory.
 */
final class CloudWatchLogEvents implements LogEvents {

    static final int MAX_EVENTS = 10_000;
    private static final int MAX_PAGES = 100;

    private final CloudWatchLogsClient logs;
    private final AwsCalls calls;

    CloudWatchLogEvents(CloudWatchLogsClient logs, AwsCalls calls) {
        this.logs = logs;
        this.calls = calls;
    }

    @Override
    public List<LogLine> filter(String logGroup, double from, double to, String term) {
        String pattern = term == null || term.isBlank() ? null : quoted(term);
        List<LogLine> out = new ArrayList<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES && out.size() < MAX_EVENTS; page++) {
            String sent = token;
            FilterLogEventsResponse response = calls.call("logs:FilterLogEvents", () -> {
                try {
                    return logs.filterLogEvents(b -> b.logGroupName(logGroup).startTime(millisFloor(from))
                            .endTime(millisCeil(to)).filterPattern(pattern).nextToken(sent));
                } catch (ResourceNotFoundException e) {
                    throw new GroupNotFound(logGroup);
                }
            });
            for (FilteredLogEvent e : response.events()) {
                out.add(new LogLine(e.timestamp() / 1000.0, logGroup, e.logStreamName(), e.message()));
            }
            token = response.nextToken();
            if (token == null || token.equals(sent)) break;
        }
        out.sort(Comparator.comparingDouble(LogLine::timestamp));
        return out.size() > MAX_EVENTS ? List.copyOf(out.subList(0, MAX_EVENTS)) : out;
    }

    @Override
    public List<LogLine> stream(String logGroup, String logStream, double from, double to) {
        List<LogLine> out = new ArrayList<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES && out.size() < MAX_EVENTS; page++) {
            String sent = token;
            GetLogEventsResponse response = calls.call("logs:GetLogEvents", () -> {
                try {
                    return logs.getLogEvents(b -> b.logGroupName(logGroup).logStreamName(logStream)
                            .startTime(millisFloor(from)).endTime(millisCeil(to)).startFromHead(true).nextToken(sent));
                } catch (ResourceNotFoundException e) {
                    if (isStreamMissing(e)) return null;
                    throw new GroupNotFound(logGroup);
                }
            });
            if (response == null) return List.of(); // the stream is gone: correlation keeps the search hits
            for (OutputLogEvent e : response.events()) {
                out.add(new LogLine(e.timestamp() / 1000.0, logGroup, logStream, e.message()));
            }
            token = response.nextForwardToken();
            if (token == null || Objects.equals(token, sent) || response.events().isEmpty()) break;
        }
        return out.size() > MAX_EVENTS ? List.copyOf(out.subList(0, MAX_EVENTS)) : out;
    }

    private static boolean isStreamMissing(ResourceNotFoundException e) {
        String m = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        return m != null && m.toLowerCase(java.util.Locale.ROOT).contains("stream");
    }

    /** A quoted phrase of the filter pattern syntax; a quote inside cannot be escaped, so it is dropped. */
    static String quoted(String term) {
        return "\"" + term.replace("\"", "") + "\"";
    }

    static long millisFloor(double seconds) {
        return (long) Math.floor(seconds * 1000);
    }

    static long millisCeil(double seconds) {
        return (long) Math.ceil(seconds * 1000);
    }
}
