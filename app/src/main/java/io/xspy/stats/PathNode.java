package io.xspy.stats;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One span path in a tree of the paths seen so far, so walking a trace makes no new path (and no
 * string) for a path it has met before, and asks the selector once per path.
 */
final class PathNode {
    final SpanPath path;
    private final Map<String, PathNode> children = new HashMap<>(4);
    private byte selected; // 0 not asked yet, 1 yes, 2 no
    /** The collected spans of this path, or null until one is selected. */
    PathSamples samples;

    PathNode(SpanPath path) {
        this.path = path;
    }

    PathNode child(String label) {
        PathNode c = children.get(label);
        if (c == null) children.put(label, c = new PathNode(path.child(label)));
        return c;
    }

    boolean selected(Predicate<SpanPath> selector) {
        if (selected == 0) selected = (byte) (selector.test(path) ? 1 : 2);
        return selected == 1;
    }
}
