package io.xspy.graph.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The vertical lanes of the gap between two layers. A segment leaves its node's side on the node's
 * port row, runs right to its port's lane, along the lane to the target's row and on to the target:
 * one lane per port, so the segments that leave one node together fan out from one line and lines
 * of different ports never share a lane. Lanes are ordered to cross few lines, and above all so
 * that no line leaving one port runs on along a line that enters another node.
 */
final class Channels {
    /** A lane's line meeting a stub of another port on the same row would read as one line. */
    private static final int MERGE = 1000;

    /** Where the segments of one node's side leave (its row) and the rows they go to. */
    record Port(int key, int row, TreeSet<Integer> targets) {
        int top() {
            return Math.min(row, targets.first());
        }

        int bottom() {
            return Math.max(row, targets.last());
        }

        boolean straight() {
            return targets.size() == 1 && targets.first() == row;
        }
    }

    /** A port's key: its node and the direction of its links. */
    static int key(int node, boolean reversed) {
        return node * 2 + (reversed ? 1 : 0);
    }

    private final Map<Integer, Integer> lane = new HashMap<>();
    private final int count;

    /** The lanes of the gap right of a layer whose nodes are given in order. */
    Channels(Hierarchy h, List<Integer> layer, int[] y) {
        Map<Integer, Port> ports = new LinkedHashMap<>();
        for (int v : layer) {
            for (Hierarchy.Segment s : h.out.get(v)) {
                int row = y[v] + h.portOffset(v, s.reversed());
                Port p = ports.computeIfAbsent(key(v, s.reversed()), k -> new Port(k, row, new TreeSet<>()));
                p.targets().add(y[s.to()] + h.portOffset(s.to(), s.reversed()));
            }
        }
        List<Port> bent = ports.values().stream().filter(p -> !p.straight()).sorted(Comparator.comparingInt(Port::row)).toList();
        List<Port> order = order(bent);
        for (int i = 0; i < order.size(); i++) lane.put(order.get(i).key(), i);
        this.count = order.size();
    }

    int count() {
        return count;
    }

    /** The lane (0 = leftmost) of a port, or -1 when all its segments run straight. */
    int laneOf(int node, boolean reversed) {
        return lane.getOrDefault(key(node, reversed), -1);
    }

    /** Lanes placed one by one where they cost least, then neighbours swapped while that helps. */
    static List<Port> order(List<Port> ports) {
        List<Port> order = new ArrayList<>();
        for (Port p : ports) {
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
        for (boolean swapped = true, first = true; swapped || first; first = false) {
            swapped = false;
            for (int i = 0; i + 1 < order.size(); i++) {
                Port a = order.get(i);
                Port b = order.get(i + 1);
                if (cost(b, a) < cost(a, b)) {
                    order.set(i, b);
                    order.set(i + 1, a);
                    swapped = true;
                }
            }
        }
        return order;
    }

    /** What it costs to have the lane of {@code left} left of the lane of {@code right}. */
    static long cost(Port left, Port right) {
        long c = 0;
        // the right port's stub runs from the layer to its lane, past the left lane
        if (left.targets().contains(right.row())) c += MERGE;
        if (right.row() > left.top() && right.row() < left.bottom()) c++;
        // the left port's lines into their targets run from its lane past the right lane
        for (int t : left.targets()) if (t != left.row() && t > right.top() && t < right.bottom()) c++;
        return c;
    }
}
