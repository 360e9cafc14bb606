package io.xspy.tui;

import io.xspy.query.Filter;
import io.xspy.stats.Breakdown;
import io.xspy.stats.PathStats;
import io.xspy.stats.SegmentPath;
import io.xspy.stats.SpanPath;
import io.xspy.stats.SpanSelector;
import io.xspy.stats.SpanStats;
import io.xspy.stats.Split;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the Analytics screen shows, computed once per load or split on the loader's thread, so a
 * frame only draws: the statistics of every path in scope, each path's p50 and p95 for the list,
 * the part-whole breakdown of each Lambda function among them, and the splits the data offers.
 */
final class AnalyticsData {
    /** At most this many annotation names are offered as splits. */
    static final int MAX_ANNOTATIONS = 8;

    final AnalyticsSample sample;
    final Split split;
    final SpanStats stats;
    /** The paths the list shows, in order. */
    final List<PathStats> paths;
    final double[] p50;
    final double[] p95;
    final Map<String, Breakdown> breakdowns = new HashMap<>();
    /** The splits b cycles through: cold, each annotation, version, runtime, none. */
    final List<Split> splits;

    private AnalyticsData(AnalyticsSample sample, Split split, SpanStats stats, List<PathStats> paths,
            List<Breakdown> breakdowns, List<Split> splits) {
        this.sample = sample;
        this.split = split;
        this.stats = stats;
        this.paths = List.copyOf(paths);
        this.p50 = new double[paths.size()];
        this.p95 = new double[paths.size()];
        for (int i = 0; i < paths.size(); i++) {
            p50[i] = paths.get(i).all().durations().percentile(50);
            p95[i] = paths.get(i).all().durations().percentile(95);
        }
        for (Breakdown b : breakdowns) this.breakdowns.put(b.function(), b);
        this.splits = splits;
    }

    /** The statistics of the sample's traces in scope, split as asked; {@code splits} null to read them from the traces. */
    static AnalyticsData compute(AnalyticsSample sample, AnalyticsScope scope, Split split, List<Split> splits) {
        SpanStats stats = SpanStats.compute(sample.traces(), Filter.ALL, SpanSelector.ALL, split);
        List<PathStats> paths = new ArrayList<>();
        if (scope.service() != null) {
            for (PathStats p : stats.paths()) if (p.path().service().equals(scope.service())) paths.add(p);
        }
        // a service whose spans are recorded by its callers (a DynamoDB table): every path then
        if (paths.isEmpty()) paths.addAll(stats.paths());
        Set<String> services = new TreeSet<>();
        paths.forEach(p -> services.add(p.path().service()));
        List<Breakdown> parts = Breakdown.of(sample.traces(), Filter.ALL, services::contains);
        if (splits == null) {
            splits = new ArrayList<>(List.of(Split.COLD));
            for (String name : SegmentPath.annotationNames(sample.traces(), MAX_ANNOTATIONS)) splits.add(Split.annotation(name));
            splits.addAll(List.of(Split.VERSION, Split.RUNTIME, Split.NONE));
        }
        return new AnalyticsData(sample, split, stats, paths, parts, List.copyOf(splits));
    }

    /** The split after this one, round the list. */
    Split nextSplit() {
        int i = splits.indexOf(split);
        return splits.get((i + 1) % splits.size());
    }

    int indexOf(SpanPath path) {
        for (int i = 0; i < paths.size(); i++) if (paths.get(i).path().equals(path)) return i;
        return -1;
    }
}
