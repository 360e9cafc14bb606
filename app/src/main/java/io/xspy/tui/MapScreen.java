package io.xspy.tui;

import io.xspy.graph.ServiceGraph;
import io.xspy.graph.Statistics;
import io.xspy.graph.layout.Layout;
import io.xspy.map.MapCursor;
import io.xspy.map.MapDrawing;
import io.xspy.map.MapRenderer;
import io.xspy.map.ServiceMap;
import io.xspy.table.ServiceTables;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.StatusMarks;
import io.xspy.timeline.Style;
import io.xspy.timeline.Text;
import java.util.List;

/**
 * The services screen drawn as a map: m on the table shows it, m again goes back. It lies over the
 * services page (an overlay), so the header, the loads and r stay the page's and the map redraws
 * whatever graph the page holds. ←→ follow the edges, ↑↓ move in a column, Enter opens the traces
 * of the selected service or edge; the status line names the selection in full.
 */
final class MapScreen implements Screen {

    private final ServicesScreen services;
    private MapCursor cursor;
    private ServiceGraph drawnGraph;
    private int drawnWidth;
    private boolean drawnAscii;
    /** The top-left cell of the map in view, when the map is larger than the screen. */
    private int left;
    private int top;

    private final List<KeyMap.Binding> bindings = List.of(
            new KeyMap.Binding(List.of("Left", "Right", "h", "l"),
                    "edges (follow them: from a box to its edge on that side, then to the box at its end)", 2, (app, k) -> horizontal(k)),
            KeyMap.bind("Up k", "box above in the column (on an edge: the box's edge above)", (app, k) -> vertical(-1)),
            KeyMap.bind("Down j", "box below in the column (on an edge: the box's edge below)", (app, k) -> vertical(1)),
            KeyMap.hint("Enter", "traces (of the selected service, or of the edge: edge(a, b))", (app, k) -> open(app)),
            KeyMap.hint("m", "table (the services as a table)", (app, k) -> app.close(this)),
            KeyMap.hint("/", "filter", (app, k) -> app.editFilter()),
            KeyMap.bind("t", "time window", (app, k) -> app.open(new WindowScreen(app.span))));

    MapScreen(ServicesScreen services) {
        this.services = services;
    }

    @Override public String title() { return "Service map"; }

    @Override public List<KeyMap.Binding> bindings() { return bindings; }

    /** Over the services page: its header, breadcrumb, loads and live reloads stay in charge. */
    @Override public boolean overlay() { return true; }

    @Override
    public void draw(App app, Canvas c) {
        if (!services.loaded || services.graph == null) {
            c.put(1, 1, app.loader.busy() ? "loading the service map..." : "no service map (r reloads)", Style.DIM);
            return;
        }
        if (services.graph.services().isEmpty()) {
            c.put(1, 1, "no services in the last " + Fmt.span(app.span) + " (t changes the window, r reloads)", Style.DIM);
            return;
        }
        redrawIfChanged(c.width(), app.ascii());
        MapDrawing d = cursor.drawing();
        Canvas map = MapRenderer.render(d.map(), d.layout(), app.ascii(), cursor.selection());
        keepInView(cursor.focus(), map.width(), map.height(), c.width(), c.height());
        c.draw(map, -left, -top);
    }

    /** The status line names the selection in full (boxes cut long names), unless a message or a load has it. */
    @Override
    public void drawBottom(App app, Canvas c, int hintsY, int statusY) {
        Screens.statusAndHints(app, c, hintsY, statusY, hints(app.ascii()));
        if (statusY < 0 || cursor == null || app.loader.progress() != null || !app.status.isEmpty()) return;
        if (services.graph == null || services.graph.services().isEmpty()) return;
        boolean ascii = app.ascii();
        ServiceMap map = cursor.drawing().map();
        String arrow = ascii ? " -> " : " \u2192 ";
        if (cursor.edge() >= 0) {
            ServiceMap.Edge e = map.edges().get(cursor.edge());
            ServiceMap.Node a = map.nodes().get(e.from());
            ServiceMap.Node b = map.nodes().get(e.to());
            describe(c, statusY, List.of(name(a) + arrow + name(b), shortName(a) + arrow + shortName(b), label(a, ascii) + arrow + label(b, ascii)),
                    e.summary(), e.responseTimes(), ascii);
        } else if (cursor.node() >= 0) {
            ServiceMap.Node n = map.nodes().get(cursor.node());
            describe(c, statusY, List.of(name(n), shortName(n), label(n, ascii)), n.summary(), n.responseTimes(), ascii);
        }
    }

    /** The mark, the first of the names that fits beside the figures (else the last, cut), the figures. */
    private static void describe(Canvas c, int y, List<String> names, Statistics s, io.xspy.graph.Histogram times, boolean ascii) {
        int x = c.put(0, y, StatusMarks.mark(s.status(), ascii) + " ", StatusMarks.style(s.status()));
        String figures = Fmt.count(s.totalCount(), "request")
                + (s.faultTotal() > 0 ? ", 5xx " + ServiceTables.percent(s.faultTotal(), s.totalCount()) + "%" : "")
                + (s.errorTotal() > 0 ? ", 4xx " + ServiceTables.percent(s.errorTotal(), s.totalCount()) + "%" : "")
                + (times != null && times.total() > 0
                        ? ", p50 " + ServiceTables.percentile(times, 0.5, ascii) + " p90 " + ServiceTables.percentile(times, 0.9, ascii) : "");
        int room = Math.max(10, c.width() - x - 2 - Text.width(figures));
        String what = names.get(names.size() - 1);
        for (String n : names) {
            if (Text.width(Text.sanitize(n, ascii)) <= room) {
                what = n;
                break;
            }
        }
        x = c.put(x, y, Text.truncate(Text.sanitize(what, ascii), room, ascii), Style.HEADER);
        c.put(x, y, "  " + figures, Style.NORMAL);
    }

    /** The name with the type less its "AWS::" prefix, as the box shows it. */
    private static String shortName(ServiceMap.Node n) {
        String type = n.type() == null ? "" : n.type().startsWith("AWS::") ? n.type().substring(5) : n.type();
        return n.collapsed() ? name(n) : n.name() + " (" + type + ")";
    }

    /** What the box's first line says: the name, or "12 × TYPE" for a collapsed node. */
    private static String label(ServiceMap.Node n, boolean ascii) {
        return n.collapsed() ? n.members().size() + (ascii ? " x " : " \u00D7 ") + n.type() : n.name();
    }

    private static String name(ServiceMap.Node n) {
        if (n.collapsed()) return n.members().size() + " services of type " + n.type();
        return n.name() + " (" + n.type() + ")";
    }

    private void redrawIfChanged(int width, boolean ascii) {
        if (cursor != null && services.graph == drawnGraph && width == drawnWidth && ascii == drawnAscii) return;
        MapDrawing d = MapDrawing.of(services.graph, width, ascii, false);
        if (cursor == null) {
            ServiceGraph.Node current = services.current();
            cursor = new MapCursor(d, current == null ? 0 : Math.max(0, d.map().nodeOf(current.referenceId())));
        } else {
            cursor.redraw(d);
        }
        drawnGraph = services.graph;
        drawnWidth = width;
        drawnAscii = ascii;
    }

    /** Scrolls as little as needed to show the focus (its start first, when it is larger than the view). */
    private void keepInView(Layout.Rect f, int mapW, int mapH, int viewW, int viewH) {
        if (f.right() >= left + viewW) left = f.right() - viewW + 1;
        if (f.x() < left) left = f.x();
        if (f.bottom() >= top + viewH) top = f.bottom() - viewH + 1;
        if (f.y() < top) top = f.y();
        left = Math.max(0, Math.min(left, mapW - viewW));
        top = Math.max(0, Math.min(top, mapH - viewH));
    }

    private void horizontal(Key k) {
        if (cursor == null) return;
        cursor.horizontal(k.name().equals("Left") || k.name().equals("h") ? -1 : 1);
        followInTable();
    }

    private void vertical(int delta) {
        if (cursor == null) return;
        cursor.vertical(delta);
        followInTable();
    }

    /** The table selects the map's service, so m back to the table keeps the place. */
    private void followInTable() {
        if (cursor.node() < 0) return;
        ServiceMap.Node n = cursor.drawing().map().nodes().get(cursor.node());
        int ref = n.members().get(0).referenceId();
        for (int i = 0; i < services.nodes.size(); i++) if (services.nodes.get(i).referenceId() == ref) services.select(i);
    }

    private void open(App app) {
        if (cursor == null) return;
        ServiceMap map = cursor.drawing().map();
        if (cursor.edge() >= 0) {
            ServiceMap.Edge e = map.edges().get(cursor.edge());
            String title = map.nodes().get(e.from()).name() + (app.ascii() ? " -> " : " \u2192 ") + map.nodes().get(e.to()).name();
            app.open(new TracesScreen(title, "edge(" + selector(map.nodes().get(e.from())) + ", " + selector(map.nodes().get(e.to())) + ")"));
        } else if (cursor.node() >= 0) {
            ServiceMap.Node n = map.nodes().get(cursor.node());
            app.open(n.collapsed() ? new TracesScreen(n.type(), "service(" + selector(n) + ")") : TracesScreen.of(n.members().get(0)));
        }
    }

    /** The filter language's id() of a node, as the table's Enter writes it; a collapsed node matches its type. */
    static String selector(ServiceMap.Node n) {
        if (n.collapsed()) return "id(type: " + quote(n.type()) + ")";
        ServiceGraph.Node s = n.members().get(0);
        return "id(name: " + quote(s.id().name()) + ", type: " + quote(s.id().type()) + ")";
    }

    private static String quote(String s) {
        return "\"" + (s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
    }
}
