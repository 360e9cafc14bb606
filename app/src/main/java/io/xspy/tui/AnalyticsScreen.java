package io.xspy.tui;

import io.xspy.query.TimeWindow;
import io.xspy.stats.PathStats;
import io.xspy.stats.SpanPath;
import io.xspy.stats.Split;
import io.xspy.statsview.AnalyticsView;
import io.xspy.statsview.Stack;
import io.xspy.table.Table;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.Style;
import io.xspy.timeline.Text;
import java.util.List;

/**
 * Span statistics across the traces of a filter (issue 10): a list of span paths (n, p50, p95) and,
 * for the selected one, its summary per group of the split, histogram, percentiles per minute and the
 * part-whole bars of its Lambda function, drawn by io.xspy.statsview as {@code xspy stats} prints
 * them. Loads and computes on the loader's thread; a frame only copies the report it drew last.
 * From a local source with many traces, the first screen shows the newest {@link AnalyticsSample#FIRST}
 * and says it is reading the rest, which a quiet load then adds (Esc still goes back at once).
 */
final class AnalyticsScreen implements Screen {

    private static final Table<AnalyticsView.PathRow> PATHS = AnalyticsView.paths();

    final AnalyticsScope scope;
    private final int first;
    private AnalyticsData data;
    /** The breakdowns and the splits of data's sample, computed after it (null until then). */
    private AnalyticsExtras extras;
    /** The sample whose extras failed: not tried again on every frame. */
    private AnalyticsSample extrasFailed;
    /** The first part whose rest failed to read: not tried again on every frame. */
    private AnalyticsData restFailed;
    /** The window the data was listed over: the rest of a first part is listed over the same. */
    private TimeWindow window;
    /** Whether the user moved the cursor since the screen opened (else new data starts on the scope's path). */
    private boolean moved;
    private Split split = Split.COLD;
    private int selected;
    private int listTop;
    private int scroll;
    /** The report of the selected path, drawn once per path, width and data. */
    private Canvas report;
    private AnalyticsData reportData;
    private int reportPath = -1;
    private int reportWidth;

    private final List<KeyMap.Binding> bindings = List.of(
            KeyMap.bind("Up k", "previous span path", (app, k) -> select(selected - 1)),
            KeyMap.bind("Down j", "next span path", (app, k) -> select(selected + 1)),
            KeyMap.bind("Home g", "first span path", (app, k) -> select(0)),
            KeyMap.bind("End G", "last span path", (app, k) -> select(Integer.MAX_VALUE / 2)),
            KeyMap.hint("PgDn Ctrl-F Space", "more (scroll the report down)", (app, k) -> scroll += app.pageRows()),
            KeyMap.bind("PgUp Ctrl-B", "scroll the report up", (app, k) -> scroll = Math.max(0, scroll - app.pageRows())),
            KeyMap.hint("b", "split by (cold, each annotation, version, runtime, none in turn)", (app, k) -> nextSplit(app)),
            KeyMap.hint("B", "A/B (this set against a second filter, or before against after a moment)",
                    (app, k) -> openAb(app)));

    AnalyticsScreen(AnalyticsScope scope) {
        this(scope, AnalyticsSample.FIRST);
    }

    /** @param first how many of a local source's newest traces the first screen shows before the rest are read */
    AnalyticsScreen(AnalyticsScope scope, int first) {
        this.scope = scope;
        this.first = first;
    }

    @Override public String title() { return "analytics"; }

    @Override public List<KeyMap.Binding> bindings() { return bindings; }

    @Override public List<String> crumbs(App app, boolean front) { return List.of("analytics: " + scope.title()); }

    @Override public String counts() { return data == null ? "" : data.sample.describe(); }

    @Override public String filter() { return scope.filter(); }

    PathStats current() {
        return data == null || data.paths.isEmpty() ? null : data.paths.get(selected);
    }

    @Override
    public void load(App app, boolean quiet) {
        Split s = split;
        TimeWindow w = app.window;
        app.loader.start("listing the matching traces", progress -> {
            AnalyticsSample sample = AnalyticsSample.first(app.source, w, scope.filter(), first, progress);
            progress.report("computing the statistics of " + sample.describe());
            return AnalyticsData.compute(sample, scope, s);
        }, d -> {
            window = w;
            set(d);
            extras = null;
            app.info(d.sample.describe());
            if (d.sample.complete()) computeExtras(app);
            else readRest(app);
        }, app::error);
    }

    /**
     * The traces after the first part and the statistics of all, as a quiet load: the first part stays
     * on screen meanwhile, Esc still goes back, and a frame with no load starts it again if another
     * load came first.
     */
    private void readRest(App app) {
        if (data == null || data.sample.complete()) return;
        AnalyticsData part = data;
        TimeWindow w = window;
        app.loader.start("", progress -> AnalyticsData.complete(part, part.sample.rest(app.source, w, scope.filter(), progress), scope),
                d -> {
                    if (data != part) return;
                    set(d);
                    app.info(d.sample.describe());
                    computeExtras(app);
                }, message -> {
                    restFailed = part;
                    app.error("reading the rest of the traces: " + message);
                }, true);
    }

    /**
     * Where the time goes and the annotation names, after the statistics are shown: a quiet load, so
     * Esc still goes back and any other load comes first (the next frame with no load starts it again).
     */
    private void computeExtras(App app) {
        if (extras != null || data == null || !data.sample.complete()) return;
        AnalyticsSample sample = data.sample;
        app.loader.start("", progress -> AnalyticsExtras.compute(sample), e -> {
            if (data == null || data.sample != sample) return;
            extras = e;
            report = null;
        }, message -> {
            extrasFailed = sample;
            app.error("where the time goes: " + message);
        }, true);
    }

    private void nextSplit(App app) {
        if (data == null) return;
        if (!data.sample.complete()) {
            app.info("wait for the statistics of every trace (reading the rest)");
            return;
        }
        AnalyticsData before = data;
        Split next = AnalyticsExtras.next(extras == null ? AnalyticsExtras.BASIC_SPLITS : extras.splits(), before.split);
        app.loader.start("splitting by " + words(next), progress -> AnalyticsData.compute(before.sample, scope, next),
                d -> {
                    set(d);
                    app.info("split by " + words(next));
                }, app::error);
    }

    private void openAb(App app) {
        if (data != null && !data.sample.complete()) app.info("wait for the statistics of every trace (reading the rest)");
        else if (current() != null) app.open(new AbScreen(data, selected, scope.filter(), app.window));
        else app.info(data == null ? "wait for the statistics (or r to load them)" : "no span path to compare");
    }

    /** New data: the same path stays selected once the user moved, else the scope's path (or the first). */
    private void set(AnalyticsData d) {
        SpanPath keep = !moved ? scope.select() : current() == null ? null : current().path();
        data = d;
        split = d.split;
        selected = 0;
        if (keep != null && d.indexOf(keep) >= 0) selected = d.indexOf(keep);
        report = null;
    }

    private void select(int index) {
        if (data == null || data.paths.isEmpty()) return;
        int next = Math.max(0, Math.min(data.paths.size() - 1, index));
        if (next != selected) scroll = 0;
        moved = true;
        selected = next;
    }

    static String words(Split s) {
        return s.kind() == Split.Kind.NONE ? "nothing" : s.label();
    }

    @Override
    public void draw(App app, Canvas c) {
        boolean ascii = app.ascii();
        int w = c.width();
        if (data == null) {
            c.put(1, 1, app.loader.busy() ? "loading the traces for the statistics..." : "no statistics loaded (r reloads)", Style.DIM);
            return;
        }
        String dot = " " + Symbols.vertical(ascii) + " ";
        String traces = data == restFailed ? "newest " + Fmt.count(data.sample.traces().size(), "trace") + " only (r reads all)" : data.sample.describe();
        c.put(0, 0, Text.truncate(traces + dot + "split by " + words(data.split) + dot
                + Fmt.count(data.paths.size(), "span path"), w, ascii), Style.DIM);
        if (data.paths.isEmpty()) {
            c.put(1, 2, "no spans in these traces (t on the services changes the window, r reloads)", Style.DIM);
            return;
        }
        int listH = Math.min(data.paths.size(), Math.max(2, (c.height() - 2) / 4));
        if (selected < listTop) listTop = selected;
        if (selected >= listTop + listH) listTop = selected - listH + 1;
        listTop = Math.max(0, Math.min(listTop, data.paths.size() - listH));
        int[] widths = PATHS.widths(w - 2, 2);
        PATHS.header(c, 2, 1, widths, 2);
        for (int i = 0; i < listH; i++) {
            int index = listTop + i;
            PATHS.row(c, 2, 2 + i, new AnalyticsView.PathRow(data.paths.get(index), data.p50[index], data.p95[index]), widths, 2);
            if (index == selected) c.restyle(0, 2 + i, w, Style.SELECTED);
        }
        if (listTop + listH < data.paths.size()) c.put(0, 1 + listH, Symbols.down(ascii), Style.DIM);
        if (app.loader.idle()) { // a quiet load gave way to another before: start it again
            if (!data.sample.complete() && data != restFailed) readRest(app);
            else if (extras == null && data.sample != extrasFailed) computeExtras(app);
        }
        int y0 = 3 + listH;
        int room = c.height() - y0;
        if (room <= 0) return;
        Canvas r = report(app, w);
        scroll = Math.max(0, Math.min(scroll, r.height() - room));
        Canvas view = new Canvas(w, room, ascii);
        view.draw(r, 0, -scroll);
        c.draw(view, 0, y0);
        if (scroll + room < r.height()) {
            String more = (ascii ? "v" : "\u2193") + " more (PgDn)";
            c.put(w - Text.width(more), c.height() - 1, more, Style.DIM);
        }
    }

    private Canvas report(App app, int width) {
        if (report == null || reportData != data || reportPath != selected || reportWidth != width) {
            PathStats p = data.paths.get(selected);
            boolean ascii = app.ascii();
            report = AnalyticsView.path(p, extras == null ? null : extras.breakdowns().get(p.path().service()),
                    data.stats.firstStart(), data.stats.lastStart(), width, ascii);
            if (extras == null) {
                Canvas pending = new Canvas(width, 2, ascii);
                pending.put(0, 1, "where the time goes: computing...", Style.DIM);
                report = Stack.vertical(List.of(report, pending), width, 0, ascii);
            }
            reportData = data;
            reportPath = selected;
            reportWidth = width;
        }
        return report;
    }
}
