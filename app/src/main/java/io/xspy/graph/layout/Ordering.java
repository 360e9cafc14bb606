package io.xspy.graph.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order of the nodes in each layer, top to bottom, with few crossings: a depth-first first
 * guess, then sweeps that sort each layer by the mean position of its neighbours in the layer
 * before (barycenter heuristic), keeping the best order seen.
 */
final class Ordering {
    private static final int SWEEPS = 12;

    private Ordering() {}

    static List<List<Integer>> of(Hierarchy h) {
        List<List<Integer>> layers = firstGuess(h);
        List<List<Integer>> best = copy(layers);
        long fewest = crossings(h, layers);
        for (int sweep = 0; sweep < SWEEPS && fewest > 0; sweep++) {
            boolean down = sweep % 2 == 0;
            if (down) for (int l = 1; l < layers.size(); l++) sortByBarycenter(h, layers, l, l - 1, true);
            else for (int l = layers.size() - 2; l >= 0; l--) sortByBarycenter(h, layers, l, l + 1, false);
            long c = crossings(h, layers);
            if (c < fewest) {
                fewest = c;
                best = copy(layers);
            }
        }
        return best;
    }

    /** Nodes in the order a depth-first walk from the boxes (in their given order) meets them. */
    private static List<List<Integer>> firstGuess(Hierarchy h) {
        List<List<Integer>> layers = new ArrayList<>();
        for (int l = 0; l < h.layerCount; l++) layers.add(new ArrayList<>());
        boolean[] seen = new boolean[h.size()];
        for (int v = 0; v < h.realCount; v++) visit(h, v, seen, layers);
        return layers;
    }

    private static void visit(Hierarchy h, int start, boolean[] seen, List<List<Integer>> layers) {
        List<Integer> stack = new ArrayList<>();
        stack.add(start);
        while (!stack.isEmpty()) {
            int v = stack.remove(stack.size() - 1);
            if (seen[v]) continue;
            seen[v] = true;
            layers.get(h.layer.get(v)).add(v);
            List<Hierarchy.Segment> out = h.out.get(v);
            for (int i = out.size() - 1; i >= 0; i--) if (!seen[out.get(i).to()]) stack.add(out.get(i).to());
        }
    }

    private static void sortByBarycenter(Hierarchy h, List<List<Integer>> layers, int l, int fixed, boolean usePredecessors) {
        int[] position = positions(h, layers.get(fixed));
        List<Integer> nodes = layers.get(l);
        double[] key = new double[h.size()];
        for (int i = 0; i < nodes.size(); i++) {
            int v = nodes.get(i);
            List<Hierarchy.Segment> segments = usePredecessors ? h.in.get(v) : h.out.get(v);
            if (segments.isEmpty()) {
                // no neighbour there: keep the same relative place in the layer
                key[v] = nodes.size() <= 1 ? 0 : (double) i * Math.max(1, layers.get(fixed).size() - 1) / (nodes.size() - 1);
                continue;
            }
            double sum = 0;
            for (Hierarchy.Segment s : segments) sum += position[usePredecessors ? s.from() : s.to()];
            key[v] = sum / segments.size();
        }
        nodes.sort(Comparator.comparingDouble(v -> key[v])); // stable: ties keep their order
    }

    private static int[] positions(Hierarchy h, List<Integer> layer) {
        int[] position = new int[h.size()];
        for (int i = 0; i < layer.size(); i++) position[layer.get(i)] = i;
        return position;
    }

    /** Pairs of segments that cross between neighbouring layers. */
    static long crossings(Hierarchy h, List<List<Integer>> layers) {
        long total = 0;
        for (int l = 0; l + 1 < layers.size(); l++) {
            int[] upper = positions(h, layers.get(l));
            int[] lower = positions(h, layers.get(l + 1));
            List<int[]> ends = new ArrayList<>();
            for (int v : layers.get(l)) for (Hierarchy.Segment s : h.out.get(v)) ends.add(new int[] {upper[v], lower[s.to()]});
            for (int i = 0; i < ends.size(); i++) {
                for (int j = i + 1; j < ends.size(); j++) {
                    int[] a = ends.get(i);
                    int[] b = ends.get(j);
                    if ((long) (a[0] - b[0]) * (a[1] - b[1]) < 0) total++;
                }
            }
        }
        return total;
    }

    private static List<List<Integer>> copy(List<List<Integer>> layers) {
        List<List<Integer>> out = new ArrayList<>();
        for (List<Integer> l : layers) out.add(new ArrayList<>(l));
        return out;
    }
}
