package io.xspy.tui;

import io.xspy.query.Filter;
import io.xspy.stats.Breakdown;
import io.xspy.stats.SegmentPath;
import io.xspy.stats.Split;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Analytics screen adds once its statistics are shown, computed after them (they do not
 * depend on the split, only on the sample): where each Lambda function's time goes, and the splits
 * the traces offer (each annotation name they use). Kept apart so the first frame with statistics
 * does not wait for them.
 */
record AnalyticsExtras(Map<String, Breakdown> breakdowns, List<Split> splits) {

    /** At most this many annotation names are offered as splits. */
    static final int MAX_ANNOTATIONS = 8;

    /** The splits b cycles through before the annotation names are known. */
    static final List<Split> BASIC_SPLITS = List.of(Split.COLD, Split.VERSION, Split.RUNTIME, Split.NONE);

    static AnalyticsExtras compute(AnalyticsSample sample) {
        Map<String, Breakdown> byFunction = new HashMap<>();
        for (Breakdown b : Breakdown.of(sample.traces(), Filter.ALL, fn -> true)) byFunction.put(b.function(), b);
        List<Split> splits = new ArrayList<>(List.of(Split.COLD));
        for (String name : SegmentPath.annotationNames(sample.traces(), MAX_ANNOTATIONS)) splits.add(Split.annotation(name));
        splits.addAll(List.of(Split.VERSION, Split.RUNTIME, Split.NONE));
        return new AnalyticsExtras(Map.copyOf(byFunction), List.copyOf(splits));
    }

    /** The split after {@code split} in {@code splits}, round the list. */
    static Split next(List<Split> splits, Split split) {
        int i = splits.indexOf(split);
        return splits.get((i + 1) % splits.size());
    }
}
