package io.xspy.statsview;

import io.xspy.stats.Comparison;
import io.xspy.stats.Group;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.Durations;
import io.xspy.timeline.Style;
import io.xspy.timeline.Text;
import java.util.List;

/**
 * Set A's and set B's durations overlaid: one row per bucket (the buckets of {@link HistogramView}),
 * A's share of its spans as the upper half of each cell ({@code ▀}), B's as the lower half ({@code ▄}),
 * a whole cell ({@code █}) where both reach; both on one scale, so a shift of the distribution is
 * seen as the halves parting. The shapes carry the meaning without colour; in ASCII {@code a},
 * {@code b} and {@code #}.
 */
public final class AbOverlayView {
    private static final int COUNT_WIDTH = 5;

    private AbOverlayView() {}

    public static Canvas render(Comparison c, int width, int maxBuckets, boolean ascii) {
        Group a = c.a();
        Group b = c.b();
        HistogramView.Buckets buckets = HistogramView.buckets(List.of(a, b), Math.max(1, maxBuckets));
        String onlyA = ascii ? "a" : "\u2580";
        String onlyB = ascii ? "b" : "\u2584";
        String both = ascii ? "#" : "\u2588";
        String[] labels = new String[buckets.size()];
        int labelW = 0;
        for (int i = 0; i < labels.length; i++) {
            boolean tail = buckets.overflow() && i == labels.length - 1;
            labels[i] = (tail ? (ascii ? ">=" : "\u2265") : "") + Durations.format(buckets.edges()[i], ascii);
            labelW = Math.max(labelW, Text.width(labels[i]));
        }
        int barX = labelW + 1 + 2 * (COUNT_WIDTH + 1);
        int barW = Math.max(1, width - barX);
        double max = 0;
        for (int i = 0; i < buckets.size(); i++) max = Math.max(max, Math.max(share(buckets, a, i), share(buckets, b, i)));
        Canvas canvas = new Canvas(width, buckets.size() + 1, ascii);
        canvas.put(labelW + 1, 0, Text.padLeft("A", COUNT_WIDTH, ascii) + " " + Text.padLeft("B", COUNT_WIDTH, ascii), Style.HEADER);
        canvas.put(barX, 0, Text.truncate(onlyA + " A (" + a.count() + ")  " + onlyB + " B (" + b.count() + ")  " + both
                + " both, each as a share of its set", barW, ascii), Style.HEADER);
        for (int i = 0; i < buckets.size(); i++) {
            int y = i + 1;
            int na = buckets.count(a.durations(), i);
            int nb = buckets.count(b.durations(), i);
            canvas.put(0, y, Text.padLeft(labels[i], labelW, ascii), Style.DIM);
            canvas.put(labelW + 1, y, Text.padLeft(na == 0 ? "" : Integer.toString(na), COUNT_WIDTH, ascii), Style.NORMAL);
            canvas.put(labelW + 1 + COUNT_WIDTH + 1, y, Text.padLeft(nb == 0 ? "" : Integer.toString(nb), COUNT_WIDTH, ascii), Style.NORMAL);
            int cellsA = cells(share(buckets, a, i), max, barW);
            int cellsB = cells(share(buckets, b, i), max, barW);
            for (int x = 0; x < Math.max(cellsA, cellsB); x++) {
                String glyph = x < cellsA && x < cellsB ? both : x < cellsA ? onlyA : onlyB;
                canvas.put(barX + x, y, glyph, Style.ACCENT);
            }
        }
        return canvas;
    }

    private static double share(HistogramView.Buckets buckets, Group g, int i) {
        return g.count() == 0 ? 0 : (double) buckets.count(g.durations(), i) / g.count();
    }

    /** Whole cells for a share, at least one when it is not zero. */
    private static int cells(double share, double max, int width) {
        if (!(share > 0) || !(max > 0)) return 0;
        return Math.max(1, (int) Math.round(share / max * width));
    }
}
