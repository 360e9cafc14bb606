package io.xspy.statsview;

import io.xspy.stats.Distribution;
import io.xspy.stats.Group;
import io.xspy.stats.Split;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.Durations;
import io.xspy.timeline.Style;
import io.xspy.timeline.Text;
import java.util.List;

/**
 * Histograms of one or more groups side by side on one set of buckets: a row per bucket, labelled
 * with its lower edge, and per group the count and a bar of the group's share in that bucket, in
 * eighths of a cell, scaled so the largest share of any group fills its column (so 3 cold spans and
 * 200 warm ones can be compared by shape). A long tail goes into a last "≥" bucket from the highest
 * p99, so the common durations get the rows.
 */
public final class HistogramView {
    private static final int COUNT_WIDTH = 5;

    private HistogramView() {}

    /** Buckets [edges[i], edges[i+1]); when {@code overflow}, the last one is everything from its edge on. */
    record Buckets(double[] edges, boolean overflow) {
        int size() {
            return edges.length - 1;
        }

        int count(Distribution d, int i) {
            boolean last = i == size() - 1;
            return last ? d.countFrom(edges[i]) : d.countBetween(edges[i], edges[i + 1]);
        }
    }

    /** The groups' histograms in {@code width} columns, at most {@code maxBuckets} buckets (plus the header). */
    public static Canvas render(List<Group> groups, int width, int maxBuckets, boolean ascii) {
        Buckets buckets = buckets(groups, Math.max(1, maxBuckets));
        String[] labels = new String[buckets.size()];
        int labelW = 0;
        for (int i = 0; i < labels.length; i++) {
            boolean tail = buckets.overflow && i == labels.length - 1;
            labels[i] = (tail ? (ascii ? ">=" : "\u2265") : "") + Durations.format(buckets.edges[i], ascii);
            labelW = Math.max(labelW, Text.width(labels[i]));
        }
        Canvas c = new Canvas(width, buckets.size() + 1, ascii);
        int block = groups.isEmpty() ? 0 : (width - labelW - 1) / groups.size();
        int barW = Math.max(1, block - COUNT_WIDTH - 2);
        double maxShare = 0;
        for (Group g : groups) {
            for (int i = 0; i < buckets.size(); i++) {
                if (g.count() > 0) maxShare = Math.max(maxShare, (double) buckets.count(g.durations(), i) / g.count());
            }
        }
        for (int i = 0; i < labels.length; i++) c.put(0, i + 1, Text.padLeft(labels[i], labelW, ascii), Style.DIM);
        for (int s = 0; s < groups.size(); s++) {
            Group g = groups.get(s);
            int x = labelW + 1 + s * block;
            Style style = g.key().equals(Split.COLD_KEY) ? Style.COLD : Style.ACCENT;
            String title = (g.key().equals(Split.COLD_KEY) ? Glyphs.cold(ascii) + " cold" : g.key()) + " (" + g.count() + ")";
            c.put(x + COUNT_WIDTH + 1, 0, Text.truncate(Text.sanitize(title, ascii), block - COUNT_WIDTH - 2, ascii), Style.HEADER);
            for (int i = 0; i < buckets.size(); i++) {
                int n = buckets.count(g.durations(), i);
                c.put(x, i + 1, Text.padLeft(n == 0 ? "" : Integer.toString(n), COUNT_WIDTH, ascii), Style.NORMAL);
                double share = g.count() == 0 ? 0 : (double) n / g.count();
                c.put(x + COUNT_WIDTH + 1, i + 1, Glyphs.bar(maxShare == 0 ? 0 : share / maxShare * barW, ascii), style);
            }
        }
        return c;
    }

    /** Nice linear buckets over all groups, from the lowest min to the highest max (or p99, with a tail bucket). */
    static Buckets buckets(List<Group> groups, int maxBuckets) {
        double lo = Double.NaN;
        double hi = Double.NaN;
        double p99 = Double.NaN;
        for (Group g : groups) {
            if (g.count() == 0) continue;
            Distribution d = g.durations();
            lo = Double.isNaN(lo) ? d.min() : Math.min(lo, d.min());
            hi = Double.isNaN(hi) ? d.max() : Math.max(hi, d.max());
            p99 = Double.isNaN(p99) ? d.percentile(99) : Math.max(p99, d.percentile(99));
        }
        if (Double.isNaN(lo)) return new Buckets(new double[] {0, 0}, false);
        boolean overflow = maxBuckets > 2 && hi > 2 * p99 && p99 > lo;
        int regular = overflow ? maxBuckets - 1 : maxBuckets;
        double top = overflow ? p99 : hi;
        double step = niceStep((top - lo) / regular);
        double start = Math.floor(lo / step) * step;
        int n = Math.max(1, Math.min(regular, (int) Math.ceil((top - start) / step + 1e-9)));
        if (start + n * step <= top && !overflow) n = Math.min(n + 1, regular + 1);
        double[] edges = new double[n + (overflow ? 2 : 1)];
        for (int i = 0; i < edges.length; i++) edges[i] = start + i * step;
        return new Buckets(edges, overflow);
    }

    /** The smallest step of 1, 2, 2.5 or 5 times a power of ten (at least 1 µs) not below {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 1e-6)) return 1e-6;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            double step = m * power;
            if (step >= raw * (1 - 1e-9)) return Math.round(step * 1e6) / 1e6;
        }
        return 10 * power;
    }
}
