package io.xspy.tui;

import io.xspy.graph.ServiceGraph;
import io.xspy.query.TimeWindow;
import io.xspy.source.Page;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.Style;
import io.xspy.timeline.Text;
import io.xspy.trace.Status;
import io.xspy.trace.TraceSummary;
import java.util.ArrayList;
import java.util.List;

/** A list of traces matching a filter: loads page by page as you scroll, sorts by time, duration, response or status. */
final class TracesScreen extends Views.Traces implements Screen {

    private final List<KeyMap.Binding> bindings = Lists.concat(
            KeyMap.movement((app, delta) -> moveAndLoad(app, delta)),
            List.of(KeyMap.hint("Enter", "open", (app, k) -> open(app)),
                    KeyMap.hint("s", "sort", (app, k) -> sort(app)),
                    KeyMap.hint("/", "filter", (app, k) -> app.editFilter()),
                    KeyMap.hint("t", "time window", (app, k) -> app.open(new WindowScreen(app.span))),
                    KeyMap.bind("y", "copy the selected trace id to the clipboard", (app, k) -> copy(app))),
            // keys that open other screens: one line each in place of a slot (see package-info)
            // slot: a (analytics, issue 10)
            List.of(KeyMap.bind("a", "analytics of these traces' spans", (app, k) -> app.open(new AnalyticsScreen(AnalyticsScope.ofFilter(filter))))),
            // slot: m (mark the selected trace, issue 10)
            List.of(KeyMap.bind("m", "mark the selected trace (A), to compare another with it",
                    (app, k) -> DiffScreen.mark(app, current() == null ? null : current().id()))),
            // slot: c (compare with the marked trace, issue 10)
            List.of(KeyMap.bind("c", "compare the selected trace with the marked one (A) side by side",
                    (app, k) -> DiffScreen.compare(app, current() == null ? null : current().id()))),
            List.of());

    /** The service whose traces these are, where a trace opens on its node; null for a filter's list. */
    private final TraceScreen.Landing landing;

    TracesScreen(String title, String filter) {
        this(title, filter, null);
    }

    TracesScreen(String title, String filter, TraceScreen.Landing landing) {
        super(title, filter);
        this.landing = landing;
    }

    /** The traces of one service, as Enter on the services screen opens them. */
    static TracesScreen of(ServiceGraph.Node n) {
        return new TracesScreen(n.id().name(), serviceFilter(n), new TraceScreen.Landing(n.id().name(), n.id().type()));
    }

    static String serviceFilter(ServiceGraph.Node n) {
        return "service(id(name: \"" + escape(n.id().name()) + "\", type: \"" + escape(n.id().type()) + "\"))";
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override public String title() { return "traces"; }

    @Override public List<KeyMap.Binding> bindings() { return bindings; }

    @Override public List<String> crumbs(App app, boolean front) { return List.of(title); }

    @Override public String filter() { return filter; }

    @Override
    public String counts() {
        if (!loaded) return "";
        return nextToken != null ? items.size() + "+ traces" : Fmt.count(items.size(), "trace");
    }

    @Override public boolean reloadsLive() { return loaded; }

    private void moveAndLoad(App app, int delta) {
        move(delta);
        if (nextToken != null && !app.loader.busy() && selected >= items.size() - app.pageRows()) load(app, true, false);
    }

    private void open(App app) {
        if (current() != null) app.open(new TraceScreen(current().id(), landing));
    }

    private void copy(App app) {
        if (current() != null) app.copy("trace id", current().id(), true);
    }

    private void sort(App app) {
        sort = sort.next();
        resort(current() == null ? null : current().id());
        // an order other than time needs every match, not the pages loaded so far
        if (sort != Views.Sort.TIME && nextToken != null && !app.loader.busy()) load(app, true, false);
        else app.info(sortedBy());
    }

    private record Batch(List<TraceSummary> items, String next) {}

    @Override
    public void load(App app, boolean quiet) {
        load(app, false, quiet);
    }

    /** Loads a page more, or the list again; a quiet reload (live) loads as many as are shown. */
    private void load(App app, boolean more, boolean quiet) {
        TimeWindow w = app.window;
        String f = filter;
        String startToken = more ? nextToken : null;
        int have = more ? items.size() : 0;
        boolean all = sort != Views.Sort.TIME;
        int target = all ? Math.max(App.SORT_CAP, have + App.PAGE_TARGET) : Math.max(have + App.PAGE_TARGET, quiet ? items.size() : 0);
        String sortLabel = sort.label;
        app.loader.start(all ? "loading every matching trace to sort by " + sortLabel : "loading traces", progress -> {
            List<TraceSummary> got = new ArrayList<>();
            String token = startToken;
            do {
                progress.report(all ? "loading every matching trace to sort by " + sortLabel + ": " + (have + got.size())
                        + " so far (at most " + target + ")" : "loading " + (have + got.size()) + "/" + target + " traces");
                Page<TraceSummary> page = app.source.traceSummaries(w, f, token);
                got.addAll(page.items());
                token = page.nextToken();
            } while (token != null && have + got.size() < target && !progress.cancelled());
            return new Batch(got, token);
        }, batch -> {
            if (more) add(batch.items, batch.next);
            else replace(batch.items, batch.next);
            if (this != app.top()) return;
            if (sort != Views.Sort.TIME && nextToken != null && items.size() < App.SORT_CAP) {
                load(app, true, false); // sorted while this page loaded: the order needs the rest too
                return;
            }
            if (quiet) {
                if (app.liveFailure()) app.info("");
                return;
            }
            if (items.isEmpty()) app.info("no traces match in the last " + Fmt.span(app.span));
            else if (all) app.info(sortedBy());
            else if (!more) app.info("");
        }, quiet ? app::liveError : app::error, quiet);
    }

    private String sortedBy() {
        String s = "sorted by " + sort.label;
        if (sort != Views.Sort.TIME && nextToken != null) {
            s += " (the first " + items.size() + " matches; narrow the filter or the window to sort the rest)";
        }
        return s;
    }

    @Override
    public void draw(App app, Canvas c) {
        boolean ascii = app.ascii();
        int w = c.width();
        int idW = w >= 120 ? 35 : 18;
        int durW = 9;
        String arrow = Symbols.down(ascii);
        int x = c.put(0, 0, "   " + Text.padRight("start", 15, ascii) + Text.padRight("trace id", idW + 1, ascii), Style.HEADER);
        x = c.put(x, 0, Text.padLeft(sort == Views.Sort.DURATION ? arrow + "duration" : "duration", durW, ascii), Style.HEADER);
        x = c.put(x, 0, Text.padLeft(sort == Views.Sort.RESPONSE ? arrow + "response" : "response", durW, ascii), Style.HEADER);
        x = c.put(x, 0, " " + Text.padRight(sort == Views.Sort.STATUS ? arrow + "status" : "status", 9, ascii), Style.HEADER);
        c.put(x, 0, "request", Style.HEADER);
        if (sort == Views.Sort.TIME) c.put(2, 0, arrow, Style.HEADER);
        if (!loaded) {
            c.put(1, 2, app.loader.busy() ? "loading traces..." : "no traces loaded (r reloads)", Style.DIM);
            return;
        }
        if (items.isEmpty()) {
            c.put(1, 2, "no traces match in the last " + Fmt.span(app.span) + " (t changes the window, / the filter)", Style.DIM);
            return;
        }
        int listH = c.height() - 2;
        int first = scroll(listH);
        for (int i = 0; i < listH && first + i < items.size(); i++) {
            row(app, c, 1 + i, items.get(first + i), idW, durW);
            if (first + i == selected) c.restyle(0, 1 + i, w, Style.SELECTED);
        }
        String foot = Fmt.count(items.size(), "trace") + ", sorted by " + sort.label
                + (nextToken != null ? "; more load as you scroll" : "; all loaded");
        c.put(0, c.height() - 1, foot, Style.DIM);
    }

    private static void row(App app, Canvas c, int y, TraceSummary t, int idW, int durW) {
        boolean ascii = app.ascii();
        Status st = t.status();
        c.put(0, y, Symbols.status(st, ascii), Symbols.style(st));
        if (t.coldStart()) c.put(1, y, Symbols.cold(ascii), Style.COLD);
        if (t.id().equals(app.markedTrace)) c.put(2, y, DiffScreen.markSymbol(ascii), Style.ACCENT);
        int cx = c.put(3, y, Fmt.dayClock(t.startTime(), app.clock.getZone()) + " ", Style.NORMAL);
        cx = c.put(cx, y, Text.padRight(Fmt.middle(Text.sanitize(t.id(), ascii), idW, ascii), idW, ascii) + " ", Style.DIM);
        cx = c.put(cx, y, Text.padLeft(Fmt.duration(t.duration(), ascii), durW, ascii), Style.NORMAL);
        cx = c.put(cx, y, Text.padLeft(Fmt.duration(t.responseTime(), ascii), durW, ascii), Style.NORMAL);
        cx = c.put(cx, y, " " + Text.padRight(Symbols.word(st) + (t.isPartial() ? "*" : ""), 9, ascii), Symbols.style(st));
        StringBuilder req = new StringBuilder();
        if (t.http().method() != null) req.append(t.http().method()).append(' ');
        if (t.http().url() != null) req.append(t.http().url());
        else if (t.entryPoint() != null) req.append(t.entryPoint().name());
        if (t.http().status() != null) req.append(' ').append(t.http().status());
        c.put(cx, y, Text.truncate(Text.sanitize(req.toString(), ascii), Math.max(0, c.width() - cx), ascii), Style.NORMAL);
    }
}
