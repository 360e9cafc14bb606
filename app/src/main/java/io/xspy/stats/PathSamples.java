package io.xspy.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The spans of one path as parallel arrays (no object per span, and no reference the collector has
 * to trace): the trace's index in the walk's list of ids, when it started, how long it took in
 * microseconds, its status and the index of its group.
 */
final class PathSamples {
    int[] traces;
    double[] starts;
    long[] micros;
    byte[] outcomes;
    int[] groups;
    int size;
    /** Start of the first and of the last span, seconds since the epoch; NaN without spans. */
    double firstStart = Double.NaN;
    double lastStart = Double.NaN;
    /** The group keys in the order first seen; {@code groups} holds indexes into it. */
    final List<String> keys = new ArrayList<>(4);
    private final Map<String, Integer> keyIndex = new HashMap<>(8);
    private String lastKey;
    private int lastGroup;

    static final byte OK = 0, ERROR = 1, FAULT = 2;

    PathSamples() {
        this(16);
    }

    private PathSamples(int capacity) {
        traces = new int[capacity];
        starts = new double[capacity];
        micros = new long[capacity];
        outcomes = new byte[capacity];
        groups = new int[capacity];
    }

    void add(int trace, double start, long duration, byte outcome, int group) {
        if (size == micros.length) grow();
        traces[size] = trace;
        starts[size] = start;
        micros[size] = duration;
        outcomes[size] = outcome;
        groups[size] = group;
        size++;
        if (!(start >= firstStart)) firstStart = start; // NaN compares false: the first span sets both
        if (!(start <= lastStart)) lastStart = start;
    }

    int group(String key) {
        if (key == lastKey) return lastGroup; // most spans in a row share their key
        Integer i = keyIndex.get(key);
        if (i == null) {
            keyIndex.put(key, i = keys.size());
            keys.add(key);
        }
        lastKey = key;
        lastGroup = i;
        return i;
    }

    /**
     * The spans of several walks over the same path, in their order, in arrays of exactly their size;
     * each walk's trace indexes shifted by where its traces start in the walks' joined list.
     */
    static PathSamples concat(List<PathSamples> parts, int[] traceOffsets) {
        if (parts.size() == 1 && traceOffsets[0] == 0) return parts.get(0);
        int total = 0;
        for (PathSamples p : parts) total += p.size;
        PathSamples out = new PathSamples(total);
        for (int k = 0; k < parts.size(); k++) {
            PathSamples p = parts.get(k);
            if (p.size == 0) continue;
            int at = out.size;
            for (int i = 0; i < p.size; i++) out.traces[at + i] = p.traces[i] + traceOffsets[k];
            System.arraycopy(p.starts, 0, out.starts, at, p.size);
            System.arraycopy(p.micros, 0, out.micros, at, p.size);
            System.arraycopy(p.outcomes, 0, out.outcomes, at, p.size);
            int[] remap = new int[p.keys.size()];
            for (int g = 0; g < remap.length; g++) remap[g] = out.group(p.keys.get(g));
            for (int i = 0; i < p.size; i++) out.groups[at + i] = remap[p.groups[i]];
            out.size += p.size;
            if (!(p.firstStart >= out.firstStart)) out.firstStart = p.firstStart;
            if (!(p.lastStart <= out.lastStart)) out.lastStart = p.lastStart;
        }
        return out;
    }

    private void grow() {
        int n = size * 2;
        traces = Arrays.copyOf(traces, n);
        starts = Arrays.copyOf(starts, n);
        micros = Arrays.copyOf(micros, n);
        outcomes = Arrays.copyOf(outcomes, n);
        groups = Arrays.copyOf(groups, n);
    }
}
