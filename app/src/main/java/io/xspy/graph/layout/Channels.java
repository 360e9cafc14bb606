package io.xspy.graph.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The vertical lanes of the gap between two layers. A segment leaves its node's side on the node's
 * port row, runs right to its lane, along the lane to the target's row and on to the target. The
 * segments leaving one port fan out from one lane; ports that go to the same targets share a lane
 * (a bus, as many functions writing to one table); lanes that overlap no row of each other share
 * a column. Lanes are ordered to cross few lines, and above all so that no line leaving one port
 * runs on along a line that enters another node.
 */
final class Channels {
    /** A lane's line meeting a stub of another port on the same row would read as one line. */
    private static final int MERGE = 1000;

    /** The rows where a lane's segments come from (its ports' rows) and the rows they go to. */
    record Lane(TreeSet<Integer> sources, TreeSet<Integer> targets) {
        int top() {
            return Math.min(sources.first(), targets.first());
        }

        int bottom() {
            return Math.max(sources.last(), targets.last());
        }
    }

    /** A port's key: its node and the direction of its links. */
    static int key(int node, boolean reversed) {
        return node * 2 + (reversed ? 1 : 0);
    }

    private final Map<Integer, Integer> column = new HashMap<>();
    private final int count;

    /** The lanes of the gap right of a layer whose nodes are given in order. */
    Channels(Hierarchy h, List<Integer> layer, int[] y) {
        Map<Integer, Integer> rowOf = new LinkedHashMap<>();
        Map<Integer, TreeSet<Integer>> targetsOf = new LinkedHashMap<>();
        for (int v : layer) {
            for (Hierarchy.Segment s : h.out.get(v)) {
                int k = key(v, s.reversed());
                rowOf.put(k, y[v] + h.portOffset(v, s.reversed()));
                targetsOf.computeIfAbsent(k, x -> new TreeSet<>()).add(y[s.to()] + h.portOffset(s.to(), s.reversed()));
            }
        }
        // ports that go to the same rows share a lane; a port whose one target is level with it needs none
        Map<TreeSet<Integer>, Lane> lanes = new LinkedHashMap<>();
        Map<Integer, Lane> laneOf = new HashMap<>();
        for (Map.Entry<Integer, TreeSet<Integer>> p : targetsOf.entrySet()) {
            int row = rowOf.get(p.getKey());
            TreeSet<Integer> targets = p.getValue();
            if (targets.size() == 1 && targets.first() == row) continue;
            Lane lane = lanes.computeIfAbsent(targets, t -> new Lane(new TreeSet<>(), t));
            lane.sources().add(row);
            laneOf.put(p.getKey(), lane);
        }
        List<Lane> order = order(new ArrayList<>(lanes.values()));
        Map<Lane, Integer> columns = pack(order);
        for (Map.Entry<Integer, Lane> e : laneOf.entrySet()) column.put(e.getKey(), columns.get(e.getValue()));
        this.count = columns.values().stream().mapToInt(c -> c + 1).max().orElse(0);
    }

    /** Columns the lanes take. */
    int count() {
        return count;
    }

    /** The column (0 = leftmost) of a port's lane, or -1 when its one segment runs straight. */
    int laneOf(int node, boolean reversed) {
        return column.getOrDefault(key(node, reversed), -1);
    }

    /** Lanes placed one by one where they cost least, then neighbours swapped while that helps. */
    static List<Lane> order(List<Lane> lanes) {
        lanes.sort((a, b) -> Integer.compare(a.sources().first(), b.sources().first()));
        List<Lane> order = new ArrayList<>();
        for (Lane p : lanes) {
            int best = 0;
            long bestCost = Long.MAX_VALUE;
            for (int i = 0; i <= order.size(); i++) {
                long c = 0;
                for (int j = 0; j < order.size(); j++) c += j < i ? cost(order.get(j), p) : cost(p, order.get(j));
                if (c < bestCost) {
                    bestCost = c;
                    best = i;
                }
            }
            order.add(best, p);
        }
        for (boolean swapped = true; swapped; ) {
            swapped = false;
            for (int i = 0; i + 1 < order.size(); i++) {
                Lane a = order.get(i);
                Lane b = order.get(i + 1);
                if (cost(b, a) < cost(a, b)) {
                    order.set(i, b);
                    order.set(i + 1, a);
                    swapped = true;
                }
            }
        }
        return order;
    }

    /**
     * Columns for the lanes in order: a lane goes right of every earlier lane whose rows come within
     * one row of its own, so lanes that share rows keep their order and the others share columns.
     */
    static Map<Lane, Integer> pack(List<Lane> order) {
        Map<Lane, Integer> columns = new LinkedHashMap<>();
        for (Lane lane : order) {
            int col = 0;
            for (Map.Entry<Lane, Integer> earlier : columns.entrySet()) {
                Lane e = earlier.getKey();
                boolean apart = e.bottom() + 1 < lane.top() || lane.bottom() + 1 < e.top();
                if (!apart) col = Math.max(col, earlier.getValue() + 1);
            }
            columns.put(lane, col);
        }
        return columns;
    }

    /** What it costs to have lane {@code left} left of lane {@code right}. */
    static long cost(Lane left, Lane right) {
        long c = 0;
        for (int row : right.sources()) {
            // the right lane's stubs run from the layer to their lane, past the left lane
            if (left.targets().contains(row)) c += MERGE;
            if (row > left.top() && row < left.bottom()) c++;
        }
        // the left lane's lines into their targets run from the lane past the right lane
        for (int t : left.targets()) if (!left.sources().contains(t) && t > right.top() && t < right.bottom()) c++;
        return c;
    }
}
