package io.xspy.source.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.source.local.TraceStore;
import io.xspy.trace.LogLine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * CloudWatch Logs' writing side: CreateLogGroup, CreateLogStream and PutLogEvents into the store, with
 * the rules and messages of the CloudWatch Logs API reference: a group and stream must be created before
 * events are put into them (a group that already holds events, from a file or the demo, counts as
 * created), events of one call in chronological order within 24 hours, at most 10,000 events and
 * 1,048,576 bytes (each message's UTF-8 bytes plus 26), and events more than 14 days old or 2 hours
 * ahead are not stored but reported in {@code rejectedLogEventsInfo}. Sequence tokens are ignored, as
 * CloudWatch Logs now does.
 */
final class LogIngest {

    static final int MAX_EVENTS = 10_000;
    static final int MAX_BATCH_BYTES = 1_048_576;
    static final int EVENT_OVERHEAD_BYTES = 26;
    static final long MAX_AGE_MS = 14L * 24 * 3600 * 1000;
    static final long MAX_AHEAD_MS = 2L * 3600 * 1000;
    static final long MAX_SPAN_MS = 24L * 3600 * 1000;
    /** Bounds the names this keeps, whatever a client sends; CloudWatch's own quotas are per account. */
    static final int MAX_STREAMS = 100_000;

    private static final Pattern GROUP_NAME = Pattern.compile("[.\\-_/#A-Za-z0-9]{1,512}");
    private static final Pattern STREAM_NAME = Pattern.compile("[^:*]{1,512}");

    private final TraceStore store;
    private final LongSupplier clockMillis;
    private final Map<String, Set<String>> created = new HashMap<>();
    private int streams;

    LogIngest(TraceStore store, LongSupplier clockMillis) {
        this.store = store;
        this.clockMillis = clockMillis;
    }

    ObjectNode handle(String operation, JsonNode body) {
        return switch (operation) {
            case "CreateLogGroup" -> createLogGroup(body);
            case "CreateLogStream" -> createLogStream(body);
            default -> putLogEvents(body);
        };
    }

    /** Whether the group was created here (it may hold no events yet). */
    synchronized boolean hasGroup(String group) {
        return created.containsKey(group);
    }

    private synchronized ObjectNode createLogGroup(JsonNode body) {
        String group = groupName(body);
        if (exists(group)) throw new ApiError(400, "ResourceAlreadyExistsException", "The specified log group already exists");
        created.put(group, new HashSet<>());
        return ServeServer.JSON.createObjectNode();
    }

    private synchronized ObjectNode createLogStream(JsonNode body) {
        String group = groupName(body);
        String stream = streamName(body);
        if (!exists(group)) throw notFound("The specified log group does not exist.");
        if (exists(group, stream)) {
            throw new ApiError(400, "ResourceAlreadyExistsException", "The specified log stream already exists");
        }
        if (streams >= MAX_STREAMS) {
            throw new ApiError(400, "LimitExceededException", "xspy serve keeps at most " + MAX_STREAMS + " log streams");
        }
        created.computeIfAbsent(group, g -> new HashSet<>()).add(stream);
        streams++;
        return ServeServer.JSON.createObjectNode();
    }

    private ObjectNode putLogEvents(JsonNode body) {
        String group = groupName(body);
        String stream = streamName(body);
        synchronized (this) {
            if (!exists(group)) throw notFound("The specified log group does not exist.");
            if (!exists(group, stream)) throw notFound("The specified log stream does not exist.");
        }
        JsonNode events = body.get("logEvents");
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw invalid("logEvents must hold at least 1 event");
        }
        if (events.size() > MAX_EVENTS) throw invalid("logEvents must hold at most " + MAX_EVENTS + " events");
        long[] times = new long[events.size()];
        List<String> messages = new ArrayList<>();
        long bytes = 0;
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            JsonNode ts = e.get("timestamp");
            JsonNode message = e.get("message");
            if (ts == null || !ts.canConvertToLong()) throw invalid("logEvents." + (i + 1) + ".timestamp is required");
            if (message == null || !message.isTextual() || message.asText().isEmpty()) {
                throw invalid("logEvents." + (i + 1) + ".message must be at least 1 character");
            }
            long t = ts.asLong();
            if (t < previous) {
                throw invalid("Log events in a single PutLogEvents request must be in chronological order.");
            }
            previous = t;
            bytes += message.asText().getBytes(StandardCharsets.UTF_8).length + EVENT_OVERHEAD_BYTES;
            times[i] = t;
            messages.add(message.asText());
        }
        if (bytes > MAX_BATCH_BYTES) {
            throw invalid("The batch of log events is " + bytes + " bytes; at most " + MAX_BATCH_BYTES + " are allowed");
        }
        if (times[times.length - 1] - times[0] > MAX_SPAN_MS) {
            throw invalid("A batch of log events in a single request cannot span more than 24 hours.");
        }
        long now = clockMillis.getAsLong();
        int tooOldEnd = -1; // the events before this index are too old
        int tooNewStart = -1; // the events from this index on are too new
        for (int i = 0; i < times.length; i++) {
            long t = times[i];
            if (t < now - MAX_AGE_MS) {
                tooOldEnd = i + 1;
            } else if (t > now + MAX_AHEAD_MS) {
                tooNewStart = i;
                break;
            } else {
                store.addLog(new LogLine(t / 1000.0, group, stream, messages.get(i)));
            }
        }
        ObjectNode out = ServeServer.JSON.createObjectNode();
        out.put("nextSequenceToken", String.format("%056d", now));
        if (tooOldEnd >= 0 || tooNewStart >= 0) {
            ObjectNode rejected = out.putObject("rejectedLogEventsInfo");
            if (tooOldEnd >= 0) rejected.put("tooOldLogEventEndIndex", tooOldEnd);
            if (tooNewStart >= 0) rejected.put("tooNewLogEventStartIndex", tooNewStart);
        }
        return out;
    }

    private boolean exists(String group) {
        return created.containsKey(group) || store.hasLogGroup(group);
    }

    private boolean exists(String group, String stream) {
        Set<String> made = created.get(group);
        if (made != null && made.contains(stream)) return true;
        return store.hasLogGroup(group) && !store.stream(group, stream, 0, Double.MAX_VALUE).isEmpty();
    }

    private static String groupName(JsonNode body) {
        String group = ServeServer.text(body, "logGroupName");
        if (group == null || group.isEmpty()) throw invalid("logGroupName is required");
        if (!GROUP_NAME.matcher(group).matches()) {
            throw invalid("logGroupName must be 1 to 512 of the characters a-z A-Z 0-9 . - _ / #");
        }
        return group;
    }

    private static String streamName(JsonNode body) {
        String stream = ServeServer.text(body, "logStreamName");
        if (stream == null || stream.isEmpty()) throw invalid("logStreamName is required");
        if (!STREAM_NAME.matcher(stream).matches()) {
            throw invalid("logStreamName must be 1 to 512 characters, without : or *");
        }
        return stream;
    }

    private static ApiError invalid(String message) {
        return new ApiError(400, "InvalidParameterException", message);
    }

    private static ApiError notFound(String message) {
        return new ApiError(400, "ResourceNotFoundException", message);
    }
}
