package io.xspy.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The statistics of one span path: every span of it ({@link #all}) and each group of the split,
 * with the spans themselves for per-trace tables and series over time. The distributions are built
 * when first asked for (thread-safe), so a screen listing many paths pays only for what it shows.
 */
public final class PathStats {
    private final SpanPath path;
    private final PathSamples samples;
    /** The ids of the traces walked; the samples hold indexes into it. */
    private final String[] traceIds;
    private final boolean coldFirst;
    private Group all;
    private List<Group> groups;

    PathStats(SpanPath path, PathSamples samples, String[] traceIds, boolean coldFirst) {
        this.path = path;
        this.samples = samples;
        this.traceIds = traceIds;
        this.coldFirst = coldFirst;
    }

    public SpanPath path() { return path; }

    PathSamples samples() { return samples; }

    /** How many spans the path has (without building its distribution). */
    public int count() { return samples.size; }

    /** Every span of the path. */
    public synchronized Group all() {
        if (all == null) all = group(Group.ALL, -1);
        return all;
    }

    /** The groups of the split (cold first, else the largest first); empty without a split. */
    public synchronized List<Group> groups() {
        if (groups == null) {
            List<Group> gs = new ArrayList<>();
            for (int g = 0; g < samples.keys.size(); g++) gs.add(group(samples.keys.get(g), g));
            gs.sort((a, b) -> {
                if (coldFirst) return Boolean.compare(!a.key().equals(Split.COLD_KEY), !b.key().equals(Split.COLD_KEY));
                int c = Integer.compare(b.count(), a.count());
                return c != 0 ? c : a.key().compareTo(b.key());
            });
            groups = List.copyOf(gs);
        }
        return groups.size() == 1 && groups.get(0).key().isEmpty() ? List.of() : groups;
    }

    /** The group with this key, or null. */
    public Group group(String key) {
        if (Group.ALL.equals(key)) return all();
        for (Group g : groups()) if (g.key().equals(key)) return g;
        return null;
    }

    /** The spans in the order they started. */
    public List<SpanRow> spans() {
        List<SpanRow> out = new ArrayList<>(samples.size);
        for (int i = 0; i < samples.size; i++) {
            out.add(new SpanRow(traceIds[samples.traces[i]], samples.starts[i], samples.micros[i] / 1e6,
                    samples.keys.get(samples.groups[i]), samples.outcomes[i] == PathSamples.FAULT,
                    samples.outcomes[i] == PathSamples.ERROR));
        }
        out.sort(java.util.Comparator.comparingDouble(SpanRow::start));
        return out;
    }

    /** Start of the first and of the last span, seconds since the epoch; NaN without spans. */
    public double firstStart() { return samples.firstStart; }

    public double lastStart() { return samples.lastStart; }

    /**
     * A percentile per time step: the spans (of a group, or all for {@link Group#ALL}) that started
     * in [from + i·step, from + (i+1)·step), NaN for a step without spans. The same percentile
     * definition as {@link Distribution}.
     */
    public double[] series(String key, double p, double from, double step, int steps) {
        int group = Group.ALL.equals(key) ? -1 : samples.keys.indexOf(key);
        long[][] buckets = new long[steps][];
        int[] sizes = new int[steps];
        for (int i = 0; i < samples.size; i++) {
            if (group >= 0 && samples.groups[i] != group) continue;
            int b = (int) Math.floor((samples.starts[i] - from) / step);
            if (b < 0 || b >= steps) continue;
            if (buckets[b] == null) buckets[b] = new long[8];
            if (sizes[b] == buckets[b].length) buckets[b] = Arrays.copyOf(buckets[b], sizes[b] * 2);
            buckets[b][sizes[b]++] = samples.micros[i];
        }
        double[] out = new double[steps];
        for (int b = 0; b < steps; b++) {
            out[b] = sizes[b] == 0 ? Double.NaN : Distribution.ofMicros(Arrays.copyOf(buckets[b], sizes[b])).percentile(p);
        }
        return out;
    }

    private Group group(String key, int index) {
        long[] micros = new long[samples.size];
        int n = 0;
        int faults = 0;
        int errors = 0;
        for (int i = 0; i < samples.size; i++) {
            if (index >= 0 && samples.groups[i] != index) continue;
            micros[n++] = samples.micros[i];
            if (samples.outcomes[i] == PathSamples.FAULT) faults++;
            else if (samples.outcomes[i] == PathSamples.ERROR) errors++;
        }
        return new Group(key, Distribution.ofMicros(n == micros.length ? micros : Arrays.copyOf(micros, n)), faults, errors);
    }
}
