package io.xspy.timeline;

import io.xspy.trace.Status;
import io.xspy.trace.Trace;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Rows → canvas. A line is a name column (tree indentation, fold glyph, status marks, label), a bar
 * area scaled to the shown time range with eighth-of-a-cell precision, and a duration column. Only
 * the rows in the vertical window are drawn, so a frame costs what is visible.
 */
public final class TimelineRenderer {

    public static final int DURATION_WIDTH = 8;
    /** The mark of a highlighted row (a node of the critical path), readable without colour. */
    public static final String HIGHLIGHT_MARK = "\u25C6";
    public static final String HIGHLIGHT_MARK_ASCII = "@";
    static final int MIN_NAME_WIDTH = 12;
    /** A wider name column (by request) still leaves this much bar. */
    static final int MIN_BAR_WIDTH = 10;
    /** Bars closer to a cell edge than this are taken as on it (floating-point noise). */
    private static final double EPSILON = 1e-6;
    private static final double MAX_OFFSET = 5e9; // beyond 1970..2100, the times the parser accepts
    private static final double MIN_SPAN = 1e-6;

    private TimelineRenderer() {}

    /** Columns of the name column for a canvas width: two fifths of it, at least 12, so it grows with the terminal. */
    public static int nameWidth(int width) {
        return nameWidth(width, 0);
    }

    /**
     * Columns of the name column for a canvas width and a requested width (0: the default), kept
     * between 12 and what leaves a bar of 10 columns.
     */
    public static int nameWidth(int width, int requested) {
        int max = Math.max(MIN_NAME_WIDTH, width - DURATION_WIDTH - 2 - MIN_BAR_WIDTH);
        int w = requested > 0 ? requested : width * 2 / 5;
        return Math.max(MIN_NAME_WIDTH, Math.min(max, w));
    }

    /** Columns of the bar area for a canvas width (0 when too narrow for one). */
    public static int barWidth(int width) {
        return barWidth(width, 0);
    }

    public static int barWidth(int width, int requestedNameWidth) {
        return Math.max(0, width - nameWidth(width, requestedNameWidth) - DURATION_WIDTH - 2);
    }

    public static Canvas render(Trace trace, List<TimelineRow> rows, TimelineOptions options) {
        Frame f = new Frame(trace, options);
        int first = Math.max(0, Math.min(options.firstRow(), rows.size()));
        int count = Math.max(0, Math.min(options.maxRows(), rows.size() - first));
        int top = options.showHeader() ? 1 : 0;
        Canvas canvas = new Canvas(options.width(), top + count, options.ascii());
        if (options.showHeader()) f.header(canvas, trace == null ? null : trace.id());
        for (int i = 0; i < count; i++) {
            int index = first + i;
            f.row(canvas, top + i, rows.get(index));
            if (index == options.selectedRow()) canvas.restyle(0, top + i, canvas.width(), Style.SELECTED);
        }
        return canvas;
    }

    /** The geometry and glyphs of one rendering. */
    private static final class Frame {
        final boolean ascii;
        final int nameW;
        final int barX;
        final int barW;
        final int durX;
        final double viewStart;
        final double viewEnd;
        final double cellsPerSecond;
        final Set<String> highlighted;

        Frame(Trace trace, TimelineOptions o) {
            ascii = o.ascii();
            highlighted = o.highlighted();
            nameW = nameWidth(o.width(), o.nameWidth());
            barX = nameW + 1;
            barW = barWidth(o.width(), o.nameWidth());
            durX = barX + barW + 1;
            double total = trace == null ? 0 : Math.max(0, trace.duration());
            double start = Double.isFinite(o.viewStart()) ? o.viewStart() : 0;
            double end = Double.isFinite(o.viewEnd()) ? o.viewEnd() : total;
            if (!(end > start)) { // an empty or inverted range shows the whole trace
                start = 0;
                end = total;
            }
            if (!(end > start)) end = start + 1e-3; // a trace of zero length still gets an axis
            // zoom stays within sane bounds: within the times a trace can have, no finer than a microsecond
            start = Math.max(-MAX_OFFSET, Math.min(MAX_OFFSET, start));
            end = Math.max(start + MIN_SPAN, Math.min(MAX_OFFSET + MIN_SPAN, end));
            viewStart = start;
            viewEnd = end;
            cellsPerSecond = barW / (end - start);
        }

        void header(Canvas c, String traceId) {
            String title = traceId == null || traceId.isEmpty() ? "segment" : traceId;
            c.put(0, 0, Text.truncate(title, nameW, ascii), Style.HEADER);
            axis(c);
            c.put(durX, 0, Text.padLeft("duration", DURATION_WIDTH, ascii), Style.HEADER);
        }

        /** Tick labels at 1-2-5 steps, in the unit that fits the span, never overlapping. */
        private void axis(Canvas c) {
            if (barW <= 0) return;
            double span = viewEnd - viewStart;
            double unit = span >= 1 ? 1 : span >= 1e-3 ? 1e-3 : 1e-6;
            String suffix = unit == 1 ? "s" : unit == 1e-3 ? "ms" : ascii ? "us" : "\u00B5s";
            // the smallest 1-2-5 step whose labels (with the decimals that step needs) leave a gap
            double step = niceStep(span * 3 / barW);
            for (int i = 0; i < 64; i++) {
                int widest = Math.max(label(viewStart, unit, suffix, step).length(), label(viewEnd, unit, suffix, step).length());
                if (step * cellsPerSecond >= widest + 2) break;
                step = niceStep(step * 1.01);
            }
            long firstTick = (long) Math.ceil(viewStart / step - EPSILON);
            int nextFree = 0;
            for (long k = firstTick; ; k++) {
                double t = k * step;
                if (t > viewEnd + step * EPSILON) break;
                String text = label(t, unit, suffix, step);
                int col = (int) Math.round((t - viewStart) * cellsPerSecond);
                if (col < nextFree || col + text.length() > barW) continue;
                c.put(barX + col, 0, text, Style.DIM);
                nextFree = col + text.length() + 1;
            }
        }

        /** A tick value with as many decimals as its step needs: "0", "50ms", "1.5s". */
        private static String label(double t, double unit, String suffix, double step) {
            if (Math.abs(t) < step * EPSILON) return "0";
            int decimals = Math.max(0, (int) -Math.floor(Math.log10(step / unit) + EPSILON));
            return new BigDecimal(t / unit).setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString() + suffix;
        }

        /** The smallest of 1, 2, 5 × 10^k that is at least {@code raw}. */
        static double niceStep(double raw) {
            if (!(raw > 0) || !Double.isFinite(raw)) return 1;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            for (double m : new double[] {1, 2, 5, 10}) {
                if (m * magnitude >= raw * (1 - EPSILON)) return m * magnitude;
            }
            return 10 * magnitude;
        }

        void row(Canvas c, int y, TimelineRow r) {
            nameColumn(c, y, r);
            bar(c, y, r);
            c.put(durX, y, Text.padLeft(duration(r), DURATION_WIDTH, ascii), Style.NORMAL);
        }

        private String duration(TimelineRow r) {
            if (!r.inProgress()) return Durations.format(r.duration(), ascii);
            return (ascii ? ">=" : "\u2265") + Durations.format(r.endOffset() - r.startOffset(), ascii);
        }

        /** Clipped at its right edge, so nothing in it can run into the bar area (drawn first, on a blank row). */
        private void nameColumn(Canvas c, int y, TimelineRow r) {
            int maxIndent = (nameW / 2) & ~1;
            int x = 0;
            if (2L * r.depth() <= maxIndent) {
                x = 2 * r.depth();
            } else { // too deep to indent: the elided indent and the depth, "…9›", so no bare digit reads as data
                String badge = (ascii ? ".." : "\u2026") + r.depth() + (ascii ? ">" : "\u203A") + " ";
                int badgeW = Text.width(badge);
                c.put(Math.max(0, maxIndent - badgeW), y, badge, Style.DIM, nameW);
                x = Math.max(maxIndent, badgeW);
            }
            String fold = !r.hasChildren() ? " " : r.folded() ? (ascii ? "+" : "\u25B8") : (ascii ? "-" : "\u25BE");
            x = c.put(x, y, fold, Style.NORMAL, nameW) + 1;
            int marksStart = x;
            boolean highlight = !highlighted.isEmpty() && highlighted.contains(r.segment().id());
            if (highlight) x = c.put(x, y, ascii ? HIGHLIGHT_MARK_ASCII : HIGHLIGHT_MARK, Style.ACCENT, nameW);
            String symbol = StatusMarks.symbol(r.status());
            if (symbol != null) x = c.put(x, y, symbol, StatusMarks.style(r.status()), nameW);
            if (r.coldStart()) x = c.put(x, y, ascii ? "*" : "\u2744", Style.COLD, nameW);
            if (r.orphan()) x = c.put(x, y, ascii ? "^" : "\u2205", Style.ACCENT, nameW);
            if (r.inProgress()) x = c.put(x, y, ascii ? ">" : "\u00BB", Style.ACCENT, nameW);
            if (x > marksStart) x++;
            String label = ascii ? TimelineLayout.label(r.segment(), true) : r.label();
            if (x < nameW) c.put(x, y, Text.truncate(label, nameW - x, ascii), highlight ? Style.HEADER : Style.NORMAL, nameW);
        }

        private void bar(Canvas c, int y, TimelineRow r) {
            if (barW <= 0) return;
            Style style = r.status() == Status.OK && r.coldStart() ? Style.COLD : StatusMarks.style(r.status());
            double xs = (r.startOffset() - viewStart) * cellsPerSecond;
            double xe = r.inProgress() ? Math.max(xs, barW) : (r.endOffset() - viewStart) * cellsPerSecond;
            String left = ascii ? "<" : "\u25C2";
            String right = ascii ? ">" : "\u25B8";
            if (xs > barW + EPSILON) {
                c.put(barX + barW - 1, y, right, style);
                return;
            }
            if (xe < -EPSILON || (xe <= EPSILON && xs < -EPSILON)) {
                c.put(barX, y, left, style);
                return;
            }
            if (!r.inProgress() && r.endOffset() <= r.startOffset()) { // zero length: a thin mark
                int col = Math.max(0, Math.min(barW - 1, (int) Math.floor(xs + EPSILON)));
                c.put(barX + col, y, ascii ? "|" : "\u2502", style);
                return;
            }
            int limit = barW * 8;
            int s8 = (int) Math.max(0, Math.min(limit, Math.round(xs * 8)));
            int e8 = (int) Math.max(0, Math.min(limit, Math.round(xe * 8)));
            if (e8 <= s8) { // shorter than an eighth of a cell: still show it
                s8 = Math.min(s8, limit - 1);
                e8 = s8 + 1;
            }
            for (int cell = s8 / 8; cell <= (e8 - 1) / 8; cell++) {
                int a = Math.max(s8, cell * 8) - cell * 8;
                int b = Math.min(e8, cell * 8 + 8) - cell * 8;
                c.put(barX + cell, y, glyph(a, b), style);
            }
            if (xs < -EPSILON) c.put(barX, y, left, style);
            if (r.inProgress()) c.put(barX + barW - 1, y, ascii ? ">" : "\u2026", style);
            else if (xe > barW + EPSILON) c.put(barX + barW - 1, y, right, style);
        }

        /** The block for a cell covered from eighth a to eighth b (0 ≤ a < b ≤ 8). */
        private String glyph(int a, int b) {
            if (ascii) return b - a == 8 ? "#" : "=";
            if (b - a == 8) return "\u2588";
            if (b == 8 && a > 0) { // covered on the right: the right-edge blocks
                int k = 8 - a;
                return k <= 2 ? "\u2595" : k <= 5 ? "\u2590" : "\u2588";
            }
            return String.valueOf((char) (0x2590 - (b - a))); // ▏▎▍▌▋▊▉ by eighths, from the left
        }
    }
}
