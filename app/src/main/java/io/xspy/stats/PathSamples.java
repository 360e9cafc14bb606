package io.xspy.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The spans of one path as parallel arrays (no object per span): the trace, when it started, how
 * long it took in microseconds, its status and the index of its group.
 */
final class PathSamples {
    String[] traceIds = new String[16];
    double[] starts = new double[16];
    long[] micros = new long[16];
    byte[] outcomes = new byte[16];
    int[] groups = new int[16];
    int size;
    /** The group keys in the order first seen; {@code groups} holds indexes into it. */
    final List<String> keys = new ArrayList<>(4);
    private final Map<String, Integer> keyIndex = new HashMap<>(8);

    static final byte OK = 0, ERROR = 1, FAULT = 2;

    void add(String traceId, double start, long duration, byte outcome, int group) {
        if (size == micros.length) grow();
        traceIds[size] = traceId;
        starts[size] = start;
        micros[size] = duration;
        outcomes[size] = outcome;
        groups[size] = group;
        size++;
    }

    int group(String key) {
        Integer i = keyIndex.get(key);
        if (i == null) {
            keyIndex.put(key, i = keys.size());
            keys.add(key);
        }
        return i;
    }

    /** Appends another walk's spans of the same path, its group keys mapped to this one's. */
    void addAll(PathSamples other) {
        for (int i = 0; i < other.size; i++) {
            add(other.traceIds[i], other.starts[i], other.micros[i], other.outcomes[i], group(other.keys.get(other.groups[i])));
        }
    }

    private void grow() {
        int n = size * 2;
        traceIds = Arrays.copyOf(traceIds, n);
        starts = Arrays.copyOf(starts, n);
        micros = Arrays.copyOf(micros, n);
        outcomes = Arrays.copyOf(outcomes, n);
        groups = Arrays.copyOf(groups, n);
    }
}
