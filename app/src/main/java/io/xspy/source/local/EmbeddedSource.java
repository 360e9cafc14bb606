package io.xspy.source.local;

import io.xspy.graph.ServiceGraph;
import io.xspy.graph.ServiceGraphBuilder;
import io.xspy.query.Filter;
import io.xspy.query.TimeWindow;
import io.xspy.source.LogCorrelation;
import io.xspy.source.Page;
import io.xspy.source.SourceException;
import io.xspy.source.TraceSource;
import io.xspy.trace.LogLine;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceSummary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The trace source over an in-memory {@link TraceStore} (fed by files, the UDP receiver or the demo).
 * Summaries come newest first, {@value #PAGE_SIZE} a page; the page token names the last summary
 * returned (start time and id), so traces arriving between two pages neither repeat nor shift them.
 */
public final class EmbeddedSource implements TraceSource {

    public static final int PAGE_SIZE = 100;

    /** Newest first; equal start times by id. */
    static final Comparator<TraceSummary> NEWEST_FIRST =
            Comparator.comparingDouble(TraceSummary::startTime).reversed().thenComparing(TraceSummary::id);

    private final String description;
    private final TraceStore store;

    public EmbeddedSource(String description, TraceStore store) {
        this.description = description;
        this.store = store;
    }

    public TraceStore store() {
        return store;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public ServiceGraph serviceGraph(TimeWindow window) {
        return ServiceGraphBuilder.build(store.traces(), window.start(), window.end());
    }

    @Override
    public Page<TraceSummary> traceSummaries(TimeWindow window, String filterExpression, String pageToken) {
        Filter filter = compile(filterExpression);
        TraceSummary after = pageToken == null ? null : readToken(pageToken);
        double from = window.startSeconds();
        double to = window.endSeconds();
        // keeps the best PAGE_SIZE + 1 candidates; the head is the worst of them
        PriorityQueue<TraceSummary> best = new PriorityQueue<>(PAGE_SIZE + 2, NEWEST_FIRST.reversed());
        for (TraceStore.View v : store.views()) {
            TraceSummary s = v.summary();
            if (v.trace().roots().isEmpty() || !overlaps(s, from, to)) continue;
            if (after != null && NEWEST_FIRST.compare(s, after) <= 0) continue;
            if (!filter.matches(v.trace())) continue;
            offer(best, s);
        }
        if (filter == Filter.ALL) {
            for (TraceSummary s : store.summariesOnly()) {
                if (overlaps(s, from, to) && (after == null || NEWEST_FIRST.compare(s, after) > 0)) offer(best, s);
            }
        }
        List<TraceSummary> page = new ArrayList<>(best);
        page.sort(NEWEST_FIRST);
        if (page.size() <= PAGE_SIZE) return new Page<>(page, null);
        List<TraceSummary> items = page.subList(0, PAGE_SIZE);
        return new Page<>(items, token(items.get(PAGE_SIZE - 1)));
    }

    private static void offer(PriorityQueue<TraceSummary> best, TraceSummary s) {
        if (best.size() <= PAGE_SIZE) {
            best.add(s);
        } else if (NEWEST_FIRST.compare(s, best.peek()) < 0) {
            best.poll();
            best.add(s);
        }
    }

    private static boolean overlaps(TraceSummary s, double from, double to) {
        return s.startTime() <= to && s.startTime() + s.duration() >= from;
    }

    /** A blank expression matches every trace. */
    static Filter compile(String expression) {
        if (expression == null || expression.isBlank()) return Filter.ALL;
        throw new SourceException("filter expressions are not supported by this build");
    }

    private static String token(TraceSummary last) {
        String raw = last.startTime() + " " + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** A stand-in summary holding only the sort key of the token. */
    private static TraceSummary readToken(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int space = raw.indexOf(' ');
            double start = Double.parseDouble(raw.substring(0, space));
            return new TraceSummary(raw.substring(space + 1), start, 0, 0, false, false, false, false, null,
                    java.util.Map.of(), List.of(), List.of(), null, false);
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new SourceException("invalid page token");
        }
    }

    @Override
    public List<Trace> traces(Collection<String> traceIds) {
        List<Trace> out = new ArrayList<>();
        for (String id : traceIds) {
            Trace t = store.trace(id);
            if (t != null) out.add(t);
        }
        return out;
    }

    @Override
    public List<LogLine> logs(Trace trace) {
        return LogCorrelation.logs(trace, store);
    }
}
