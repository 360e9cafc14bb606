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
import java.util.HashMap;
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
 * matched against its rows. A summary carries what the root span tells (id, service, HTTP status,
 * response time) and what two more queries over the page's traces tell: the trace's extent, and
 * whether any span has a fault, error or throttle.
 */
final class SpanListing {

    static final int PAGE_SIZE = 200;
    static final int IDS_IN_QUERY = 200;
    static final int MAX_SELECTED = 10_000;
    private static final int MAX_QUERIES_PER_PAGE = 5;
    private static final String FIELDS = "fields traceId, startTimeUnixNano, durationNano, attributes.aws.local.service,"
            + " resource.attributes.service.name, status.code, attributes.http.response.status_code,"
            + " attributes.http.request.method, attributes.url.full";

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
            List<Map<String, String>> roots = new ArrayList<>();
            for (Map<String, String> row : rows) {
                String id = row.get("traceId");
                if (id != null && (selected == null || selected.contains(id))) roots.add(row);
            }
            List<TraceSummary> items = summaries(roots, window, progress);
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

    /**
     * The summaries of these root rows, completed by two queries over all spans of their traces: each
     * trace's extent (its duration is not its root's) and its spans with a fault, error or throttle
     * (X-Ray's flags are the trace's, not the root's).
     */
    private List<TraceSummary> summaries(List<Map<String, String>> roots, TimeWindow window, Consumer<String> progress) {
        if (roots.isEmpty()) return List.of();
        String in = "traceId in [" + String.join(", ", roots.stream().map(r -> SpanFilter.quote(r.get("traceId"))).toList()) + "]";
        Map<String, long[]> extents = new HashMap<>();
        for (Map<String, String> row : queries.run("filter " + in + "\n| stats min(startTimeUnixNano) as firstStart,"
                + " max(endTimeUnixNano) as lastEnd by traceId\n| limit " + MAX_SELECTED, window, MAX_SELECTED, progress)) {
            extents.put(row.get("traceId"), new long[] {(long) number(row.get("firstStart"), 0), (long) number(row.get("lastEnd"), 0)});
        }
        Map<String, List<Map<String, String>>> problems = new HashMap<>();
        for (Map<String, String> row : queries.run("fields traceId, status.code, attributes.http.response.status_code\n"
                + "| filter " + in + "\n| filter " + SpanFilter.STATUS_ERROR + " or attributes.http.response.status_code >= 400\n"
                + "| limit " + MAX_SELECTED, window, MAX_SELECTED, progress)) {
            problems.computeIfAbsent(row.get("traceId"), k -> new ArrayList<>()).add(row);
        }
        List<TraceSummary> out = new ArrayList<>();
        for (Map<String, String> root : roots) {
            String id = root.get("traceId");
            out.add(summary(root, extents.get(id), problems.getOrDefault(id, List.of())));
        }
        return out;
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

    /** A summary from the root row, the trace's extent (start and end in ns, or null) and its problem spans. */
    static TraceSummary summary(Map<String, String> root, long[] extent, List<Map<String, String>> problemSpans) {
        String id = TraceIds.xray(root.get("traceId"));
        long rootStart = startNanos(root);
        double response = number(root.get("durationNano"), 0) / 1e9;
        long start = extent == null ? rootStart : Math.min(rootStart, extent[0]);
        double duration = extent == null ? response : Math.max(response, (extent[1] - start) / 1e9);
        String service = root.getOrDefault("attributes.aws.local.service", root.get("resource.attributes.service.name"));
        Integer status = httpStatus(root);
        boolean fault = false;
        boolean error = false;
        boolean throttle = false;
        List<Map<String, String>> all = new ArrayList<>(problemSpans);
        all.add(root);
        for (Map<String, String> span : all) {
            Integer code = httpStatus(span);
            fault |= SpanFilter.isStatusError(span.get("status.code")) || code != null && code >= 500;
            throttle |= code != null && code == 429;
            error |= code != null && code >= 400 && code < 500;
        }
        String method = root.get("attributes.http.request.method");
        String url = root.get("attributes.url.full");
        HttpInfo http = status == null && method == null && url == null ? HttpInfo.NONE
                : new HttpInfo(method, url, null, null, null, null, status, null);
        ServiceId entry = service == null ? null : ServiceId.of(service, null);
        return new TraceSummary(id, start / 1e9, duration, response, fault, error, throttle, false, http, Map.of(),
                List.of(), entry == null ? List.of() : List.of(entry), entry, false);
    }

    private static Integer httpStatus(Map<String, String> span) {
        String s = span.get("attributes.http.response.status_code");
        return s == null ? null : (int) number(s, 0);
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
