package io.xspy.tui;

import io.xspy.timeline.Canvas;
import io.xspy.timeline.Style;
import io.xspy.timeline.Text;
import io.xspy.trace.Segment;
import io.xspy.trace.Status;
import io.xspy.trace.Trace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * The segment tree of a trace as rows (folded nodes hide their descendants) and those rows drawn
 * as a timeline: tree on the left, bars on a time axis from viewStart to viewEnd, durations on the
 * right. Only the rows in view are drawn.
 */
final class TimelinePane {
    private TimelinePane() {}

    record Row(Segment segment, int depth, boolean hasChildren, boolean folded) {}

    static List<Row> rows(Trace trace, Set<String> folded) {
        List<Row> out = new ArrayList<>();
        Deque<Row> stack = new ArrayDeque<>();
        List<Segment> roots = trace.roots();
        for (int i = roots.size() - 1; i >= 0; i--) stack.push(row(roots.get(i), 0, folded));
        while (!stack.isEmpty()) {
            Row r = stack.pop();
            out.add(r);
            if (r.folded) continue;
            List<Segment> kids = r.segment.subsegments();
            for (int i = kids.size() - 1; i >= 0; i--) stack.push(row(kids.get(i), r.depth + 1, folded));
        }
        return out;
    }

    private static Row row(Segment s, int depth, Set<String> folded) {
        boolean kids = !s.subsegments().isEmpty();
        return new Row(s, depth, kids, kids && folded.contains(s.id()));
    }

    /**
     * Draws rows {@code first} to {@code first + maxRows} (after a one-line axis header) at the
     * given width; the selected row is drawn reversed.
     */
    static Canvas render(Trace trace, List<Row> rows, int width, boolean ascii, double viewStart, double viewEnd,
            int selected, int first, int maxRows) {
        int shown = Math.max(0, Math.min(maxRows, rows.size() - first));
        Canvas c = new Canvas(width, shown + 1, ascii);
        int durW = 9;
        int nameW = Math.max(8, Math.min(40, width / 3));
        int barX = nameW + 1;
        int barW = Math.max(1, width - barX - durW - 1);
        double span = Math.max(1e-9, viewEnd - viewStart);
        double t0 = trace.startTime();
        c.put(0, 0, Text.padRight("segment", nameW, ascii), Style.DIM);
        c.put(barX, 0, Fmt.offset(viewStart - t0, ascii), Style.DIM);
        String right = Fmt.offset(viewEnd - t0, ascii);
        c.put(Math.max(barX, barX + barW - Text.width(right)), 0, right, Style.DIM);
        String bar = ascii ? "#" : "\u2588";
        for (int i = 0; i < shown; i++) {
            Row r = rows.get(first + i);
            Segment s = r.segment;
            int y = i + 1;
            Status st = s.status();
            c.put(0, y, Symbols.status(st, ascii), Symbols.style(st));
            String fold = !r.hasChildren ? " " : r.folded ? (ascii ? "+" : "\u25B8") : (ascii ? "-" : "\u25BE");
            String label = " ".repeat(Math.min(r.depth, 12)) + fold + s.name();
            c.put(2, y, Text.truncate(Text.sanitize(label, ascii), nameW - 2, ascii),
                    s.name().equals("Initialization") ? Style.COLD : Style.NORMAL);
            double from = (s.startTime() - viewStart) / span * barW;
            double to = (s.endOrStart() - viewStart) / span * barW;
            if (to >= 0 && from <= barW) {
                int x0 = (int) Math.max(0, Math.floor(from));
                int x1 = (int) Math.min(barW, Math.max(x0 + 1, Math.ceil(to)));
                Style style = s.name().equals("Initialization") ? Style.COLD : barStyle(st);
                c.fill(barX + x0, y, x1 - x0, bar, style);
            }
            String d = s.inProgress() ? "open" : Fmt.duration(s.duration(), ascii);
            c.put(width - durW + Math.max(0, durW - Text.width(d)), y, d, Style.DIM);
            if (first + i == selected) c.restyle(0, y, width, Style.SELECTED);
        }
        return c;
    }

    private static Style barStyle(Status s) {
        return s == Status.OK ? Style.ACCENT : Symbols.style(s);
    }
}
