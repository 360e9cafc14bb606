package io.xspy.stats;

import io.xspy.query.Filter;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.stream.IntStream;

/**
 * Statistics of spans across traces: every span of every trace that matches a filter, grouped by
 * its {@link SpanPath}, each path split by a {@link Split}. One walk over each trace's model.
 */
public final class SpanStats {
    private final int traces;
    private final Split split;
    private final SpanSelector selector;
    private final List<PathStats> paths;

    private SpanStats(int traces, Split split, SpanSelector selector, List<PathStats> paths) {
        this.traces = traces;
        this.split = split;
        this.selector = selector;
        this.paths = List.copyOf(paths);
    }

    /**
     * @param traces   the traces to read (a sample, or all of a window)
     * @param filter   which of them count ({@link Filter#ALL} when the source has filtered already)
     * @param selector which span paths
     * @param split    how to group each path's spans
     */
    public static SpanStats compute(Iterable<Trace> traces, Filter filter, SpanSelector selector, Split split) {
        Map<SpanPath, PathSamples> found = new LinkedHashMap<>();
        int matched = 0;
        if (traces instanceof List<Trace> list && list instanceof RandomAccess && list.size() >= PARALLEL_FROM) {
            // a large set in chunks on all cores, merged in chunk order: the same result as one walk
            int chunks = (list.size() + CHUNK - 1) / CHUNK;
            List<Partial> parts = IntStream.range(0, chunks).parallel()
                    .mapToObj(i -> walk(list.subList(i * CHUNK, Math.min(list.size(), (i + 1) * CHUNK)), filter, selector, split))
                    .toList();
            for (Partial part : parts) {
                matched += part.matched;
                for (PathNode p : part.seen) {
                    PathSamples into = found.get(p.path);
                    if (into == null) found.put(p.path, p.samples);
                    else into.addAll(p.samples);
                }
            }
        } else {
            Partial one = walk(traces, filter, selector, split);
            matched = one.matched;
            for (PathNode p : one.seen) found.put(p.path, p.samples);
        }
        boolean exact = false;
        for (SpanPath p : found.keySet()) exact |= selector.isExactly(p);
        List<PathStats> out = new ArrayList<>();
        for (Map.Entry<SpanPath, PathSamples> e : found.entrySet()) {
            if (exact && !selector.isExactly(e.getKey())) continue;
            out.add(new PathStats(e.getKey(), e.getValue(), split.kind() == Split.Kind.COLD));
        }
        out.sort((a, b) -> a.path().compareTo(b.path()));
        return new SpanStats(matched, split, selector, out);
    }

    /** Traces in a set from which the walk runs in parallel chunks of this many. */
    static final int PARALLEL_FROM = 20_000;
    static final int CHUNK = 10_000;

    /** What one walk over some traces found: the selected paths in the order first seen, with their spans. */
    private record Partial(List<PathNode> seen, int matched) {}

    private static Partial walk(Iterable<Trace> traces, Filter filter, SpanSelector selector, Split split) {
        List<PathNode> seen = new ArrayList<>();
        SpanWalk walk = new SpanWalk(split, selector);
        int matched = 0;
        for (Trace trace : traces) {
            if (!filter.matches(trace)) continue;
            matched++;
            String id = trace.id();
            walk.walk(trace, (PathNode path, Segment node, String key) -> {
                PathSamples s = path.samples;
                if (s == null) {
                    path.samples = s = new PathSamples();
                    seen.add(path);
                }
                s.add(id, node.startTime(), Distribution.toMicros(node.duration()), SpanWalk.outcome(node), s.group(key));
            });
        }
        return new Partial(seen, matched);
    }

    /** How many traces matched the filter (whether or not they had a selected span). */
    public int traces() { return traces; }

    public Split split() { return split; }

    public SpanSelector selector() { return selector; }

    /** The selected paths, sorted (a parent before its children). */
    public List<PathStats> paths() { return paths; }

    public PathStats path(SpanPath path) {
        for (PathStats p : paths) if (p.path().equals(path)) return p;
        return null;
    }

    /** Start of the earliest and of the latest span of any selected path; NaN without spans. */
    public double firstStart() {
        double v = Double.NaN;
        for (PathStats p : paths) if (Double.isNaN(v) || p.firstStart() < v) v = p.firstStart();
        return v;
    }

    public double lastStart() {
        double v = Double.NaN;
        for (PathStats p : paths) if (Double.isNaN(v) || p.lastStart() > v) v = p.lastStart();
        return v;
    }
}
