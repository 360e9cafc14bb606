package io.xspy.source.local;

import io.xspy.graph.ServiceGraph;
import io.xspy.graph.ServiceGraphBuilder;
import io.xspy.query.Filter;
import io.xspy.query.FilterParser;
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
import java.util.function.Supplier;

/**
 * The trace source over an in-memory {@link TraceStore} (fed by files, the UDP receiver or the demo).
 * Summaries come newest first, {@value #PAGE_SIZE} a page; the page token names the last summary
 * returned (start time and id), so traces arriving between two pages neither repeat nor shift them.
 */
public final class EmbeddedSource implements TraceSource {

    public static final int PAGE_SIZE = 100;

    /**
     * Newest first; equal start times by id. Not Comparator.comparing(...).reversed().thenComparing(...): those
     * are serializable lambdas, which JDK 17's class-data-sharing archive cannot hold, spun up at every start.
     */
    static final Comparator<TraceSummary> NEWEST_FIRST = EmbeddedSource::newestFirst;

    private static int newestFirst(TraceSummary a, TraceSummary b) {
        int byStart = Double.compare(b.startTime(), a.startTime());
        return byStart != 0 ? byStart : a.id().compareTo(b.id());
    }

    private final String description;
    private final TraceStore store;
    private final Supplier<String> extraStatus;
    private final boolean live;

    public EmbeddedSource(String description, TraceStore store) {
        this(description, store, () -> "");
    }

    /** @param extraStatus more for the status line, such as the UDP receiver's counts */
    public EmbeddedSource(String description, TraceStore store, Supplier<String> extraStatus) {
        this(description, store, extraStatus, false);
    }

    /** @param live whether a receiver keeps feeding the store while xspy runs */
    public EmbeddedSource(String description, TraceStore store, Supplier<String> extraStatus, boolean live) {
        this.description = description;
        this.store = store;
        this.extraStatus = extraStatus;
        this.live = live;
    }

    @Override
    public boolean live() {
        return live;
    }

    /** Evictions and problems in the input, when there were any, then the extra status. */
    @Override
    public String status() {
        TraceStore.Counters c = store.counters();
        List<String> parts = new ArrayList<>();
        if (c.evicted() > 0) parts.add(c.evicted() + " traces evicted (cap " + store.maxTraces() + ")");
        if (c.documentsDropped() > 0) parts.add(c.documentsDropped() + " documents dropped");
        if (c.diagnostics() > 0) parts.add(c.diagnostics() + (c.diagnostics() == 1 ? " problem" : " problems") + " in the input");
        String extra = extraStatus.get();
        if (!extra.isEmpty()) parts.add(extra);
        return String.join(" \u00B7 ", parts);
    }

    public TraceStore store() {
        return store;
    }

    @Override
    public String describe() {
        return description;
    }

    /** The graph of the traces that start in the window (as serve and X-Ray count them). */
    @Override
    public ServiceGraph serviceGraph(TimeWindow window) {
        List<Trace> starting = new ArrayList<>();
        for (Trace t : index().traces()) if (window.contains(t.startTime())) starting.add(t);
        return ServiceGraphBuilder.build(starting, window.start(), window.end());
    }

    /**
     * The stored traces newest first, rebuilt only when the store changed: repeated queries over a
     * quiet store cost a binary search and a walk until the page is full.
     */
    private record Index(long version, TraceStore.View[] newestFirst, TraceSummary[] summariesOnly) {
        List<Trace> traces() {
            List<Trace> out = new ArrayList<>(newestFirst.length);
            for (TraceStore.View v : newestFirst) out.add(v.trace());
            return out;
        }
    }

    private volatile Index index;

    private Index index() {
        long version = store.version(); // read first: a change during the rebuild shows in the next call
        Index current = index;
        if (current != null && current.version() == version) return current;
        List<TraceStore.View> views = new ArrayList<>(store.views());
        views.removeIf(v -> v.trace().isEmpty()); // a fact: no trace's nodes rebuilt to list it
        views.sort((a, b) -> NEWEST_FIRST.compare(a.summary(), b.summary()));
        List<TraceSummary> only = new ArrayList<>(store.summariesOnly());
        only.sort(NEWEST_FIRST);
        current = new Index(version, views.toArray(new TraceStore.View[0]), only.toArray(new TraceSummary[0]));
        index = current;
        return current;
    }

    /**
     * {@inheritDoc} A filter that cannot be read throws {@link io.xspy.query.FilterSyntaxException}
     * (with the column); summaries-only traces (no segments to test) match only a blank filter. A trace
     * is in the window when it starts in it, as in X-Ray (GetTraceSummaries' default TimeRangeType, TraceId).
     */
    @Override
    public Page<TraceSummary> traceSummaries(TimeWindow window, String filterExpression, String pageToken) {
        Filter filter = compile(filterExpression);
        TraceSummary after = pageToken == null ? null : readToken(pageToken);
        double from = window.startSeconds();
        double to = window.endSeconds();
        Index idx = index();
        // the first candidate: after the token, and not starting after the window
        TraceSummary first = key(to, "");
        if (after != null && NEWEST_FIRST.compare(after, first) >= 0) first = after;
        boolean exclusive = first == after;
        List<TraceSummary> page = new ArrayList<>(PAGE_SIZE + 1);
        TraceStore.View[] views = idx.newestFirst();
        for (int i = firstAfter(views, first, exclusive, v -> v.summary()); i < views.length && page.size() <= PAGE_SIZE; i++) {
            TraceSummary s = views[i].summary();
            if (s.startTime() < from) break; // newest first: the rest started before the window
            if (filter.matches(views[i].trace())) page.add(s);
        }
        if (filter == Filter.ALL && idx.summariesOnly().length > 0) {
            TraceSummary[] only = idx.summariesOnly();
            int taken = 0;
            for (int i = firstAfter(only, first, exclusive, t -> t); i < only.length && taken <= PAGE_SIZE; i++) {
                if (only[i].startTime() < from) break;
                page.add(only[i]);
                taken++;
            }
            page.sort(NEWEST_FIRST);
        }
        if (page.size() <= PAGE_SIZE) return new Page<>(page, null);
        List<TraceSummary> items = page.subList(0, PAGE_SIZE);
        return new Page<>(items, token(items.get(PAGE_SIZE - 1)));
    }

    /** Index of the first element after {@code key} in newest-first order (or at it, when not exclusive). */
    private static <T> int firstAfter(T[] sorted, TraceSummary key, boolean exclusive,
            java.util.function.Function<T, TraceSummary> summary) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = NEWEST_FIRST.compare(summary.apply(sorted[mid]), key);
            if (c < 0 || (exclusive && c == 0)) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** A stand-in summary holding only a sort key. */
    private static TraceSummary key(double startTime, String id) {
        return new TraceSummary(id, startTime, 0, 0, false, false, false, false, null, java.util.Map.of(), List.of(),
                List.of(), null, false);
    }

    /** A blank expression matches every trace; a bad one throws FilterSyntaxException with its column. */
    static Filter compile(String expression) {
        return FilterParser.parse(expression);
    }

    private static String token(TraceSummary last) {
        String raw = last.startTime() + " " + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static TraceSummary readToken(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int space = raw.indexOf(' ');
            return key(Double.parseDouble(raw.substring(0, space)), raw.substring(space + 1));
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
