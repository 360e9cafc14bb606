package io.xspy.graph.layout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The graph made ready for drawing in layers: cycles broken by turning links around, each box in
 * a layer (the longest path from a source), and a link that skips layers split by one-cell dummy
 * nodes, so that every segment joins two neighbouring layers. Nodes 0..realCount-1 are the boxes.
 */
final class Hierarchy {

    /** A piece of a link between layer L (from) and L+1 (to); reversed when the link points right to left. */
    record Segment(int from, int to, boolean reversed) {}

    final LayoutGraph graph;
    final int realCount;
    final List<Integer> layer = new ArrayList<>();
    final List<Integer> height = new ArrayList<>();
    final List<List<Segment>> out = new ArrayList<>();
    final List<List<Segment>> in = new ArrayList<>();
    /** Per link, its nodes from the left end to the right end (dummies between); null for a loop. */
    final int[][] chains;
    final boolean[] reversed;
    final int layerCount;

    Hierarchy(LayoutGraph graph) {
        this.graph = graph;
        this.realCount = graph.boxes().size();
        List<LayoutGraph.Link> links = graph.links();
        this.reversed = backLinks(realCount, links);
        int[] layers = longestPath(realCount, links, reversed);
        for (int v = 0; v < realCount; v++) add(layers[v], graph.boxes().get(v).height());
        this.chains = new int[links.size()][];
        for (int e = 0; e < links.size(); e++) {
            LayoutGraph.Link l = links.get(e);
            if (l.from() == l.to()) continue;
            int left = reversed[e] ? l.to() : l.from();
            int right = reversed[e] ? l.from() : l.to();
            int[] chain = new int[layers[right] - layers[left] + 1];
            chain[0] = left;
            chain[chain.length - 1] = right;
            for (int i = 1; i < chain.length - 1; i++) chain[i] = add(layers[left] + i, 1);
            for (int i = 0; i + 1 < chain.length; i++) {
                Segment s = new Segment(chain[i], chain[i + 1], reversed[e]);
                out.get(chain[i]).add(s);
                in.get(chain[i + 1]).add(s);
            }
            chains[e] = chain;
        }
        this.layerCount = realCount == 0 ? 0 : Arrays.stream(layers).max().orElse(0) + 1;
    }

    int size() {
        return layer.size();
    }

    boolean isDummy(int v) {
        return v >= realCount;
    }

    /** The row of a node's side where the segments of one direction meet it, counted from its top. */
    int portOffset(int v, boolean reversedLink) {
        int h = height.get(v);
        if (h == 1) return 0;
        int middle = (h - 1) / 2;
        // links that point back use the row below, so a pair of links both ways are two lines
        return reversedLink ? middle + 1 : middle;
    }

    private int add(int layerIndex, int rows) {
        layer.add(layerIndex);
        height.add(rows);
        out.add(new ArrayList<>());
        in.add(new ArrayList<>());
        return layer.size() - 1;
    }

    /**
     * The links to turn around so that no cycle is left: those that reach back to a node still on
     * the path of a depth-first walk, which starts at the nodes nobody calls (the entry points).
     */
    static boolean[] backLinks(int n, List<LayoutGraph.Link> links) {
        List<List<Integer>> outLinks = new ArrayList<>();
        int[] indegree = new int[n];
        for (int v = 0; v < n; v++) outLinks.add(new ArrayList<>());
        for (int e = 0; e < links.size(); e++) {
            LayoutGraph.Link l = links.get(e);
            if (l.from() == l.to()) continue;
            outLinks.get(l.from()).add(e);
            indegree[l.to()]++;
        }
        List<Integer> roots = new ArrayList<>();
        for (int v = 0; v < n; v++) if (indegree[v] == 0) roots.add(v);
        for (int v = 0; v < n; v++) if (indegree[v] > 0) roots.add(v);
        int[] state = new int[n]; // 0 not seen, 1 on the path, 2 done
        boolean[] back = new boolean[links.size()];
        int[] next = new int[n];
        Deque<Integer> path = new ArrayDeque<>();
        for (int root : roots) {
            if (state[root] != 0) continue;
            state[root] = 1;
            path.push(root);
            while (!path.isEmpty()) {
                int v = path.peek();
                if (next[v] == outLinks.get(v).size()) {
                    state[v] = 2;
                    path.pop();
                    continue;
                }
                int e = outLinks.get(v).get(next[v]++);
                int w = links.get(e).to();
                if (state[w] == 1) back[e] = true;
                else if (state[w] == 0) {
                    state[w] = 1;
                    path.push(w);
                }
            }
        }
        return back;
    }

    /** Each node's layer: the length of the longest path to it from a node nobody calls. */
    static int[] longestPath(int n, List<LayoutGraph.Link> links, boolean[] reversed) {
        List<List<Integer>> succ = new ArrayList<>();
        int[] indegree = new int[n];
        for (int v = 0; v < n; v++) succ.add(new ArrayList<>());
        for (int e = 0; e < links.size(); e++) {
            LayoutGraph.Link l = links.get(e);
            if (l.from() == l.to()) continue;
            int a = reversed[e] ? l.to() : l.from();
            int b = reversed[e] ? l.from() : l.to();
            succ.get(a).add(b);
            indegree[b]++;
        }
        int[] layers = new int[n];
        Deque<Integer> ready = new ArrayDeque<>();
        for (int v = 0; v < n; v++) if (indegree[v] == 0) ready.add(v);
        while (!ready.isEmpty()) {
            int v = ready.poll();
            for (int w : succ.get(v)) {
                layers[w] = Math.max(layers[w], layers[v] + 1);
                if (--indegree[w] == 0) ready.add(w);
            }
        }
        return layers;
    }
}
