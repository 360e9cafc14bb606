package io.xspy.statsview;

import io.xspy.stats.Group;
import io.xspy.stats.PathStats;
import io.xspy.stats.Split;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.Durations;
import io.xspy.timeline.Style;
import io.xspy.timeline.Text;
import java.time.Instant;
import java.util.List;

/**
 * Percentiles over time as sparklines (▁▂▃▄▅▆▇█): for each group, its p50 and p95 per time step
 * (a minute, or more minutes when the window is wider than the room), both rows on one scale from
 * the lowest p50 to the highest p95, which is written beside them; a step without spans is blank.
 * The axis below names the first and last step's start (UTC).
 */
public final class SeriesView {
    static final int LABEL_WIDTH = 10;
    static final double MINUTE = 60;

    private SeriesView() {}

    /** The seconds of one step: a minute, or whole minutes enough to fit {@code columns} steps. */
    public static double step(double from, double to, int columns) {
        double minutes = Math.max(1, Math.ceil((to - from) / MINUTE / Math.max(1, columns)));
        return minutes * MINUTE;
    }

    public static Canvas render(PathStats path, List<String> keys, double from, double to, int width, boolean ascii) {
        int rangeW = 17;
        int room = Math.max(4, width - LABEL_WIDTH - 1 - rangeW - 1);
        double start = Math.floor(from / MINUTE) * MINUTE;
        double step = step(start, to + 1e-9, room);
        int steps = Math.max(1, (int) Math.ceil((to - start) / step + 1e-9));
        if (start + steps * step <= to) steps++;
        steps = Math.min(steps, room);
        Canvas c = new Canvas(width, keys.size() * 2 + 1, ascii);
        int y = 0;
        for (String key : keys) {
            double[] p50 = path.series(key, 50, start, step, steps);
            double[] p95 = path.series(key, 95, start, step, steps);
            double lo = Double.NaN;
            double hi = Double.NaN;
            for (int i = 0; i < steps; i++) {
                if (!Double.isNaN(p50[i])) lo = Double.isNaN(lo) ? p50[i] : Math.min(lo, p50[i]);
                if (!Double.isNaN(p95[i])) hi = Double.isNaN(hi) ? p95[i] : Math.max(hi, p95[i]);
            }
            String name = key.equals(Split.COLD_KEY) ? Glyphs.cold(ascii) + " cold" : key;
            Style style = key.equals(Split.COLD_KEY) ? Style.COLD : Style.ACCENT;
            row(c, y++, Text.truncate(Text.sanitize(name, ascii), LABEL_WIDTH - 4, ascii) + " p50", p50, lo, hi, style, ascii);
            row(c, y, Text.truncate(Text.sanitize(name, ascii), LABEL_WIDTH - 4, ascii) + " p95", p95, lo, hi, style, ascii);
            String range = Double.isNaN(lo) ? "" : Durations.format(lo, ascii) + (ascii ? ".." : "\u2013") + Durations.format(hi, ascii);
            c.put(LABEL_WIDTH + 1 + steps + 1, y - 1, range, Style.DIM);
            y++;
        }
        String first = clock(start);
        String last = clock(start + (steps - 1) * step);
        c.put(LABEL_WIDTH + 1, y, first, Style.DIM);
        if (steps > first.length() + last.length() + 1) c.put(LABEL_WIDTH + 1 + steps - last.length(), y, last, Style.DIM);
        String per = step == MINUTE ? "per minute" : "per " + (int) (step / MINUTE) + " min";
        c.put(LABEL_WIDTH + 1 + steps + 1, y, per, Style.DIM);
        return c;
    }

    private static void row(Canvas c, int y, String label, double[] values, double lo, double hi, Style style, boolean ascii) {
        c.put(0, y, label, Style.DIM);
        for (int i = 0; i < values.length; i++) {
            double level = Double.isNaN(values[i]) ? Double.NaN : hi > lo ? (values[i] - lo) / (hi - lo) : 0.5;
            c.put(LABEL_WIDTH + 1 + i, y, Glyphs.spark(level, ascii), style);
        }
    }

    private static String clock(double epochSeconds) {
        return Instant.ofEpochSecond((long) epochSeconds).toString().substring(11, 16);
    }

    /** Which groups to draw: each group of the split, else all spans. */
    public static List<String> keys(PathStats path) {
        return path.groups().isEmpty() ? List.of(Group.ALL) : path.groups().stream().map(Group::key).toList();
    }
}
