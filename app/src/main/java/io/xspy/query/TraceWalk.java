package io.xspy.query;

import io.xspy.trace.Kind;
import io.xspy.trace.Segment;
import io.xspy.trace.Status;
import io.xspy.trace.Trace;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** Allocation-light walks over an assembled trace tree, without recursion (trees can be deep). */
final class TraceWalk {

    private TraceWalk() {}

    /** Called for each node of the tree with its caller: the nearest enclosing segment (not subsegment), or null. */
    interface Visitor {
        /** Returns true to stop the walk: the answer is found. */
        boolean visit(Trace trace, Segment node, Segment caller);
    }

    /** Depth up to which the walk recurses; deeper subtrees go on an explicit stack. */
    private static final int RECURSION_LIMIT = 64;

    /** Whether the visitor returns true for some node, visiting parents before children. */
    static boolean any(Trace trace, Visitor visitor) {
        List<Segment> roots = trace.roots();
        for (int i = 0; i < roots.size(); i++) {
            if (walk(trace, roots.get(i), null, visitor, 0)) return true;
        }
        return false;
    }

    /** Recursion allocates nothing, which matters when a filter runs over 100,000 traces. */
    private static boolean walk(Trace trace, Segment node, Segment caller, Visitor visitor, int depth) {
        if (visitor.visit(trace, node, caller)) return true;
        List<Segment> kids = node.subsegments();
        if (kids.isEmpty()) return false;
        Segment enclosing = node.kind() == Kind.SUBSEGMENT ? caller : node;
        if (depth >= RECURSION_LIMIT) return walkDeep(trace, kids, enclosing, visitor);
        for (int i = 0; i < kids.size(); i++) {
            if (walk(trace, kids.get(i), enclosing, visitor, depth + 1)) return true;
        }
        return false;
    }

    private static boolean walkDeep(Trace trace, List<Segment> start, Segment startCaller, Visitor visitor) {
        Segment[] nodes = new Segment[Math.max(16, start.size() * 2)];
        Segment[] callers = new Segment[nodes.length];
        int top = 0;
        for (int i = start.size() - 1; i >= 0; i--) {
            nodes[top] = start.get(i);
            callers[top++] = startCaller;
        }
        while (top > 0) {
            top--;
            Segment node = nodes[top];
            Segment caller = callers[top];
            if (visitor.visit(trace, node, caller)) return true;
            List<Segment> kids = node.subsegments();
            if (kids.isEmpty()) continue;
            Segment enclosing = node.kind() == Kind.SUBSEGMENT ? caller : node;
            if (top + kids.size() > nodes.length) {
                int size = Math.max(nodes.length * 2, top + kids.size());
                nodes = Arrays.copyOf(nodes, size);
                callers = Arrays.copyOf(callers, size);
            }
            for (int i = kids.size() - 1; i >= 0; i--) {
                nodes[top] = kids.get(i);
                callers[top++] = enclosing;
            }
        }
        return false;
    }

    /** Whether some node of the trace, at any depth, satisfies the test. */
    static boolean anySegment(Trace trace, Predicate<Segment> test) {
        return any(trace, (t, node, caller) -> test.test(node));
    }

    /** Whether the node stands for a node of the service map: a segment, an inferred segment or a remote call. */
    static boolean isServiceNode(Segment s) {
        return s.kind() != Kind.SUBSEGMENT || s.isRemote();
    }

    /**
     * Whether the test holds for the node or for one of the subsegments it recorded locally: descendants
     * reached without passing through another segment or a remote call, which are nodes of their own.
     */
    static boolean anyLocal(Segment node, Predicate<Segment> test) {
        return test.test(node) || anyLocalBelow(node, test, 0);
    }

    private static boolean anyLocalBelow(Segment node, Predicate<Segment> test, int depth) {
        List<Segment> kids = node.subsegments();
        for (int i = 0; i < kids.size(); i++) {
            Segment s = kids.get(i);
            if (s.kind() != Kind.SUBSEGMENT || s.isRemote()) continue;
            if (test.test(s)) return true;
            if (s.subsegments().isEmpty()) continue;
            if (depth >= RECURSION_LIMIT ? anyLocalDeep(s, test) : anyLocalBelow(s, test, depth + 1)) return true;
        }
        return false;
    }

    private static boolean anyLocalDeep(Segment node, Predicate<Segment> test) {
        ArrayDeque<Segment> stack = new ArrayDeque<>(node.subsegments());
        while (!stack.isEmpty()) {
            Segment s = stack.pop();
            if (s.kind() != Kind.SUBSEGMENT || s.isRemote()) continue;
            if (test.test(s)) return true;
            s.subsegments().forEach(stack::push);
        }
        return false;
    }

    static final Predicate<Segment> FAULT = s -> s.fault() || s.status() == Status.FAULT;
    static final Predicate<Segment> THROTTLE = s -> s.throttle() || s.status() == Status.THROTTLE;
    /** As X-Ray counts it, a throttle is also an error. */
    static final Predicate<Segment> ERROR =
            s -> s.error() || s.status() == Status.ERROR || s.status() == Status.THROTTLE;
    static final Predicate<Segment> IN_PROGRESS = Segment::inProgress;

    /** A node X-Ray shows as inferred: an inferred segment, or a remote call whose callee sent no segment. */
    static boolean isInferred(Segment s) {
        if (s.kind() == Kind.INFERRED) return true;
        if (s.kind() != Kind.SUBSEGMENT || !s.isRemote()) return false;
        for (Segment child : s.subsegments()) if (child.kind() != Kind.SUBSEGMENT) return false;
        return true;
    }
}
