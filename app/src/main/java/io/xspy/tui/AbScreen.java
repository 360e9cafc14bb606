package io.xspy.tui;

import io.xspy.query.Filter;
import io.xspy.query.FilterSyntaxException;
import io.xspy.query.TimeWindow;
import io.xspy.stats.Comparison;
import io.xspy.stats.Distribution;
import io.xspy.stats.Group;
import io.xspy.stats.PathComparison;
import io.xspy.stats.PathStats;
import io.xspy.stats.SpanPath;
import io.xspy.stats.SpanSelector;
import io.xspy.stats.SpanStats;
import io.xspy.stats.Split;
import io.xspy.statsview.AbOverlayView;
import io.xspy.statsview.Stack;
import io.xspy.statsview.StatsReport;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.Style;
import io.xspy.timeline.Text;
import io.xspy.trace.Trace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Two sets of traces side by side for one span path (issue 10 §2): set A is the Analytics screen's
 * (its filter over the window), set B a second filter over the same window ({@code /}), or the window
 * is divided at a moment ({@code t}: A before it, B from it on; with a B filter too, B is that filter's
 * traces from the moment on). Shows both histograms on one set of buckets (side by side, then
 * overlaid by {@link AbOverlayView}), each percentile's
 * difference with its 95% interval, the fault and error rates' and, in plain words, what changed,
 * drawn by {@link StatsReport#comparison} as {@code xspy stats --split-at} prints it.
 */
final class AbScreen implements Screen {

    /** The overlay's buckets: as many as the histograms above it have. */
    private static final int OVERLAY_BUCKETS = 10;

    private final AnalyticsData data;
    private final String filterA;
    private final TimeWindow window;
    private int selected;
    /** B's own filter, or null (B is A's filter). */
    private String filterB;
    private AnalyticsSample sampleB;
    /** Where the window is divided, or null. */
    private Instant at;
    private PathComparison result;
    private String nameA;
    private String nameB;
    private Canvas report;
    private int reportWidth;
    private int scroll;
    private final List<String> moments = new ArrayList<>();

    private final List<KeyMap.Binding> bindings = List.of(
            KeyMap.hint("t", "split at a moment (A before it, B from it on: a deploy, a fix)", (app, k) -> editMoment(app)),
            KeyMap.hint("/", "filter of set B (over the same window; empty: A's filter)", (app, k) -> editFilterB(app)),
            KeyMap.bind("Up k", "previous span path", (app, k) -> select(app, selected - 1)),
            KeyMap.bind("Down j", "next span path", (app, k) -> select(app, selected + 1)),
            KeyMap.bind("PgDn Ctrl-F Space", "scroll down", (app, k) -> scroll += app.pageRows()),
            KeyMap.bind("PgUp Ctrl-B", "scroll up", (app, k) -> scroll = Math.max(0, scroll - app.pageRows())));

    AbScreen(AnalyticsData data, int selected, String filterA, TimeWindow window) {
        this.data = data;
        this.selected = selected;
        this.filterA = filterA;
        this.window = window;
    }

    @Override public String title() { return "A/B"; }

    @Override public List<KeyMap.Binding> bindings() { return bindings; }

    @Override public List<String> crumbs(App app, boolean front) { return List.of("A/B"); }

    @Override public String filter() { return filterA; }

    @Override public String counts() { return data.sample.describe(); }

    private SpanPath path() {
        return data.paths.get(selected).path();
    }

    /** r: B's traces again (A's are the Analytics screen's). */
    @Override
    public void load(App app, boolean quiet) {
        sampleB = null;
        compare(app);
    }

    private void select(App app, int index) {
        int next = Math.max(0, Math.min(data.paths.size() - 1, index));
        if (next == selected) return;
        selected = next;
        scroll = 0;
        compare(app);
    }

    private void editMoment(App app) {
        String initial = at == null ? "" : Fmt.clock(at, app.clock.getZone());
        app.open(new PromptScreen(new Prompt(Prompt.Kind.MOMENT, initial, moments), (a, p, text) -> {
            if (text.isEmpty()) {
                at = null;
            } else {
                try {
                    at = AbMoment.parse(text, window, a.clock.getZone());
                } catch (IllegalArgumentException e) {
                    p.prompt.error = e.getMessage();
                    return;
                }
            }
            a.close(p);
            compare(a);
        }));
    }

    private void editFilterB(App app) {
        app.open(new PromptScreen(new Prompt(Prompt.Kind.FILTER, filterB == null ? "" : filterB, app.filterHistory), (a, p, text) -> {
            try {
                if (!text.isEmpty()) a.source.checkFilter(text);
            } catch (FilterSyntaxException e) {
                p.prompt.error = e.getMessage();
                p.prompt.errorColumn = e.column();
                return;
            }
            a.close(p);
            Prompt.remember(a.filterHistory, text);
            filterB = text.isEmpty() ? null : text;
            sampleB = null;
            compare(a);
        }));
    }

    private record Result(AnalyticsSample sampleB, PathComparison comparison) {}

    /** Computes A against B for the selected path on the loader's thread (B's traces loaded first if need be). */
    private void compare(App app) {
        if (filterB == null && at == null) {
            result = null;
            report = null;
            return;
        }
        SpanPath path = path();
        String fB = filterB;
        AnalyticsSample haveB = sampleB;
        Instant cut = at;
        List<Trace> tracesA = data.sample.traces();
        app.loader.start(fB != null && haveB == null ? "listing set B's traces" : "comparing", progress -> {
            AnalyticsSample b = fB == null ? null : haveB != null ? haveB : AnalyticsSample.load(app.source, window, fB, progress);
            progress.report("comparing A and B");
            double cutSeconds = cut == null ? Double.NaN : cut.getEpochSecond() + cut.getNano() / 1e9;
            List<Trace> setA = new ArrayList<>();
            List<Trace> setB = new ArrayList<>();
            for (Trace t : tracesA) {
                if (cut == null || t.startTime() < cutSeconds) setA.add(t);
                else if (b == null) setB.add(t);
            }
            if (b != null) for (Trace t : b.traces()) if (cut == null || t.startTime() >= cutSeconds) setB.add(t);
            return new Result(b, new PathComparison(path, Comparison.of(group(setA, path), group(setB, path))));
        }, r -> {
            sampleB = r.sampleB;
            result = r.comparison;
            report = null;
            String when = at == null ? "" : Fmt.clock(at, app.clock.getZone());
            nameA = join(filterA.isEmpty() ? (at == null ? "all traces" : "") : "filter " + filterA, at == null ? "" : "before " + when);
            nameB = join(filterB == null ? "" : "filter " + filterB, at == null ? "" : "from " + when);
            app.info(sampleB == null ? "" : "B: " + sampleB.describe());
        }, app::error);
    }

    /** Every span of the path in these traces, or none. */
    private static Group group(List<Trace> traces, SpanPath path) {
        PathStats p = SpanStats.compute(traces, Filter.ALL, SpanSelector.of(path.display(true)), Split.NONE).path(path);
        return p == null ? new Group(Group.ALL, Distribution.EMPTY, 0, 0) : p.all();
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + ", " + b;
    }

    @Override
    public void draw(App app, Canvas c) {
        boolean ascii = app.ascii();
        int w = c.width();
        if (result == null) {
            c.put(0, 0, Text.truncate(Text.sanitize(path().display(ascii), ascii), w, ascii), Style.HEADER);
            c.put(2, 1, Text.truncate("A: " + (filterA.isEmpty() ? "all traces" : "filter " + filterA) + " ("
                    + data.sample.describe() + ")", w - 2, ascii), Style.NORMAL);
            if (app.loader.busy()) {
                c.put(2, 3, "comparing...", Style.DIM);
                return;
            }
            c.put(2, 3, "Choose set B:", Style.NORMAL);
            c.put(4, 4, "t", Style.ACCENT);
            c.put(6, 4, Text.truncate("split the window at a moment: A before it, B from it on (a deploy, a fix)", w - 6, ascii), Style.NORMAL);
            c.put(4, 5, "/", Style.ACCENT);
            c.put(6, 5, Text.truncate("a second filter expression for B, over the same window", w - 6, ascii), Style.NORMAL);
            c.put(4, 6, "j k", Style.ACCENT);
            c.put(8, 6, Text.truncate("another span path (" + (selected + 1) + " of " + data.paths.size() + ")", w - 8, ascii), Style.NORMAL);
            return;
        }
        if (report == null || reportWidth != w) {
            report = Stack.vertical(List.of(StatsReport.comparison(result, nameA, nameB, w, ascii),
                    AbOverlayView.render(result.comparison(), w, OVERLAY_BUCKETS, ascii)), w, 1, ascii);
            reportWidth = w;
        }
        scroll = Math.max(0, Math.min(scroll, report.height() - c.height()));
        c.draw(report, 0, -scroll);
        if (scroll + c.height() < report.height()) {
            String more = (ascii ? "v" : "\u2193") + " more (PgDn)";
            c.put(w - Text.width(more), c.height() - 1, more, Style.DIM);
        }
    }
}
