package io.xspy.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Set A against set B, path by path: every path either set has (the other side empty when it has none). */
public record PathComparison(SpanPath path, Comparison comparison) {

    public static List<PathComparison> of(SpanStats a, SpanStats b) {
        TreeSet<SpanPath> paths = new TreeSet<>();
        a.paths().forEach(p -> paths.add(p.path()));
        b.paths().forEach(p -> paths.add(p.path()));
        List<PathComparison> out = new ArrayList<>();
        for (SpanPath path : paths) out.add(new PathComparison(path, Comparison.of(all(a, path), all(b, path))));
        return out;
    }

    private static Group all(SpanStats stats, SpanPath path) {
        PathStats p = stats.path(path);
        return p == null ? new Group(Group.ALL, Distribution.EMPTY, 0, 0) : p.all();
    }
}
