package io.xspy.source.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.source.local.TraceStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * CloudWatch Logs Insights' StartQuery, GetQueryResults and StopQuery over the spans of the store, as
 * the log group {@code aws/spans} of an account with Transaction Search (see {@link InsightsQuery} for
 * the commands served). A span belongs to the window when it starts in it (startTime and endTime are
 * epoch seconds, both inclusive). The query runs when it starts; its status reads Running for the
 * first polls, then Complete (or Failed, when the fault plan says {@code StartQuery:fail}).
 */
final class InsightsApi {

    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 10_000;
    private static final int KEPT_QUERIES = 1000;

    private final TraceStore store;
    private final TransactionSearch search;
    private final Map<String, Job> jobs = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
            return size() > KEPT_QUERIES;
        }
    };

    private record Job(PolledJob status, List<Map<String, Object>> rows, int scanned) {}

    InsightsApi(TraceStore store, TransactionSearch search) {
        this.store = store;
        this.search = search;
    }

    ObjectNode startQuery(JsonNode body, boolean fails) {
        List<String> groups = groups(body);
        for (String g : groups) {
            if (!g.equals(TransactionSearch.SPANS_GROUP)) {
                throw new ApiError(400, "MalformedQueryException", "xspy serve runs Logs Insights queries over "
                        + TransactionSearch.SPANS_GROUP + " only, not " + RequestLimits.echo(g));
            }
        }
        if (!search.enabled()) {
            throw new ApiError(400, "ResourceNotFoundException", "Log group " + TransactionSearch.SPANS_GROUP
                    + " does not exist: Transaction Search is off (serve --transaction-search, or"
                    + " aws xray update-trace-segment-destination --destination CloudWatchLogs)");
        }
        String text = RequestFields.string(body, "queryString");
        if (text == null) throw new ApiError(400, "InvalidParameterException", "queryString is required");
        if (body.hasNonNull("queryLanguage") && !"CWLI".equals(body.get("queryLanguage").asText())) {
            throw new ApiError(400, "MalformedQueryException", "xspy serve runs Logs Insights (CWLI) queries only");
        }
        long start = seconds(body, "startTime");
        long end = seconds(body, "endTime");
        if (end < start) throw new ApiError(400, "InvalidParameterException", "endTime is before startTime");
        int limit = body.hasNonNull("limit") ? body.get("limit").asInt(-1) : DEFAULT_LIMIT;
        if (limit < 1 || limit > MAX_LIMIT) throw new ApiError(400, "InvalidParameterException", "limit must be 1.." + MAX_LIMIT);
        InsightsQuery query;
        try {
            query = InsightsQuery.parse(text);
        } catch (InsightsQuery.Malformed e) {
            throw new ApiError(400, "MalformedQueryException", RequestLimits.echo(e.getMessage()));
        }
        List<Map<String, Object>> records = new ArrayList<>();
        long from = start * 1_000_000_000L;
        long to = (end + 1) * 1_000_000_000L - 1;
        for (TraceStore.View v : store.views()) {
            if (v.trace().endTime() * 1e9 < from || v.trace().startTime() * 1e9 > to) continue;
            for (Map<String, Object> span : SpanRecords.of(v.trace())) {
                long t = (Long) span.get("startTimeUnixNano");
                if (t < from || t > to) continue;
                span.put("@timestamp", t / 1_000_000);
                span.put("@message", span.toString());
                records.add(span);
            }
        }
        List<Map<String, Object>> rows;
        try {
            rows = query.run(records);
        } catch (InsightsQuery.Malformed e) {
            throw new ApiError(400, "MalformedQueryException", RequestLimits.echo(e.getMessage()));
        }
        if (rows.size() > limit) rows = rows.subList(0, limit);
        String id = UUID.randomUUID().toString();
        synchronized (jobs) {
            jobs.put(id, new Job(new PolledJob(search.pollsBeforeComplete(), fails), List.copyOf(rows), records.size()));
        }
        return ServeServer.JSON.createObjectNode().put("queryId", id);
    }

    ObjectNode getQueryResults(JsonNode body) {
        Job job = job(body);
        PolledJob.State state = job.status.read();
        ObjectNode out = ServeServer.JSON.createObjectNode();
        out.put("queryLanguage", "CWLI");
        ArrayNode results = out.putArray("results");
        boolean complete = state == PolledJob.State.COMPLETE;
        if (complete) {
            for (Map<String, Object> row : job.rows) {
                ArrayNode fields = results.addArray();
                for (String f : shown(row)) {
                    Object v = row.get(f);
                    if (v == null) continue;
                    fields.addObject().put("field", f).put("value", text(v));
                }
            }
        }
        out.putObject("statistics").put("recordsMatched", complete ? job.rows.size() : 0)
                .put("recordsScanned", job.scanned).put("bytesScanned", job.scanned * 400.0);
        out.put("status", switch (state) {
            case RUNNING -> "Running";
            case COMPLETE -> "Complete";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled";
        });
        return out;
    }

    ObjectNode stopQuery(JsonNode body) {
        Job job = job(body);
        return ServeServer.JSON.createObjectNode().put("success", job.status.cancel());
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> shown(Map<String, Object> row) {
        Object f = row.get(" fields");
        return f instanceof Collection<?> c ? (Collection<String>) c : row.keySet();
    }

    /** Values as Logs Insights prints them: whole numbers without ".0". */
    private static String text(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e18) return String.valueOf(d.longValue());
        return String.valueOf(v);
    }

    private Job job(JsonNode body) {
        String id = RequestFields.string(body, "queryId");
        if (id == null) throw new ApiError(400, "InvalidParameterException", "queryId is required");
        synchronized (jobs) {
            Job job = jobs.get(id);
            if (job == null) throw new ApiError(400, "ResourceNotFoundException", "Query does not exist: " + RequestLimits.echo(id));
            return job;
        }
    }

    private static List<String> groups(JsonNode body) {
        List<String> out = new ArrayList<>();
        String one = RequestFields.string(body, "logGroupName");
        if (one != null) out.add(one);
        for (String list : List.of("logGroupNames", "logGroupIdentifiers")) {
            JsonNode n = body.get(list);
            if (n != null && n.isArray()) {
                for (JsonNode g : n) {
                    String name = g.asText();
                    int at = name.indexOf(":log-group:"); // an ARN
                    if (at >= 0) name = name.substring(at + ":log-group:".length()).replaceAll(":\\*$", "");
                    out.add(name);
                }
            }
        }
        if (out.isEmpty()) throw new ApiError(400, "InvalidParameterException", "give logGroupName, logGroupNames or logGroupIdentifiers");
        return out;
    }

    private static long seconds(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) throw new ApiError(400, "InvalidParameterException", field + " is required");
        if (!n.canConvertToLong()) throw new ApiError(400, "InvalidParameterException", field + " must be epoch seconds");
        return n.asLong();
    }
}
