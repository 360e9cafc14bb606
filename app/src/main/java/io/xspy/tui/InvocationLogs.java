package io.xspy.tui;

import io.xspy.trace.LambdaInvocation;
import io.xspy.trace.LogLine;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which Lambda invocation a node and a log line belong to, for the log pane: a node belongs to the
 * invocation whose function or service segment is it or above it; a line to the invocation of its
 * log group nearest in time (a retried function writes to one group twice).
 */
final class InvocationLogs {
    private InvocationLogs() {}

    /** The invocation the node belongs to, or null (an S3 bucket, a queue). */
    static LambdaInvocation of(Trace trace, Segment node) {
        List<LambdaInvocation> all = LambdaInvocation.of(trace);
        for (Segment s = node; s != null; s = trace.parentOf(s)) {
            for (LambdaInvocation inv : all) if (s == inv.functionSegment() || s == inv.serviceSegment()) return inv;
        }
        return null;
    }

    /** The lines of that invocation, in their order. */
    static List<LogLine> lines(Trace trace, List<LogLine> logs, LambdaInvocation inv) {
        List<LambdaInvocation> all = LambdaInvocation.of(trace);
        List<LogLine> out = new ArrayList<>();
        for (LogLine l : logs) if (nearest(all, l) == inv || sameInvocation(nearest(all, l), inv)) out.add(l);
        return out;
    }

    /** Those lines first, then the others, each part in its order. */
    static List<LogLine> first(Trace trace, List<LogLine> logs, LambdaInvocation inv) {
        List<LogLine> mine = lines(trace, logs, inv);
        List<LogLine> out = new ArrayList<>(mine);
        for (LogLine l : logs) if (!mine.contains(l)) out.add(l);
        return out;
    }

    private static boolean sameInvocation(LambdaInvocation a, LambdaInvocation b) {
        return a != null && b != null && a.functionSegment() == b.functionSegment() && a.serviceSegment() == b.serviceSegment();
    }

    private static LambdaInvocation nearest(List<LambdaInvocation> all, LogLine l) {
        LambdaInvocation best = null;
        double bestDistance = Double.MAX_VALUE;
        for (LambdaInvocation inv : all) {
            if (!Objects.equals(inv.logGroup(), l.logGroup())) continue;
            double d = Math.max(0, Math.max(inv.startTime() - l.timestamp(), l.timestamp() - inv.endTime()));
            if (d < bestDistance) {
                best = inv;
                bestDistance = d;
            }
        }
        return best;
    }
}
