package io.xspy.tui;

import io.xspy.timeline.Canvas;
import io.xspy.timeline.Style;
import io.xspy.timeline.Text;
import io.xspy.timeline.TimelineRenderer;
import java.util.List;

/**
 * Draws the trace screen: the timeline pane, the detail pane of the selected node and the log pane.
 * Wide screens put the detail beside the timeline; narrower ones stack the panes; below 80×24
 * only the focused pane is shown.
 */
final class TracePanes {
    private TracePanes() {}

    static void render(App app, TraceState t, Canvas c) {
        boolean ascii = app.ascii();
        if (t.trace == null) {
            c.put(1, 1, app.loader.busy() ? "loading trace " + t.traceId + "..." : "trace " + t.traceId + " not loaded (r reloads)", Style.DIM);
            return;
        }
        int w = c.width();
        int h = c.height();
        boolean tiny = w < 80 || app.height < 24;
        if (tiny) {
            switch (t.focus) {
                case TIMELINE -> timeline(app, t, c, 0, 0, w, h);
                case DETAIL -> detail(app, t, c, 0, 0, w, h);
                case LOGS -> logs(app, t, c, 0, 0, w, h);
            }
            return;
        }
        int logsH = t.showLogs ? Math.max(4, h / 3) : 0;
        int topH = h - logsH;
        if (w >= 120) {
            int tlW = w * 3 / 5;
            timeline(app, t, c, 0, 0, tlW, topH);
            detail(app, t, c, tlW, 0, w - tlW, topH);
            if (logsH > 0) logs(app, t, c, 0, topH, w, logsH);
        } else {
            int tlH = Math.max(4, topH * 3 / 5);
            timeline(app, t, c, 0, 0, w, t.showLogs ? topH : tlH);
            if (t.showLogs) {
                // the bottom holds the logs, or the detail while it has the focus
                if (t.focus == Views.Pane.DETAIL) detail(app, t, c, 0, topH, w, logsH);
                else logs(app, t, c, 0, topH, w, logsH);
            } else {
                detail(app, t, c, 0, tlH, w, h - tlH);
            }
        }
    }

    private static void timeline(App app, TraceState t, Canvas c, int x, int y, int w, int h) {
        boolean focused = t.focus == Views.Pane.TIMELINE;
        // the full trace id comes first, so a narrow pane cuts the counts, not the id
        title(c, x, y, w, "timeline " + t.trace.id() + " " + Symbols.dot(app.ascii()) + " " + Fmt.duration(t.trace.duration(), app.ascii())
                + " " + Symbols.dot(app.ascii()) + " " + Fmt.count(t.rows.size(), "row"), focused, app.ascii());
        int rowsH = Math.max(0, h - 2);
        int first = t.scroll(rowsH);
        t.noteNameWidth(TimelineRenderer.nameWidth(w, t.nameWidth));
        Canvas tl = TimelinePane.render(t.trace, t.rows, w, app.ascii(), t.viewStart, t.viewEnd, focused ? t.selected : -1,
                first, rowsH, t.nameWidth);
        if (!t.matches.isEmpty()) highlight(t, tl, first, rowsH, TimelineRenderer.nameWidth(w, t.nameWidth), focused);
        if (!focused && t.selected >= first && t.selected < first + rowsH) tl.restyle(0, 1 + t.selected - first, 1, Style.SELECTED);
        c.draw(tl, x, y + 1);
    }

    /** The / search's matches: their name column in the accent (the selected row keeps its look). */
    private static void highlight(TraceState t, Canvas tl, int first, int rowsH, int nameW, boolean focused) {
        java.util.Set<String> ids = t.matchIds();
        for (int i = first; i < first + rowsH && i < t.rows.size(); i++) {
            if (focused && i == t.selected) continue;
            if (ids.contains(t.rows.get(i).segment().id())) tl.restyle(0, 1 + i - first, nameW, Style.ACCENT);
        }
    }

    private static void detail(App app, TraceState t, Canvas c, int x, int y, int w, int h) {
        if (t.current() == null) return;
        List<Line> lines = SegmentDetail.lines(t.trace, t.current().segment(), app.ascii());
        t.detailScroll = pane(c, x, y, w, h, "detail", t.focus == Views.Pane.DETAIL, lines, t.detailScroll, app.ascii());
    }

    private static void logs(App app, TraceState t, Canvas c, int x, int y, int w, int h) {
        List<Line> lines = t.logLines;
        io.xspy.trace.LambdaInvocation only = t.invocation(t.logsOnly);
        String title = t.logError != null ? "logs: " + t.logError
                : only != null ? "logs of this " + only.functionName() + " invocation, " + Fmt.count(t.logLines.size(), "line") + " (L hides)"
                : "logs, " + Fmt.count(t.logs.size(), "line"); // the header's count: log events
        if (lines.isEmpty() && t.logError == null) {
            lines = List.of(new Line(only != null ? "no log lines for this invocation" : "no log lines for this trace", Style.DIM));
        }
        t.logScroll = pane(c, x, y, w, h, title, t.focus == Views.Pane.LOGS, lines, t.logScroll, app.ascii());
    }

    /**
     * A titled pane of text lines from line {@code scroll}, each wrapped to the pane's width (nothing
     * is cut). The title says which line is on top when not all fit. Returns the scroll, clamped so
     * the last line ends at the bottom.
     */
    static int pane(Canvas c, int x, int y, int w, int h, String title, boolean focused, List<Line> lines,
            int scroll, boolean ascii) {
        if (w <= 0 || h <= 0) return scroll;
        int innerW = Math.max(0, w - 1);
        int rows = Math.max(0, h - 1);
        int first = Math.max(0, Math.min(scroll, Wrap.maxScroll(lines, innerW, rows, ascii)));
        Canvas inner = new Canvas(innerW, rows, ascii);
        int row = 0;
        int next = first;
        for (; next < lines.size() && row < rows; next++) {
            Line l = lines.get(next);
            for (String r : Wrap.rows(l, innerW, ascii)) {
                if (row < rows) inner.put(0, row, r, l.style());
                row++;
            }
        }
        boolean all = first == 0 && next == lines.size() && row <= rows;
        title(c, x, y, w, title + (all ? "" : " " + (first + 1) + "/" + lines.size()), focused, ascii);
        c.draw(inner, x + 1, y + 1);
        return first;
    }

    private static void title(Canvas c, int x, int y, int w, String text, boolean focused, boolean ascii) {
        Canvas bar = new Canvas(w, 1, ascii);
        bar.fill(0, 0, w, Symbols.horizontal(ascii), focused ? Style.ACCENT : Style.DIM);
        bar.put(1, 0, (focused ? (ascii ? "> " : "\u25B6 ") : " ") + Text.truncate(Text.sanitize(text, ascii), Math.max(0, w - 4), ascii) + " ", focused ? Style.ACCENT : Style.DIM);
        c.draw(bar, x, y);
    }
}
