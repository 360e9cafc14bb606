package io.xspy.map;

import io.xspy.graph.layout.Layout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The selection on a drawn map and how the arrow keys move it. ↑↓ move to the box above or below in
 * the same column. ←→ follow the lines: from a box they select the edge whose other end is nearest
 * on that side (so its numbers can be read and its traces opened); from an edge they go to the box
 * at that end. On an edge, ↑↓ pick another edge of the box it was reached from, on the same side:
 * at a fan-out, the branch to follow.
 */
public final class MapCursor {
    private MapDrawing drawing;
    private int node;
    private int edge = -1;
    /** The box an edge was reached from. */
    private int anchor = -1;

    public MapCursor(MapDrawing drawing, int node) {
        this.drawing = drawing;
        this.node = drawing.map().nodes().isEmpty() ? -1 : Math.max(0, Math.min(node, drawing.map().nodes().size() - 1));
    }

    /** A new drawing of the graph (reloaded, resized): the same node or edge stays selected where it still is. */
    public void redraw(MapDrawing next) {
        String nodeKey = node >= 0 ? key(drawing.map(), node) : null;
        String anchorKey = anchor >= 0 ? key(drawing.map(), anchor) : null;
        String edgeKey = edge >= 0 ? edgeKey(drawing.map(), edge) : null;
        drawing = next;
        node = find(nodeKey);
        anchor = find(anchorKey);
        edge = -1;
        for (int e = 0; edgeKey != null && e < next.map().edges().size(); e++) if (edgeKey(next.map(), e).equals(edgeKey)) edge = e;
        if (edge < 0 && node < 0) node = next.map().nodes().isEmpty() ? -1 : Math.max(0, anchor);
        if (edge >= 0 && anchor < 0) anchor = next.map().edges().get(edge).from();
    }

    public MapDrawing drawing() {
        return drawing;
    }

    public MapRenderer.Selection selection() {
        return edge >= 0 ? MapRenderer.Selection.edge(edge) : MapRenderer.Selection.node(node);
    }

    /** The selected node, or -1 while an edge is selected. */
    public int node() {
        return edge >= 0 ? -1 : node;
    }

    /** The selected edge, or -1. */
    public int edge() {
        return edge;
    }

    public void selectNode(int index) {
        if (index < 0 || index >= drawing.map().nodes().size()) return;
        node = index;
        edge = -1;
        anchor = -1;
    }

    /** ↑ (-1) or ↓ (+1). */
    public void vertical(int delta) {
        Layout layout = drawing.layout();
        if (edge >= 0) {
            List<Integer> siblings = edgesOn(anchor, side(anchor, other(edge, anchor)));
            int i = siblings.indexOf(edge);
            edge = siblings.get(Math.max(0, Math.min(siblings.size() - 1, i + delta)));
            return;
        }
        if (node < 0) return;
        List<Integer> column = layout.layers().get(layout.layerOf(node));
        int i = column.indexOf(node);
        node = column.get(Math.max(0, Math.min(column.size() - 1, i + delta)));
    }

    /** ← (-1) or → (+1). */
    public void horizontal(int direction) {
        if (edge >= 0) {
            ServiceMap.Edge e = drawing.map().edges().get(edge);
            int a = e.from();
            int b = e.to();
            int x = Integer.compare(rect(b).x(), rect(a).x());
            int next = x == direction ? b : a;
            selectNode(next);
            return;
        }
        if (node < 0) return;
        List<Integer> candidates = edgesOn(node, direction);
        if (candidates.isEmpty()) return;
        int centre = centre(rect(node));
        int nearest = candidates.stream().min(Comparator.comparingInt(e -> Math.abs(centre(rect(other(e, node))) - centre))).orElseThrow();
        anchor = node;
        edge = nearest;
    }

    /** The cells to keep in view: the selected box, or the selected edge's route with its arrowhead last. */
    public Layout.Rect focus() {
        Layout layout = drawing.layout();
        if (edge >= 0) {
            List<Layout.Point> cells = layout.routes().get(edge).cells();
            if (cells.isEmpty()) return rect(drawing.map().edges().get(edge).to());
            int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = Integer.MIN_VALUE, maxY = Integer.MIN_VALUE;
            for (Layout.Point p : cells) {
                minX = Math.min(minX, p.x());
                minY = Math.min(minY, p.y());
                maxX = Math.max(maxX, p.x());
                maxY = Math.max(maxY, p.y());
            }
            return new Layout.Rect(minX, minY, maxX - minX + 1, maxY - minY + 1);
        }
        return node >= 0 ? rect(node) : new Layout.Rect(0, 0, 1, 1);
    }

    /** The edges of a box whose other end lies on one side (-1 left, +1 right), from top to bottom. */
    private List<Integer> edgesOn(int box, int direction) {
        List<Integer> out = new ArrayList<>();
        List<ServiceMap.Edge> edges = drawing.map().edges();
        for (int e = 0; e < edges.size(); e++) {
            ServiceMap.Edge x = edges.get(e);
            if (x.from() == x.to() || (x.from() != box && x.to() != box)) continue;
            if (side(box, other(e, box)) == direction) out.add(e);
        }
        out.sort(Comparator.comparingInt(e -> rect(other(e, box)).y()));
        return out;
    }

    private int side(int from, int to) {
        return Integer.compare(rect(to).x(), rect(from).x());
    }

    private int other(int e, int box) {
        ServiceMap.Edge x = drawing.map().edges().get(e);
        return x.from() == box ? x.to() : x.from();
    }

    private Layout.Rect rect(int box) {
        return drawing.layout().boxes().get(box);
    }

    private static int centre(Layout.Rect r) {
        return r.y() + r.height() / 2;
    }

    private int find(String key) {
        if (key == null) return -1;
        for (int i = 0; i < drawing.map().nodes().size(); i++) if (key(drawing.map(), i).equals(key)) return i;
        return -1;
    }

    /** What identifies a node across reloads: its service's name and type, or the type it collapses. */
    static String key(ServiceMap map, int node) {
        ServiceMap.Node n = map.nodes().get(node);
        return n.collapsed() ? "*\u0000" + n.type() : n.members().get(0).id().key();
    }

    private static String edgeKey(ServiceMap map, int e) {
        return key(map, map.edges().get(e).from()) + "\u0001" + key(map, map.edges().get(e).to());
    }
}
