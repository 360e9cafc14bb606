package io.xspy.source;

import io.xspy.trace.LambdaInvocation;
import io.xspy.trace.LogLine;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the log lines of each Lambda invocation in a trace. With a request id: search the function's
 * log group for it (from {@link #BEFORE} before the invocation, for the init phase, to {@link #AFTER}
 * after it), then read the stream of its START line from START to its REPORT, so lines that do not
 * carry the request id are included (Go's log output, tracebacks), and before START back to the
 * previous invocation's END or REPORT in that stream (the init phase: INIT_START,
 * Runtime.ImportModuleError tracebacks). Without a request id, or when the search finds nothing:
 * every line of the group in the invocation's time range.
 *
 * <p>A log group that does not exist is not an error of the whole trace: it becomes one marker line
 * (see {@link #isMissingGroup}) with the message "log group NAME not found", at the invocation's start,
 * so the log pane shows it where the lines would have been.
 */
public final class LogCorrelation {

    /** Seconds searched before an invocation's start: the init phase runs before START. */
    public static final double BEFORE = 300;
    /** Seconds searched after an invocation's end: REPORT and late lines. */
    public static final double AFTER = 60;

    private LogCorrelation() {}

    /** The lines of every invocation in the trace, in time order, each line once. */
    public static List<LogLine> logs(Trace trace, LogEvents events) {
        Set<LogLine> lines = new LinkedHashSet<>();
        Set<String> missing = new LinkedHashSet<>();
        for (LambdaInvocation inv : LambdaInvocation.of(trace)) {
            try {
                lines.addAll(invocationLines(inv, events));
            } catch (LogEvents.GroupNotFound e) {
                if (missing.add(e.logGroup())) lines.add(missingGroup(e.logGroup(), inv.startTime()));
            }
        }
        List<LogLine> out = new ArrayList<>(lines);
        out.sort(Comparator.comparingDouble(LogLine::timestamp)); // stable: a stream's order is kept
        return out;
    }

    /** The marker for a log group that does not exist: the only kind of line without a stream. */
    public static LogLine missingGroup(String logGroup, double at) {
        return new LogLine(at, logGroup, null, "log group " + logGroup + " not found");
    }

    public static boolean isMissingGroup(LogLine line) {
        return line.logStream() == null;
    }

    static List<LogLine> invocationLines(LambdaInvocation inv, LogEvents events) {
        String group = inv.logGroup();
        String requestId = inv.requestId();
        if (requestId != null && !requestId.isBlank()) {
            double from = inv.startTime() - BEFORE;
            double to = inv.endTime() + AFTER;
            List<LogLine> hits = events.filter(group, from, to, requestId);
            if (!hits.isEmpty()) return fromStream(group, requestId, hits, from, to, events);
        }
        return events.filter(group, inv.startTime(), inv.endTime(), "");
    }

    private static List<LogLine> fromStream(String group, String requestId, List<LogLine> hits, double from,
            double to, LogEvents events) {
        LogLine anchor = hits.get(0);
        for (LogLine l : hits) {
            if (l.message().startsWith("START RequestId: " + requestId)) {
                anchor = l;
                break;
            }
        }
        List<LogLine> stream = events.stream(group, anchor.logStream(), from, to);
        int start = stream.indexOf(anchor);
        if (start < 0) return hits; // the stream changed between the two reads
        int first = start;
        while (first > 0 && !endsAnInvocation(stream.get(first - 1).message())
                && !stream.get(first - 1).message().startsWith("START RequestId: ")) {
            first--;
        }
        int last = start;
        for (int i = start + 1; i < stream.size(); i++) {
            String m = stream.get(i).message();
            if (m.startsWith("START RequestId: ") && !m.startsWith("START RequestId: " + requestId)) break;
            last = i;
            if (m.startsWith("REPORT RequestId: " + requestId)) break;
        }
        List<LogLine> out = new ArrayList<>(stream.subList(first, last + 1));
        for (LogLine h : hits) if (!h.logStream().equals(anchor.logStream())) out.add(h); // other streams' mentions
        return out;
    }

    private static boolean endsAnInvocation(String message) {
        return message.startsWith("END RequestId: ") || message.startsWith("REPORT RequestId: ");
    }
}
