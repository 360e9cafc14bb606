package io.xspy.source.aws;

import io.xspy.query.TimeWindow;
import io.xspy.source.Page;
import io.xspy.source.SourceException;
import io.xspy.trace.HttpInfo;
import io.xspy.trace.ServiceId;
import io.xspy.trace.TraceSummary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Trace summaries from the spans of Transaction Search: Logs Insights over aws/spans lists the root
 * spans of the window, newest first, {@link #PAGE_SIZE} per page (the next page continues below the
 * last start time). A filter's "a span has P" parts first select trace ids (one query each, kept for
 * the pages that follow); up to {@link #IDS_IN_QUERY} of them go into the listing query, more are
 * matched against its rows. A summary carries what the root span tells: id, start, duration,
 * service, HTTP status, fault / error / throttle.
 */
final class SpanListing {

    static final int PAGE_SIZE = 200;
    static final int IDS_IN_QUERY = 200;
    static final int MAX_SELECTED = 10_000;
    private static final int MAX_QUERIES_PER_PAGE = 5;
    private static final String FIELDS = "fields traceId, startTimeUnixNano, durationNano, attributes.aws.local.service,"
            + " resource.attributes.service.name, status.code, attributes.http.response.status_code";

    private final InsightsQueries queries;
    private final Consumer<String> notice;
    private volatile Selection last;

    private record Selection(String key, Set<String> ids) {}

    SpanListing(InsightsQueries queries, Consumer<String> notice) {
        this.queries = queries;
        this.notice = notice;
    }

    Page<TraceSummary> page(TimeWindow window, SpanFilter filter, String pageToken, Consumer<String> progress) {
        Long below = pageToken == null ? null : decode(pageToken);
        Set<String> selected = selection(window, filter, progress);
        if (selected != null && selected.isEmpty()) return new Page<>(List.of(), null);
        for (int n = 1; ; n++) {
            String query = listingQuery(filter, selected, below);
            List<Map<String, String>> rows = queries.run(query, window, PAGE_SIZE, progress);
            List<TraceSummary> items = new ArrayList<>();
            for (Map<String, String> row : rows) {
                String id = row.get("traceId");
                if (id == null || selected != null && !selected.contains(id)) continue;
                items.add(summary(row));
            }
            Long next = rows.size() < PAGE_SIZE ? null : startNanos(rows.get(rows.size() - 1));
            if (!items.isEmpty() || next == null || n >= MAX_QUERIES_PER_PAGE) {
                return new Page<>(items, next == null ? null : encode(next));
            }
            below = next;
        }
    }

    /** The ids of the traces with a span matching each span predicate (all of them), or null without any. */
    private Set<String> selection(TimeWindow window, SpanFilter filter, Consumer<String> progress) {
        List<String> predicates = filter.spanPredicates();
        if (predicates.isEmpty()) return null;
        String key = window + "|" + predicates;
        Selection kept = last;
        if (kept != null && kept.key.equals(key)) return kept.ids;
        Set<String> ids = null;
        for (String p : predicates) {
            String query = "filter " + p + "\n| stats count(*) as spans by traceId\n| limit " + MAX_SELECTED;
            Set<String> found = new HashSet<>();
            List<Map<String, String>> rows = queries.run(query, window, MAX_SELECTED, progress);
            for (Map<String, String> row : rows) if (row.get("traceId") != null) found.add(row.get("traceId"));
            if (rows.size() >= MAX_SELECTED) {
                notice.accept("more than " + MAX_SELECTED + " traces have a span with " + p
                        + "; listing the first " + MAX_SELECTED + " found — shorten the window for all");
            }
            if (ids == null) ids = found;
            else ids.retainAll(found);
        }
        last = new Selection(key, ids);
        return ids;
    }

    static String listingQuery(SpanFilter filter, Set<String> selected, Long below) {
        StringBuilder q = new StringBuilder(FIELDS);
        q.append("\n| filter parentSpanId = \"\" or not ispresent(parentSpanId)");
        for (String p : filter.rootPredicates()) q.append("\n| filter ").append(p);
        if (selected != null && selected.size() <= IDS_IN_QUERY) {
            List<String> quoted = selected.stream().sorted().map(SpanFilter::quote).toList();
            q.append("\n| filter traceId in [").append(String.join(", ", quoted)).append("]");
        }
        if (below != null) q.append("\n| filter startTimeUnixNano < ").append(below);
        q.append("\n| sort startTimeUnixNano desc\n| limit ").append(PAGE_SIZE);
        return q.toString();
    }

    static TraceSummary summary(Map<String, String> row) {
        String id = TraceIds.xray(row.get("traceId"));
        double start = startNanos(row) / 1e9;
        double duration = number(row.get("durationNano"), 0) / 1e9;
        String service = row.getOrDefault("attributes.aws.local.service", row.get("resource.attributes.service.name"));
        Integer status = row.get("attributes.http.response.status_code") == null ? null
                : (int) number(row.get("attributes.http.response.status_code"), 0);
        boolean fault = "ERROR".equals(row.get("status.code")) || status != null && status >= 500;
        boolean throttle = status != null && status == 429;
        boolean error = status != null && status >= 400 && status < 500;
        HttpInfo http = status == null ? HttpInfo.NONE : new HttpInfo(null, null, null, null, null, null, status, null);
        ServiceId entry = service == null ? null : ServiceId.of(service, null);
        return new TraceSummary(id, start, duration, duration, fault, error, throttle, false, http, Map.of(), List.of(),
                entry == null ? List.of() : List.of(entry), entry, false);
    }

    private static long startNanos(Map<String, String> row) {
        return (long) number(row.get("startTimeUnixNano"), 0);
    }

    private static double number(String s, double otherwise) {
        if (s == null) return otherwise;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static String encode(long below) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("spans|" + below).getBytes(StandardCharsets.UTF_8));
    }

    private static Long decode(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!raw.startsWith("spans|")) throw new IllegalArgumentException("not ours");
            return Long.parseLong(raw.substring("spans|".length()));
        } catch (RuntimeException e) {
            throw new SourceException("page token does not belong to this query: start again from the first page", e);
        }
    }
}
