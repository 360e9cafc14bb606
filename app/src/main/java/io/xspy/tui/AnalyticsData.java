package io.xspy.tui;

import io.xspy.query.Filter;
import io.xspy.stats.PathStats;
import io.xspy.stats.SpanPath;
import io.xspy.stats.SpanSelector;
import io.xspy.stats.SpanStats;
import io.xspy.stats.Split;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistics the Analytics screen shows, computed once per load or split on the loader's thread,
 * so a frame only draws: every path in scope and each one's p50 and p95 for the list. What does not
 * depend on the split follows in {@link AnalyticsExtras}.
 */
final class AnalyticsData {

    final AnalyticsSample sample;
    final Split split;
    final SpanStats stats;
    /** The paths the list shows, in order. */
    final List<PathStats> paths;
    final double[] p50;
    final double[] p95;

    private AnalyticsData(AnalyticsSample sample, Split split, SpanStats stats, List<PathStats> paths) {
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
    }

    /** The statistics of the sample's traces in scope, split as asked. */
    static AnalyticsData compute(AnalyticsSample sample, AnalyticsScope scope, Split split) {
        return of(sample, scope, split, SpanStats.compute(sample.traces(), Filter.ALL, SpanSelector.ALL, split));
    }

    /** The statistics of a first part's traces and then of the rest, as one. */
    static AnalyticsData complete(AnalyticsData first, AnalyticsSample rest, AnalyticsScope scope) {
        SpanStats more = SpanStats.compute(rest.traces(), Filter.ALL, SpanSelector.ALL, first.split);
        return of(first.sample.join(rest), scope, first.split, SpanStats.combine(first.stats, more));
    }

    private static AnalyticsData of(AnalyticsSample sample, AnalyticsScope scope, Split split, SpanStats stats) {
        List<PathStats> paths = new ArrayList<>();
        if (scope.service() != null) {
            for (PathStats p : stats.paths()) if (p.path().service().equals(scope.service())) paths.add(p);
        }
        // a service whose spans are recorded by its callers (a DynamoDB table): every path then
        if (paths.isEmpty()) paths.addAll(stats.paths());
        return new AnalyticsData(sample, split, stats, paths);
    }

    int indexOf(SpanPath path) {
        for (int i = 0; i < paths.size(); i++) if (paths.get(i).path().equals(path)) return i;
        return -1;
    }
}
