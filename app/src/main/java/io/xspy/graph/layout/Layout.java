package io.xspy.graph.layout;

import java.util.List;

/**
 * A placed graph on a character grid: each box's rectangle, each link's route of cells, and the
 * layers (columns, left to right) with their boxes in order from top to bottom.
 */
public record Layout(int width, int height, List<Rect> boxes, List<Route> routes, List<List<Integer>> layers) {

    public Layout {
        boxes = List.copyOf(boxes);
        routes = List.copyOf(routes);
        layers = layers.stream().map(List::copyOf).toList();
    }

    /** A cell of the grid. */
    public record Point(int x, int y) {}

    /** A box's cells: columns x .. x+width-1, rows y .. y+height-1. */
    public record Rect(int x, int y, int width, int height) {
        public boolean contains(int cx, int cy) {
            return cx >= x && cx < x + width && cy >= y && cy < y + height;
        }

        public int right() {
            return x + width - 1;
        }

        public int bottom() {
            return y + height - 1;
        }
    }

    /**
     * The cells a link runs through, in order from beside its source box to beside its target box,
     * where the arrowhead goes (the last cell). A link from a box to itself has no cells: it is a loop.
     */
    public record Route(List<Point> cells, boolean loop) {
        public Route {
            cells = List.copyOf(cells);
        }

        public Point arrow() {
            return cells.isEmpty() ? null : cells.get(cells.size() - 1);
        }
    }

    /** The layer a box is in (its column, 0 at the left). */
    public int layerOf(int box) {
        for (int i = 0; i < layers.size(); i++) if (layers.get(i).contains(box)) return i;
        return -1;
    }
}
