package io.xspy.stats;

import io.xspy.query.Filter;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** The ids of the traces that matched, in the order walked; the paths' samples index into it. */
    private final String[] traceIds;

    private SpanStats(int traces, Split split, SpanSelector selector, List<PathStats> paths, String[] traceIds) {
        this.traces = traces;
        this.traceIds = traceIds;
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
        List<Partial> parts;
        if (traces instanceof List<Trace> list && list instanceof RandomAccess && list.size() >= PARALLEL_FROM) {
            // a large set in chunks on all cores, merged in chunk order: the same result as one walk
            int chunks = (list.size() + CHUNK - 1) / CHUNK;
            parts = IntStream.range(0, chunks).parallel()
                    .mapToObj(i -> walk(list.subList(i * CHUNK, Math.min(list.size(), (i + 1) * CHUNK)), filter, selector, split))
                    .toList();
        } else {
            parts = List.of(walk(traces, filter, selector, split));
        }
        // each path's spans from every chunk, their trace indexes shifted to the joined list of ids
        List<String> ids = new ArrayList<>();
        Map<SpanPath, List<PathSamples>> pieces = new LinkedHashMap<>();
        Map<SpanPath, List<Integer>> offsets = new LinkedHashMap<>();
        for (Partial part : parts) {
            for (PathNode p : part.seen) {
                pieces.computeIfAbsent(p.path, k -> new ArrayList<>()).add(p.samples);
                offsets.computeIfAbsent(p.path, k -> new ArrayList<>()).add(ids.size());
            }
            ids.addAll(part.ids);
        }
        boolean exact = false;
        for (SpanPath p : pieces.keySet()) exact |= selector.isExactly(p);
        String[] idArray = ids.toArray(String[]::new);
        List<PathStats> out = new ArrayList<>();
        for (Map.Entry<SpanPath, List<PathSamples>> e : pieces.entrySet()) {
            if (exact && !selector.isExactly(e.getKey())) continue;
            int[] shift = offsets.get(e.getKey()).stream().mapToInt(Integer::intValue).toArray();
            out.add(new PathStats(e.getKey(), PathSamples.concat(e.getValue(), shift), idArray, split.kind() == Split.Kind.COLD));
        }
        out.sort((a, b) -> a.path().compareTo(b.path()));
        return new SpanStats(ids.size(), split, selector, out, idArray);
    }

    /**
     * The statistics of two sets of traces as one, as if computed over {@code first}'s traces and then
     * {@code rest}'s: a first screen from some traces, completed when the rest are read.
     */
    public static SpanStats combine(SpanStats first, SpanStats rest) {
        if (!first.split.equals(rest.split) || !first.selector.equals(rest.selector)) {
            throw new IllegalArgumentException("only statistics of the same split and selection combine");
        }
        String[] ids = Arrays.copyOf(first.traceIds, first.traceIds.length + rest.traceIds.length);
        System.arraycopy(rest.traceIds, 0, ids, first.traceIds.length, rest.traceIds.length);
        Map<SpanPath, List<PathSamples>> pieces = new LinkedHashMap<>();
        Map<SpanPath, List<Integer>> offsets = new LinkedHashMap<>();
        for (SpanStats part : List.of(first, rest)) {
            int offset = part == first ? 0 : first.traceIds.length;
            for (PathStats p : part.paths) {
                pieces.computeIfAbsent(p.path(), k -> new ArrayList<>()).add(p.samples());
                offsets.computeIfAbsent(p.path(), k -> new ArrayList<>()).add(offset);
            }
        }
        boolean exact = false;
        for (SpanPath p : pieces.keySet()) exact |= first.selector.isExactly(p);
        List<PathStats> out = new ArrayList<>();
        for (Map.Entry<SpanPath, List<PathSamples>> e : pieces.entrySet()) {
            if (exact && !first.selector.isExactly(e.getKey())) continue;
            int[] shift = offsets.get(e.getKey()).stream().mapToInt(Integer::intValue).toArray();
            out.add(new PathStats(e.getKey(), PathSamples.concat(e.getValue(), shift), ids, first.split.kind() == Split.Kind.COLD));
        }
        out.sort((a, b) -> a.path().compareTo(b.path()));
        return new SpanStats(first.traces + rest.traces, first.split, first.selector, out, ids);
    }

    /** Traces in a set from which the walk runs in parallel chunks of this many. */
    static final int PARALLEL_FROM = 20_000;
    static final int CHUNK = 10_000;

    /** What one walk over some traces found: the selected paths in the order first seen, with their spans, and the ids of the traces that matched. */
    private record Partial(List<PathNode> seen, List<String> ids) {}

    private static Partial walk(Iterable<Trace> traces, Filter filter, SpanSelector selector, Split split) {
        List<PathNode> seen = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        SpanWalk walk = new SpanWalk(split, selector);
        for (Trace trace : traces) {
            if (!filter.matches(trace)) continue;
            int index = ids.size();
            ids.add(trace.id());
            walk.walk(trace, (PathNode path, Segment node, String key) -> {
                PathSamples s = path.samples;
                if (s == null) {
                    path.samples = s = new PathSamples();
                    seen.add(path);
                }
                s.add(index, node.startTime(), Distribution.toMicros(node.duration()), SpanWalk.outcome(node), s.group(key));
            });
        }
        return new Partial(seen, ids);
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
