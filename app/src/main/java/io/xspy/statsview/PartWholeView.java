package io.xspy.statsview;

import io.xspy.stats.Breakdown;
import io.xspy.table.Table;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.Durations;
import io.xspy.timeline.Style;
import io.xspy.timeline.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a Lambda function's time goes, as stacked bars on one scale: warm and cold, each on average
 * and in the slow tail (the invocations at or above p95), every part in its own fill and colour,
 * then a legend and the table of the parts.
 */
public final class PartWholeView {
    private static final Style[] STYLES = {Style.DIM, Style.COLD, Style.OK, Style.ACCENT, Style.THROTTLE, Style.HEADER,
        Style.NORMAL};
    private static final int LABEL_WIDTH = 11;
    private static final int TOTAL_WIDTH = 8;

    private PartWholeView() {}

    static Style style(int part) {
        return STYLES[part % STYLES.length];
    }

    public static Canvas render(Breakdown b, int width, boolean ascii) {
        List<Canvas> parts = new ArrayList<>();
        Canvas title = new Canvas(width, 1, ascii);
        title.put(0, 0, b.function() + ": where the time goes (" + b.warm().invocations() + " warm, "
                + b.cold().invocations() + " cold)", Style.HEADER);
        parts.add(title);
        double max = Math.max(Math.max(b.warm().meanTotal(), b.warm().tailTotal()),
                Math.max(b.cold().meanTotal(), b.cold().tailTotal()));
        Canvas bars = new Canvas(width, 4, ascii);
        int barW = Math.max(4, width - LABEL_WIDTH - TOTAL_WIDTH - 2);
        bar(bars, 0, "warm mean", b.warm().invocations() == 0 ? null : b.warm().mean(), max, barW, ascii);
        bar(bars, 1, "warm tail", b.warm().invocations() == 0 ? null : b.warm().tail(), max, barW, ascii);
        bar(bars, 2, Glyphs.cold(ascii) + " cold mean", b.cold().invocations() == 0 ? null : b.cold().mean(), max, barW, ascii);
        bar(bars, 3, Glyphs.cold(ascii) + " cold tail", b.cold().invocations() == 0 ? null : b.cold().tail(), max, barW, ascii);
        parts.add(bars);
        parts.add(legend(b, width, ascii));
        List<StatsTables.PartRow> rows = StatsTables.partRows(b);
        Table<StatsTables.PartRow> table = StatsTables.parts(StatsTables.partWidth(b, ascii));
        Canvas t = new Canvas(width, rows.size() + 1, ascii);
        int[] widths = table.widths(width, 2);
        table.header(t, 0, 0, widths, 2);
        for (int i = 0; i < rows.size(); i++) table.row(t, 0, i + 1, rows.get(i), widths, 2);
        parts.add(t);
        Canvas note = new Canvas(width, 2, ascii);
        note.put(0, 0, "tail: the invocations at or above the p95 of the total", Style.DIM);
        note.put(0, 1, "attempts per invocation: warm " + attempts(b.warm()) + ", cold " + attempts(b.cold()), Style.DIM);
        parts.add(note);
        return Stack.vertical(parts, width, 0, ascii);
    }

    private static String attempts(Breakdown.Side side) {
        return side.invocations() == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.2f", side.attempts());
    }

    /** One stacked bar: each part's cells by cumulative rounding, so the bar's length is the total's. */
    private static void bar(Canvas c, int y, String label, double[] values, double max, int barW, boolean ascii) {
        c.put(0, y, Text.padRight(label, LABEL_WIDTH, ascii), label.contains("cold") ? Style.COLD : Style.NORMAL);
        if (values == null) {
            c.put(LABEL_WIDTH + 1, y, "-", Style.DIM);
            return;
        }
        double sum = 0;
        int drawn = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i];
            int end = max <= 0 ? 0 : (int) Math.round(sum / max * barW);
            if (end > drawn) c.fill(LABEL_WIDTH + 1 + drawn, y, end - drawn, Glyphs.fill(i, ascii), style(i));
            drawn = Math.max(drawn, end);
        }
        c.put(LABEL_WIDTH + 1 + drawn + 1, y, Durations.format(sum, ascii), Style.NORMAL);
    }

    private static Canvas legend(Breakdown b, int width, boolean ascii) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < b.parts().size(); i++) items.add(Glyphs.fill(i, ascii) + " " + b.parts().get(i));
        // as many lines as the items need at this width
        List<List<Integer>> lines = new ArrayList<>();
        int x = LABEL_WIDTH + 1;
        for (int i = 0; i < items.size(); i++) {
            int w = Text.width(Text.sanitize(items.get(i), ascii)) + 2;
            if (lines.isEmpty() || x + w > width) {
                lines.add(new ArrayList<>());
                x = LABEL_WIDTH + 1;
            }
            lines.get(lines.size() - 1).add(i);
            x += w;
        }
        Canvas c = new Canvas(width, lines.size(), ascii);
        for (int y = 0; y < lines.size(); y++) {
            int col = LABEL_WIDTH + 1;
            for (int i : lines.get(y)) {
                c.put(col, y, Glyphs.fill(i, ascii), style(i));
                col = c.put(col + 1, y, " " + b.parts().get(i), Style.DIM) + 2;
            }
        }
        return c;
    }
}
