package io.xspy.graph.layout;

import java.util.List;

/**
 * The row of each node: every node wants its ports level with its neighbours' (so links run
 * straight), the layer keeps its order and one blank row between nodes. Each layer in turn is set
 * by isotonic regression (pool adjacent violators), which finds the rows nearest to the wanted
 * ones under those constraints; sweeps go down and up the layers, then once more using both sides.
 */
final class Placement {
    /** Blank rows between two nodes of a layer. */
    static final int SEPARATION = 1;
    private static final int ROUNDS = 4;
    /** How much a node without neighbours on the side looked at wants to stay where it is. */
    private static final double STAY = 0.01;

    private Placement() {}

    static int[] rows(Hierarchy h, List<List<Integer>> layers) {
        double[] y = new double[h.size()];
        for (List<Integer> layer : layers) {
            int top = 0;
            for (int v : layer) {
                y[v] = top;
                top += h.height.get(v) + SEPARATION;
            }
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (int l = 1; l < layers.size(); l++) place(h, layers.get(l), y, true, false);
            for (int l = layers.size() - 2; l >= 0; l--) place(h, layers.get(l), y, false, true);
        }
        for (List<Integer> layer : layers) place(h, layer, y, true, true);
        int min = Integer.MAX_VALUE;
        for (double v : y) min = Math.min(min, (int) v);
        int[] rows = new int[h.size()];
        for (int v = 0; v < rows.length; v++) rows[v] = (int) y[v] - (h.size() == 0 ? 0 : min);
        return rows;
    }

    private static void place(Hierarchy h, List<Integer> layer, double[] y, boolean usePredecessors, boolean useSuccessors) {
        int n = layer.size();
        double[] wanted = new double[n];
        double[] weight = new double[n];
        int[] offset = new int[n];
        int top = 0;
        for (int i = 0; i < n; i++) {
            int v = layer.get(i);
            offset[i] = top;
            top += h.height.get(v) + SEPARATION;
            double sum = 0;
            int count = 0;
            if (usePredecessors) {
                for (Hierarchy.Segment s : h.in.get(v)) {
                    sum += y[s.from()] + h.portOffset(s.from(), s.reversed()) - h.portOffset(v, s.reversed());
                    count++;
                }
            }
            if (useSuccessors) {
                for (Hierarchy.Segment s : h.out.get(v)) {
                    sum += y[s.to()] + h.portOffset(s.to(), s.reversed()) - h.portOffset(v, s.reversed());
                    count++;
                }
            }
            wanted[i] = (count == 0 ? y[v] : sum / count) - offset[i];
            weight[i] = count == 0 ? STAY : count;
        }
        double[] z = isotonic(wanted, weight);
        for (int i = 0; i < n; i++) y[layer.get(i)] = Math.round(z[i]) + offset[i];
    }

    /** The non-decreasing sequence nearest (weighted least squares) to the wanted values. */
    static double[] isotonic(double[] wanted, double[] weight) {
        int n = wanted.length;
        double[] value = new double[n];
        double[] w = new double[n];
        int[] count = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            value[blocks] = wanted[i];
            w[blocks] = weight[i];
            count[blocks] = 1;
            blocks++;
            while (blocks > 1 && value[blocks - 2] > value[blocks - 1]) {
                double total = w[blocks - 2] + w[blocks - 1];
                value[blocks - 2] = (value[blocks - 2] * w[blocks - 2] + value[blocks - 1] * w[blocks - 1]) / total;
                w[blocks - 2] = total;
                count[blocks - 2] += count[blocks - 1];
                blocks--;
            }
        }
        double[] out = new double[n];
        int i = 0;
        for (int b = 0; b < blocks; b++) for (int k = 0; k < count[b]; k++) out[i++] = value[b];
        return out;
    }
}
