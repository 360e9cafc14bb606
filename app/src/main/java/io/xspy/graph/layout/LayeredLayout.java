package io.xspy.graph.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Sugiyama-style layered layout on a character grid, left to right: layers from the entry points
 * to the leaves (cycles broken), few crossings (barycenter sweeps), straight links where rows allow
 * (isotonic placement), and links routed at right angles in the gaps between layers, never
 * through a box. Written for xspy because the reference implementation (the Eclipse Layout
 * Kernel's layered algorithm) brings about 8.5 MB of jars (EMF, Guava) and places on a continuous
 * plane, not on cells.
 */
public final class LayeredLayout {
    /** Columns between two layers when no lane is needed: a line and its arrowhead. */
    static final int MIN_GAP = 3;

    private LayeredLayout() {}

    /**
     * Places the graph, narrowing the widest layers' boxes (down to their minimum width) until the
     * drawing fits {@code maxWidth} columns; it is wider than that only when the minimum widths are.
     */
    public static Layout of(LayoutGraph graph, int maxWidth) {
        Hierarchy h = new Hierarchy(graph);
        if (h.realCount == 0) return new Layout(0, 0, List.of(), List.of(), List.of());
        List<List<Integer>> layers = Ordering.of(h);
        int[] y = Placement.rows(h, layers);
        int count = layers.size();
        Channels[] gaps = new Channels[Math.max(0, count - 1)];
        int gapColumns = 0;
        for (int l = 0; l + 1 < count; l++) {
            gaps[l] = new Channels(h, layers.get(l), y);
            gapColumns += gapWidth(gaps[l]);
        }
        int[] widths = widths(graph, layers, maxWidth - gapColumns);
        int[] x = new int[count];
        for (int l = 1; l < count; l++) x[l] = x[l - 1] + widths[l - 1] + gapWidth(gaps[l - 1]);

        List<Layout.Rect> boxes = new ArrayList<>();
        int height = 0;
        for (int v = 0; v < h.size(); v++) height = Math.max(height, y[v] + h.height.get(v));
        for (int v = 0; v < h.realCount; v++) {
            int l = h.layer.get(v);
            boxes.add(new Layout.Rect(x[l], y[v], widths[l], h.height.get(v)));
        }
        List<Layout.Route> routes = new ArrayList<>();
        for (int e = 0; e < graph.links().size(); e++) {
            int[] chain = h.chains[e];
            if (chain == null) {
                routes.add(new Layout.Route(List.of(), true));
                continue;
            }
            boolean reversed = h.reversed[e];
            List<Layout.Point> cells = new ArrayList<>();
            for (int i = 0; i + 1 < chain.length; i++) {
                int l = h.layer.get(chain[i]);
                gapCells(h, gaps[l], chain[i], chain[i + 1], reversed, y, x[l] + widths[l] - 1, x[l + 1], cells);
                int next = chain[i + 1];
                if (h.isDummy(next)) {
                    for (int c = x[l + 1]; c < x[l + 1] + widths[l + 1]; c++) cells.add(new Layout.Point(c, y[next]));
                }
            }
            if (reversed) Collections.reverse(cells);
            routes.add(new Layout.Route(cells, false));
        }
        List<List<Integer>> realLayers = layers.stream().map(l -> l.stream().filter(v -> !h.isDummy(v)).toList()).toList();
        return new Layout(x[count - 1] + widths[count - 1], height, boxes, routes, realLayers);
    }

    private static int gapWidth(Channels c) {
        return Math.max(MIN_GAP, c.count() + 2);
    }

    /**
     * Each layer's box width: the widest box's preferred width, the widest layers narrowed one column
     * at a time while the total is too wide and they are above their minimum.
     */
    static int[] widths(LayoutGraph graph, List<List<Integer>> layers, int available) {
        int n = layers.size();
        int[] width = new int[n];
        int[] min = new int[n];
        int total = 0;
        for (int l = 0; l < n; l++) {
            for (int v : layers.get(l)) {
                if (v >= graph.boxes().size()) continue;
                width[l] = Math.max(width[l], graph.boxes().get(v).preferredWidth());
                min[l] = Math.max(min[l], graph.boxes().get(v).minWidth());
            }
            total += width[l];
        }
        while (total > available) {
            int widest = -1;
            for (int l = 0; l < n; l++) if (width[l] > min[l] && (widest < 0 || width[l] > width[widest])) widest = l;
            if (widest < 0) break;
            width[widest]--;
            total--;
        }
        return width;
    }

    /** The cells of one segment in the gap from column {@code right}+1 to {@code left}-1. */
    private static void gapCells(Hierarchy h, Channels gap, int from, int to, boolean reversed, int[] y, int right, int left,
            List<Layout.Point> cells) {
        int row = y[from] + h.portOffset(from, reversed);
        int target = y[to] + h.portOffset(to, reversed);
        int lane = right + 2 + gap.laneOf(from, reversed);
        if (row == target) lane = left - 1;
        for (int c = right + 1; c <= lane; c++) cells.add(new Layout.Point(c, row));
        int step = Integer.signum(target - row);
        for (int r = row + step; r != target + step && step != 0; r += step) cells.add(new Layout.Point(lane, r));
        for (int c = lane + 1; c < left; c++) cells.add(new Layout.Point(c, target));
    }
}
