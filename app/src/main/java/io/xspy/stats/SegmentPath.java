package io.xspy.stats;

import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@link SpanPath} of one span of a trace, named exactly as {@link SpanStats} names it (one walk
 * does both), and the annotation names a set of traces uses: what a screen needs to open the
 * statistics of the span under the cursor and to offer the splits the data has.
 */
public final class SegmentPath {
    private SegmentPath() {}

    /** The path of {@code node} in {@code trace}, or null (not in the trace, or still in progress). */
    public static SpanPath of(Trace trace, Segment node) {
        SpanPath[] found = {null};
        new SpanWalk(Split.NONE, p -> true).walk(trace, (path, n, key) -> {
            if (n == node) found[0] = path.path;
        });
        return found[0];
    }

    /** The names of the annotations on any span of these traces, sorted (at most {@code max}). */
    public static List<String> annotationNames(Iterable<Trace> traces, int max) {
        TreeSet<String> names = new TreeSet<>();
        for (Trace t : traces) {
            for (Segment s : t.nodesById().values()) {
                for (Map.Entry<String, Object> e : s.annotations().entrySet()) {
                    names.add(e.getKey());
                    if (names.size() >= max) return new ArrayList<>(names);
                }
            }
        }
        return new ArrayList<>(names);
    }
}
