package io.xspy.source.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.source.LogEvents;
import io.xspy.source.local.TraceStore;
import io.xspy.trace.LogLine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CloudWatch Logs' FilterLogEvents and GetLogEvents (JSON 1.1, target prefix Logs_20140328) over the
 * store's log events, with the member names of the CloudWatch Logs API reference. Times are
 * milliseconds since the epoch. Filter patterns are the plain subset: terms and "quoted phrases", all
 * of which must occur (case-sensitive); JSON and space-delimited patterns are refused. StartQuery,
 * GetQueryResults and StopQuery run Logs Insights over aws/spans ({@link InsightsApi}); CreateLogGroup,
 * CreateLogStream and PutLogEvents write into the store ({@link LogIngest}).
 */
final class LogsApi {

    static final String PREFIX = "Logs_20140328.";
    static final int MAX_LIMIT = 10_000;

    private static final Set<String> OPERATIONS = Set.of("FilterLogEvents", "GetLogEvents", "StartQuery",
            "GetQueryResults", "StopQuery", "CreateLogGroup", "CreateLogStream", "PutLogEvents");

    private final TraceStore store;
    private final int pageSize;
    private final InsightsApi insights;
    private final LogIngest ingest;

    LogsApi(TraceStore store, int pageSize, TransactionSearch search) {
        this.store = store;
        this.pageSize = pageSize;
        this.insights = new InsightsApi(store, search);
        this.ingest = new LogIngest(store, System::currentTimeMillis);
    }

    static String operation(String target) {
        if (!target.startsWith(PREFIX)) return null;
        String op = target.substring(PREFIX.length());
        return OPERATIONS.contains(op) ? op : null;
    }

    /** {@code fails}: a query started by this request is to end Failed. */
    ObjectNode handle(String operation, JsonNode body, boolean fails) {
        return switch (operation) {
            case "FilterLogEvents" -> filterLogEvents(body);
            case "GetLogEvents" -> getLogEvents(body);
            case "StartQuery" -> insights.startQuery(body, fails);
            case "GetQueryResults" -> insights.getQueryResults(body);
            case "CreateLogGroup", "CreateLogStream", "PutLogEvents" -> ingest.handle(operation, body);
            default -> insights.stopQuery(body);
        };
    }

    private ObjectNode filterLogEvents(JsonNode body) {
        String group = group(body);
        List<String> terms = terms(ServeServer.text(body, "filterPattern"));
        Set<String> streams = null;
        if (body.hasNonNull("logStreamNames")) {
            streams = new HashSet<>();
            for (JsonNode s : body.get("logStreamNames")) streams.add(s.asText());
        }
        String prefix = ServeServer.text(body, "logStreamNamePrefix");
        if (streams != null && prefix != null) {
            throw invalid("logStreamNames and logStreamNamePrefix cannot both be given");
        }
        int limit = limit(body);
        List<LogLine> all;
        try {
            all = store.filter(group, seconds(body, "startTime", 0), seconds(body, "endTime", Long.MAX_VALUE), "");
        } catch (LogEvents.GroupNotFound e) {
            if (!ingest.hasGroup(group)) throw notFound("The specified log group does not exist.");
            all = List.of(); // created, nothing put yet
        }
        List<LogLine> matching = new ArrayList<>();
        for (LogLine l : all) {
            if (streams != null && !streams.contains(l.logStream())) continue;
            if (prefix != null && !l.logStream().startsWith(prefix)) continue;
            if (terms.stream().allMatch(l.message()::contains)) matching.add(l);
        }
        int from = offset(ServeServer.text(body, "nextToken"), matching.size());
        int to = Math.min(matching.size(), from + limit);
        ObjectNode out = ServeServer.JSON.createObjectNode();
        ArrayNode events = out.putArray("events");
        for (int i = from; i < to; i++) {
            LogLine l = matching.get(i);
            events.addObject().put("logStreamName", l.logStream()).put("timestamp", millis(l))
                    .put("message", l.message()).put("ingestionTime", millis(l)).put("eventId", eventId(l, i));
        }
        out.putArray("searchedLogStreams");
        if (to < matching.size()) out.put("nextToken", XrayApi.encode("e" + to));
        return out;
    }

    private ObjectNode getLogEvents(JsonNode body) {
        String group = group(body);
        String stream = ServeServer.text(body, "logStreamName");
        if (stream == null) throw invalid("logStreamName is required");
        int limit = limit(body);
        List<LogLine> lines;
        try {
            lines = store.stream(group, stream, seconds(body, "startTime", 0), seconds(body, "endTime", Long.MAX_VALUE));
        } catch (LogEvents.GroupNotFound e) {
            if (!ingest.hasGroup(group)) throw notFound("The specified log group does not exist.");
            lines = List.of();
        }
        String token = ServeServer.text(body, "nextToken");
        boolean fromHead = body.path("startFromHead").asBoolean(false);
        int start;
        int end;
        if (token != null && !token.isEmpty()) {
            boolean forward = token.startsWith("f/");
            if (!forward && !token.startsWith("b/")) throw invalid("The specified nextToken is invalid.");
            int at;
            try {
                at = Math.min(lines.size(), Math.max(0, Integer.parseInt(token.substring(2))));
            } catch (NumberFormatException e) {
                throw invalid("The specified nextToken is invalid.");
            }
            start = forward ? at : Math.max(0, at - limit);
            end = forward ? Math.min(lines.size(), at + limit) : at;
        } else if (fromHead) {
            start = 0;
            end = Math.min(lines.size(), limit);
        } else { // the newest events, as CloudWatch does without startFromHead
            end = lines.size();
            start = Math.max(0, end - limit);
        }
        ObjectNode out = ServeServer.JSON.createObjectNode();
        ArrayNode events = out.putArray("events");
        for (int i = start; i < end; i++) {
            LogLine l = lines.get(i);
            events.addObject().put("timestamp", millis(l)).put("message", l.message()).put("ingestionTime", millis(l));
        }
        // At the end the forward token repeats the one sent: that is how clients know to stop.
        out.put("nextForwardToken", "f/" + end);
        out.put("nextBackwardToken", "b/" + start);
        return out;
    }

    private static String group(JsonNode body) {
        String group = ServeServer.text(body, "logGroupName");
        String identifier = ServeServer.text(body, "logGroupIdentifier");
        if (group != null && identifier != null) throw invalid("give logGroupName or logGroupIdentifier, not both");
        if (group == null && identifier != null) {
            group = identifier;
            int at = group.indexOf(":log-group:"); // an ARN
            if (at >= 0) group = group.substring(at + ":log-group:".length()).replaceAll(":\\*$", "");
        }
        if (group == null || group.isEmpty()) throw invalid("logGroupName is required");
        return group;
    }

    /** The terms of a plain filter pattern: words and "quoted phrases", all required. */
    static List<String> terms(String pattern) {
        List<String> out = new ArrayList<>();
        if (pattern == null || pattern.isBlank()) return out;
        String p = pattern.strip();
        if (p.startsWith("{") || p.startsWith("[")) {
            throw invalid("xspy serve supports plain terms and \"quoted phrases\" only, not JSON or space-delimited"
                    + " filter patterns");
        }
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int close = p.indexOf('"', i + 1);
                if (close < 0) throw invalid("Invalid filter pattern: unterminated quote at column " + (i + 1));
                out.add(p.substring(i + 1, close));
                i = close + 1;
            } else {
                int j = i;
                while (j < p.length() && !Character.isWhitespace(p.charAt(j))) j++;
                String word = p.substring(i, j);
                if (word.startsWith("?") || word.startsWith("-") && word.length() > 1) {
                    throw invalid("xspy serve supports plain terms and \"quoted phrases\" only (no ?OR or -exclusion)");
                }
                out.add(word);
                i = j;
            }
        }
        return out;
    }

    private int limit(JsonNode body) {
        if (!body.hasNonNull("limit")) return Math.min(pageSize, MAX_LIMIT);
        int limit = body.get("limit").asInt(-1);
        if (limit < 1 || limit > MAX_LIMIT) throw invalid("limit must be 1.." + MAX_LIMIT);
        return Math.min(limit, pageSize);
    }

    private static double seconds(JsonNode body, String field, long defaultMillis) {
        JsonNode n = body.get(field);
        long ms = n == null || n.isNull() ? defaultMillis : n.asLong(defaultMillis);
        return ms == Long.MAX_VALUE ? Double.MAX_VALUE : ms / 1000.0;
    }

    private static long millis(LogLine l) {
        return Math.round(l.timestamp() * 1000);
    }

    private static String eventId(LogLine l, int index) {
        return String.format("%020d%08d", millis(l), Math.floorMod((l.logStream() + index).hashCode(), 100_000_000));
    }

    private static int offset(String token, int size) {
        if (token == null || token.isEmpty()) return 0;
        String raw = XrayApi.decode(token);
        try {
            int n = Integer.parseInt(raw.substring(1));
            if (!raw.startsWith("e") || n < 0 || n > size) throw new NumberFormatException();
            return n;
        } catch (RuntimeException e) {
            throw invalid("The specified nextToken is invalid.");
        }
    }

    private static ApiError invalid(String message) {
        return new ApiError(400, "InvalidParameterException", message);
    }

    private static ApiError notFound(String message) {
        return new ApiError(400, "ResourceNotFoundException", message);
    }
}
