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
    private Map<String, Map<String, PathNode>> byOperation;
    private byte selected; // 0 not asked yet, 1 yes, 2 no
    /** The collected spans of this path, or null until one is selected. */
    PathSamples samples;

    PathNode(SpanPath path) {
        this.path = path;
    }

    /** The child a subsegment makes: its name, and a call to AWS its operation, without building the label each time. */
    PathNode child(io.xspy.trace.Segment s) {
        String op = s.aws().operation();
        if (op == null || !"aws".equals(s.namespace())) return child(s.name());
        if (byOperation == null) byOperation = new HashMap<>(4);
        Map<String, PathNode> ops = byOperation.computeIfAbsent(s.name(), k -> new HashMap<>(4));
        PathNode c = ops.get(op);
        if (c == null) ops.put(op, c = child(SpanWalk.label(s)));
        return c;
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
