package io.xspy.tui;

import io.xspy.graph.ServiceGraph;
import io.xspy.graph.Statistics;
import io.xspy.table.ServiceTables;
import io.xspy.table.Table;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.Style;
import io.xspy.timeline.Text;
import java.util.ArrayList;
import java.util.List;

/** The first screen: the service map's nodes as a table, with the selected one's callers and callees below. */
final class ServicesScreen extends Views.Services implements Screen {

    /** The services table as {@code xspy services} prints it: one definition, columns sized to the screen. */
    private static final Table<ServiceGraph.Node> TABLE = ServiceTables.services();

    private final List<KeyMap.Binding> bindings = Lists.concat(
            KeyMap.movement((app, delta) -> move(delta)),
            List.of(KeyMap.hint("Enter", "open", (app, k) -> open(app)),
                    KeyMap.hint("/", "filter", (app, k) -> app.editFilter()),
                    KeyMap.hint("t", "time window", (app, k) -> app.open(new WindowScreen(app.span)))),
            // keys that open other screens: one line each in place of a slot (see package-info)
            // slot: a (analytics of the selected service, issue 10)
            List.of(KeyMap.bind("a", "analytics of the selected service's spans", (app, k) -> { if (current() != null) app.open(new AnalyticsScreen(AnalyticsScope.of(current()))); })),
            List.of(KeyMap.bind("m", "map (the services drawn as a graph; m again: the table)", (app, k) -> app.open(new MapScreen(this)))),
            //
            List.of());

    @Override public String title() { return "services"; }

    @Override public List<String> crumbs(App app, boolean front) { return List.of("Services"); }

    @Override public List<KeyMap.Binding> bindings() { return bindings; }

    @Override public String counts() { return loaded ? Fmt.count(nodes.size(), "service") : ""; }

    @Override public boolean reloadsLive() { return loaded; }

    private void open(App app) {
        if (current() != null) app.open(TracesScreen.of(current()));
    }

    @Override
    public void load(App app, boolean quiet) {
        io.xspy.query.TimeWindow w = app.window;
        app.loader.start("loading the service map", progress -> app.source.serviceGraph(w), graph -> {
            set(graph);
            if (!quiet || app.liveFailure()) app.info("");
        }, quiet ? app::liveError : app::error, quiet);
    }

    @Override
    public void draw(App app, Canvas c) {
        if (!loaded) {
            c.put(1, 1, app.loader.busy() ? "loading the service map..." : "no service map (r reloads)", Style.DIM);
            return;
        }
        if (nodes.isEmpty()) {
            c.put(1, 1, "no services in the last " + Fmt.span(app.span) + " (t changes the window, r reloads)", Style.DIM);
            return;
        }
        int w = c.width();
        int panelH = c.height() >= 12 ? Math.min(8, c.height() / 3) : 0;
        int listH = c.height() - 1 - panelH;
        int[] widths = TABLE.widths(w, 1);
        TABLE.header(c, 0, 0, widths, 1);
        int first = scroll(listH);
        for (int i = 0; i < listH && first + i < nodes.size(); i++) {
            int y = 1 + i;
            TABLE.row(c, 0, y, nodes.get(first + i), widths, 1);
            if (first + i == selected) c.restyle(0, y, w, Style.SELECTED);
        }
        if (panelH > 0 && current() != null) neighbours(app, c, c.height() - panelH, panelH);
    }

    /** Callers and callees of the selected service, with the edge's requests and mean time. */
    private void neighbours(App app, Canvas c, int y0, int h) {
        boolean ascii = app.ascii();
        ServiceGraph.Node n = current();
        c.fill(0, y0, c.width(), Symbols.horizontal(ascii), Style.DIM);
        c.put(2, y0, " " + n.id().name() + " ", Style.ACCENT);
        List<String[]> lines = new ArrayList<>();
        for (ServiceGraph.Edge e : graph.callersOf(n.referenceId())) lines.add(edge(graph, e, e.sourceId(), ascii ? "<-" : "\u2190", ascii));
        for (ServiceGraph.Edge e : graph.calleesOf(n.referenceId())) lines.add(edge(graph, e, e.targetId(), ascii ? "->" : "\u2192", ascii));
        if (lines.isEmpty()) lines.add(new String[] {"", "no callers or callees in the window", ""});
        int half = c.width() >= 100 ? 2 : 1;
        int per = h - 1;
        int colW = c.width() / half;
        for (int i = 0; i < lines.size() && i < per * half; i++) {
            int col = i / per;
            int y = y0 + 1 + i % per;
            String[] l = lines.get(i);
            int x = c.put(col * colW + 1, y, l[0] + " ", Style.ACCENT);
            // the figures stay whole; the name gets what is left of the column
            int nameRoom = Math.max(1, (col + 1) * colW - x - 1 - Text.width(l[2]));
            x = c.put(x, y, Text.truncate(Text.sanitize(l[1], ascii), nameRoom, ascii), Style.NORMAL);
            c.put(x + 1, y, l[2], Style.DIM);
        }
    }

    private static String[] edge(ServiceGraph g, ServiceGraph.Edge e, int otherId, String arrow, boolean ascii) {
        String name = ServiceTables.node(g, otherId);
        Statistics st = e.summary();
        // the table's p50 where the edge has a histogram (X-Ray always sends one), else the mean
        String time = e.responseTimes() != null && e.responseTimes().total() > 0
                ? "p50 " + ServiceTables.percentile(e.responseTimes(), 0.5, ascii)
                : "avg " + Fmt.duration(st.average(), ascii);
        return new String[] {arrow, name, Fmt.count(st.totalCount(), "request") + ", " + time};
    }
}
