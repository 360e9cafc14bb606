package io.xspy.tui;

import io.xspy.source.LogCorrelation;
import io.xspy.timeline.Style;
import io.xspy.timeline.Text;
import io.xspy.trace.LogLine;
import java.util.ArrayList;
import java.util.List;

/**
 * The log lines of a trace as the log pane shows them: time relative to the trace start, the
 * function (the last part of the log group), the message (one line per log event, wrapped by the pane); errors highlighted,
 * REPORT lines read into their figures, START/END lines dimmed.
 */
final class LogPane {
    private LogPane() {}

    /** The function column fits the longest function name of the trace, within these bounds. */
    private static final int MIN_FN = 8;
    private static final int MAX_FN = 40;

    static List<Line> lines(List<LogLine> logs, double traceStart, boolean ascii) {
        List<Line> out = new ArrayList<>();
        int fnW = MIN_FN;
        for (LogLine log : logs) fnW = Math.max(fnW, Text.width(Text.sanitize(log.function(), ascii)) + 2);
        fnW = Math.min(fnW, MAX_FN);
        for (LogLine log : logs) {
            String when = pad(Fmt.offset(log.timestamp() - traceStart, ascii), 9, ascii);
            // sanitized here, so a line break in a log group's name is not a row break of the message
            String fn = pad(Text.sanitize(log.function(), ascii), fnW, ascii);
            String message = log.message() == null ? "" : log.message();
            LambdaReport report = LambdaReport.parse(message);
            if (report != null) {
                out.add(new Line(when + fn + report.summary(ascii), Style.ACCENT));
                continue;
            }
            // a missing log group or permission is said as such, not shown as an empty pane
            Style style = LogCorrelation.isMissingGroup(log) ? Style.ERROR
                    : LogLine.looksLikeError(message) ? Style.FAULT
                    : message.startsWith("START ") || message.startsWith("END ") ? Style.DIM : Style.NORMAL;
            // one line per log event, as the header counts them; its own line breaks wrap under the message
            out.add(new Line(when + fn + message.stripTrailing(), style, 9 + fnW)); // CloudWatch messages end in a newline
        }
        return out;
    }

    private static String pad(String s, int cols, boolean ascii) {
        return Text.padRight(s, cols - 1, ascii) + " ";
    }
}
