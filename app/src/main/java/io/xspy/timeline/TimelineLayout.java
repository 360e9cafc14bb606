package io.xspy.timeline;

import io.xspy.trace.Kind;
import io.xspy.trace.LambdaInvocation;
import io.xspy.trace.RemoteCall;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/** Trace → rows: the tree flattened depth first, children of folded nodes left out. */
public final class TimelineLayout {

    static final String INITIALIZATION = "Initialization";

    private TimelineLayout() {}

    private record Pending(Segment segment, Segment parent, int depth) {}

    /**
     * The visible rows of a trace, in display order. Iterative, so a 10,000-deep chain of
     * subsegments lays out like any other.
     */
    public static List<TimelineRow> rows(Trace trace, Set<String> foldedIds) {
        Set<String> folded = foldedIds == null ? Set.of() : foldedIds;
        double origin = trace.startTime();
        double traceEnd = trace.endTime() - origin;
        List<TimelineRow> out = new ArrayList<>(); // not sized by nodeCount(): that indexes every node by id, which printing never needs
        Deque<Pending> stack = new ArrayDeque<>();
        List<Segment> roots = trace.roots();
        for (int i = roots.size() - 1; i >= 0; i--) stack.push(new Pending(roots.get(i), null, 0));
        while (!stack.isEmpty()) {
            Pending p = stack.pop();
            Segment s = p.segment();
            List<Segment> children = s.subsegments();
            boolean hasChildren = !children.isEmpty();
            boolean isFolded = hasChildren && folded.contains(s.id());
            double start = s.startTime() - origin;
            double end = s.inProgress() || s.endTime() == null ? Math.max(start, traceEnd) : s.endTime() - origin;
            out.add(new TimelineRow(s, p.depth(), label(s, false), start, end, s.status(), kindOf(s), hasChildren,
                    isFolded, trace.isOrphan(s), s.inProgress(), isColdStart(s, p.parent())));
            if (isFolded) continue;
            for (int i = children.size() - 1; i >= 0; i--) stack.push(new Pending(children.get(i), s, p.depth() + 1));
        }
        return out;
    }

    /**
     * What a row calls its node: the name; for a call to another service its target
     * ("DynamoDB · items PutItem"); for a segment a short tag of its origin ("xraystarter-go (Function)").
     */
    public static String label(Segment s, boolean ascii) {
        RemoteCall call = s.kind() == Kind.SUBSEGMENT ? s.remoteCall() : null;
        if (call != null) {
            String target = call.aws() ? join(call.resource(), call.operation()) : join(call.operation(), call.resource());
            return target.isEmpty() ? s.name() : s.name() + (ascii ? " - " : " \u00B7 ") + target;
        }
        String tag = originTag(s);
        return tag == null ? s.name() : s.name() + " (" + tag + ")";
    }

    /** The short tag of a segment's origin: "Lambda" for AWS::Lambda, "Function" for AWS::Lambda::Function. */
    static String originTag(Segment s) {
        if (s.kind() == Kind.SUBSEGMENT) return null;
        String origin = s.origin();
        if (origin == null || origin.isBlank()) return s.kind() == Kind.INFERRED ? "inferred" : null;
        int sep = origin.lastIndexOf("::");
        return sep >= 0 && sep + 2 < origin.length() ? origin.substring(sep + 2) : origin;
    }

    static RowKind kindOf(Segment s) {
        return switch (s.kind()) {
            case SEGMENT -> RowKind.SEGMENT;
            case INFERRED -> RowKind.INFERRED;
            case SUBSEGMENT -> s.isRemote() ? RowKind.REMOTE : RowKind.SUBSEGMENT;
        };
    }

    /** An Initialization subsegment of a function segment, or a function segment that has one. */
    static boolean isColdStart(Segment s, Segment parent) {
        if (s.kind() == Kind.SUBSEGMENT) {
            return INITIALIZATION.equals(s.name()) && parent != null && isFunctionSegment(parent);
        }
        if (!isFunctionSegment(s)) return false;
        for (Segment c : s.subsegments()) if (INITIALIZATION.equals(c.name())) return true;
        return false;
    }

    private static boolean isFunctionSegment(Segment s) {
        return s.kind() != Kind.SUBSEGMENT && LambdaInvocation.FUNCTION_ORIGIN.equals(s.origin());
    }

    private static String join(String a, String b) {
        if (a == null || a.isEmpty()) return b == null ? "" : b;
        return b == null || b.isEmpty() ? a : a + " " + b;
    }
}
