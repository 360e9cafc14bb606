package io.xspy.map;

import io.xspy.graph.Statistics;
import io.xspy.graph.layout.Layout;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.StatusMarks;
import io.xspy.timeline.Style;
import io.xspy.timeline.Text;
import io.xspy.trace.Status;
import java.util.List;

/**
 * Draws a laid-out service map on a canvas: boxes with the node's text, edges as lines that join
 * where they meet (box drawing, or {@code + - |} in ASCII), an arrowhead at each target, a problem
 * node's border and a problem edge in the colour of its health; the mark inside the box says the
 * same without colour. All text goes through the canvas, which sanitizes it.
 */
public final class MapRenderer {

    /** What is selected: a node, an edge (indices into the map), or nothing (-1). */
    public record Selection(int node, int edge) {
        public static final Selection NONE = new Selection(-1, -1);

        public static Selection node(int node) {
            return new Selection(node, -1);
        }

        public static Selection edge(int edge) {
            return new Selection(-1, edge);
        }
    }

    private static final int UP = 1;
    private static final int DOWN = 2;
    private static final int LEFT = 4;
    private static final int RIGHT = 8;
    /** Box-drawing character by the directions a cell's line goes (UP|DOWN|LEFT|RIGHT bits). */
    private static final String LINES = " \u2502\u2502\u2502\u2500\u2518\u2510\u2524\u2500\u2514\u250C\u251C\u2500\u2534\u252C\u253C";

    /** The same in heavy lines, for the selected edge: it stands out without colour too. */
    private static final String HEAVY = " \u2503\u2503\u2503\u2501\u251B\u2513\u252B\u2501\u2517\u250F\u2523\u2501\u253B\u2533\u254B";

    private MapRenderer() {}

    /** The map on a canvas of the layout's size. */
    public static Canvas render(ServiceMap map, Layout layout, boolean ascii, Selection selection) {
        Canvas canvas = new Canvas(layout.width(), layout.height(), ascii);
        drawEdges(canvas, map, layout, ascii, selection);
        for (int i = 0; i < map.nodes().size(); i++) drawBox(canvas, map, layout, i, ascii, i == selection.node());
        drawPorts(canvas, map, layout, ascii);
        return canvas;
    }

    /** One line that says what the marks mean and what a box shows. */
    public static String legend(boolean ascii) {
        return "! fault  ? error  ~ throttle  " + StatusMarks.mark(Status.OK, ascii) + " ok    box: service, type, requests/s, p90";
    }

    private static void drawEdges(Canvas canvas, ServiceMap map, Layout layout, boolean ascii, Selection selection) {
        int w = layout.width();
        int[] bits = new int[w * layout.height()];
        Style[] style = new Style[bits.length];
        int[] rank = new int[bits.length];
        boolean[] heavy = new boolean[bits.length];
        for (int e = 0; e < map.edges().size(); e++) {
            List<Layout.Point> cells = layout.routes().get(e).cells();
            if (e == selection.edge()) for (Layout.Point p : cells) heavy[p.y() * w + p.x()] = true;
            Style s = e == selection.edge() ? Style.ACCENT : edgeStyle(map.edges().get(e).summary());
            int r = e == selection.edge() ? 5 : severity(map.edges().get(e).summary().status());
            for (int i = 0; i < cells.size(); i++) {
                Layout.Point p = cells.get(i);
                int k = p.y() * w + p.x();
                if (i > 0) bits[k] |= direction(p, cells.get(i - 1));
                if (i + 1 < cells.size()) bits[k] |= direction(p, cells.get(i + 1));
                // the ends reach into the boxes' sides
                if (i == 0) bits[k] |= towardsBox(p, layout.boxes().get(map.edges().get(e).from()));
                if (i == cells.size() - 1) bits[k] |= towardsBox(p, layout.boxes().get(map.edges().get(e).to()));
                if (style[k] == null || r > rank[k]) {
                    style[k] = s;
                    rank[k] = r;
                }
            }
        }
        for (int k = 0; k < bits.length; k++) {
            if (bits[k] != 0) canvas.put(k % w, k / w, line(bits[k], ascii, heavy[k]), style[k]);
        }
        for (int e = 0; e < map.edges().size(); e++) {
            Layout.Point a = layout.routes().get(e).arrow();
            if (a == null) continue;
            Layout.Rect target = layout.boxes().get(map.edges().get(e).to());
            boolean right = a.x() < target.x();
            String head = ascii ? (right ? ">" : "<") : (right ? "\u25B6" : "\u25C0");
            int k = a.y() * w + a.x();
            canvas.put(a.x(), a.y(), head, style[k]);
        }
    }

    /** A side of a box where an edge leaves shows a tee, so the line visibly starts there. */
    private static void drawPorts(Canvas canvas, ServiceMap map, Layout layout, boolean ascii) {
        for (int e = 0; e < map.edges().size(); e++) {
            List<Layout.Point> cells = layout.routes().get(e).cells();
            if (cells.isEmpty()) continue;
            Layout.Point p = cells.get(0);
            Layout.Rect source = layout.boxes().get(map.edges().get(e).from());
            int x = p.x() == source.right() + 1 ? source.right() : p.x() == source.x() - 1 ? source.x() : -1;
            if (x < 0) continue;
            Style s = canvas.cell(x, p.y()).style();
            canvas.put(x, p.y(), ascii ? "+" : x == source.right() ? "\u251C" : "\u2524", s);
        }
    }

    private static void drawBox(Canvas canvas, ServiceMap map, Layout layout, int index, boolean ascii, boolean selected) {
        ServiceMap.Node n = map.nodes().get(index);
        Layout.Rect r = layout.boxes().get(index);
        Status status = n.summary().status();
        Style border = selected ? Style.ACCENT : status == Status.OK ? Style.NORMAL : StatusMarks.style(status);
        String h = ascii ? "-" : "\u2500";
        String v = ascii ? "|" : "\u2502";
        canvas.put(r.x(), r.y(), ascii ? "+" : "\u250C", border);
        canvas.fill(r.x() + 1, r.y(), r.width() - 2, h, border);
        canvas.put(r.right(), r.y(), ascii ? "+" : "\u2510", border);
        canvas.put(r.x(), r.bottom(), ascii ? "+" : "\u2514", border);
        canvas.fill(r.x() + 1, r.bottom(), r.width() - 2, h, border);
        canvas.put(r.right(), r.bottom(), ascii ? "+" : "\u2518", border);
        int inner = r.width() - 2;
        for (int row = r.y() + 1; row < r.bottom(); row++) {
            canvas.put(r.x(), row, v, border);
            canvas.fill(r.x() + 1, row, inner, " ", Style.NORMAL);
            canvas.put(r.right(), row, v, border);
        }
        if (map.edges().stream().anyMatch(e -> e.from() == index && e.to() == index)) {
            // a service that calls itself: a loop mark on the top border, as the console draws a loop
            canvas.put(r.right() - 1, r.y(), ascii ? "@" : "\u21BA", border);
        }
        List<String> lines = BoxText.lines(map, n, ascii);
        canvas.put(r.x() + 1, r.y() + 1, Text.padRight(BoxText.middle(lines.get(0), inner, ascii), inner, ascii),
                selected ? Style.SELECTED : Style.HEADER);
        canvas.put(r.x() + 1, r.y() + 2, Text.truncate(BoxText.safe(lines.get(1), ascii), inner, ascii), Style.DIM);
        String mark = StatusMarks.mark(status, ascii);
        canvas.put(r.x() + 1, r.y() + 3, mark, StatusMarks.style(status));
        canvas.put(r.x() + 1 + mark.length(), r.y() + 3, Text.truncate(lines.get(2).substring(mark.length()), inner - mark.length(), ascii),
                Style.NORMAL);
        canvas.put(r.x() + 1, r.y() + 4, Text.truncate(lines.get(3), inner, ascii), Style.NORMAL);
    }

    private static String line(int bits, boolean ascii, boolean heavy) {
        if (!ascii) return String.valueOf((heavy ? HEAVY : LINES).charAt(bits));
        boolean vertical = (bits & (UP | DOWN)) != 0;
        boolean horizontal = (bits & (LEFT | RIGHT)) != 0;
        if (vertical && horizontal) return heavy ? "#" : "+";
        return vertical ? (heavy ? ":" : "|") : (heavy ? "=" : "-");
    }

    private static int direction(Layout.Point from, Layout.Point to) {
        if (to.x() > from.x()) return RIGHT;
        if (to.x() < from.x()) return LEFT;
        return to.y() > from.y() ? DOWN : UP;
    }

    private static int towardsBox(Layout.Point p, Layout.Rect box) {
        if (p.x() < box.x()) return RIGHT;
        if (p.x() > box.right()) return LEFT;
        return p.y() < box.y() ? DOWN : UP;
    }

    private static Style edgeStyle(Statistics s) {
        Status status = s.status();
        return status == Status.OK ? Style.DIM : StatusMarks.style(status);
    }

    private static int severity(Status s) {
        return switch (s) {
            case OK -> 1;
            case ERROR -> 2;
            case THROTTLE -> 3;
            case FAULT -> 4;
        };
    }
}
