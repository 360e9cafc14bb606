package io.xspy.stats;

import io.xspy.query.Filter;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.List;

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
        List<PathNode> seen = new ArrayList<>();
        SpanWalk walk = new SpanWalk(split, selector);
        int[] matched = {0};
        for (Trace trace : traces) {
            if (!filter.matches(trace)) continue;
            matched[0]++;
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
        boolean exact = false;
        for (PathNode p : seen) exact |= selector.isExactly(p.path);
        List<PathStats> out = new ArrayList<>();
        for (PathNode p : seen) {
            if (exact && !selector.isExactly(p.path)) continue;
            out.add(new PathStats(p.path, p.samples, split.kind() == Split.Kind.COLD));
        }
        out.sort((a, b) -> a.path().compareTo(b.path()));
        return new SpanStats(matched[0], split, selector, out);
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
