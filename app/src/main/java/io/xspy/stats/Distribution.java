package io.xspy.stats;

import java.util.Arrays;
import org.HdrHistogram.IntCountsHistogram;

/**
 * The durations of a set of spans. Percentiles are HdrHistogram's {@code getValueAtPercentile}: the
 * nearest rank (the value of the ⌈p/100 · n⌉-th smallest span, at least the first), recorded in whole
 * microseconds at three significant digits, and reported as the highest value equivalent to it at
 * that precision, so a percentile is at most 0.1% above the span's own duration (a 1 µs step below
 * 1 ms). Count, min, max and mean are exact. The durations are sorted only when buckets or intervals
 * ask for them: a list of many paths needs only percentiles, and the histogram gives those.
 */
public final class Distribution {

    /** Significant digits the histogram keeps: a percentile is within 0.1% of a recorded duration. */
    public static final int SIGNIFICANT_DIGITS = 3;
    public static final Distribution EMPTY = new Distribution(new long[0]);

    private final long[] micros;
    private final IntCountsHistogram histogram;
    private final long min;
    private final long max;
    private final double mean;
    /** Whether {@code micros} is sorted yet (it is sorted in place on first need). */
    private volatile boolean sorted;

    /** @param micros durations in microseconds (the array is kept, and sorted when needed) */
    private Distribution(long[] micros) {
        this.micros = micros;
        long sum = 0;
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (long v : micros) {
            sum += v;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        // sized for the largest value at once (the same buckets as a histogram that grows, without the regrowing)
        this.histogram = new IntCountsHistogram(1, Math.max(2, hi), SIGNIFICANT_DIGITS);
        histogram.setAutoResize(true);
        for (long v : micros) histogram.recordValue(v);
        this.min = lo;
        this.max = hi;
        this.mean = micros.length == 0 ? Double.NaN : sum / 1e6 / micros.length;
        this.sorted = micros.length < 2;
    }

    /** From durations in microseconds (negative ones count as 0); the array becomes the distribution's. */
    public static Distribution ofMicros(long[] micros) {
        for (int i = 0; i < micros.length; i++) if (micros[i] < 0) micros[i] = 0;
        return new Distribution(micros);
    }

    public static Distribution ofSeconds(double... seconds) {
        long[] micros = new long[seconds.length];
        for (int i = 0; i < seconds.length; i++) micros[i] = toMicros(seconds[i]);
        return ofMicros(micros);
    }

    public static long toMicros(double seconds) {
        return Math.max(0, Math.round(seconds * 1e6));
    }

    public int count() {
        return micros.length;
    }

    public boolean isEmpty() {
        return micros.length == 0;
    }

    /** Seconds; NaN when empty. */
    public double min() {
        return isEmpty() ? Double.NaN : min / 1e6;
    }

    public double max() {
        return isEmpty() ? Double.NaN : max / 1e6;
    }

    public double mean() {
        return mean;
    }

    /** The percentile p (0..100) in seconds, as defined above; NaN when empty. */
    public double percentile(double p) {
        return isEmpty() ? Double.NaN : histogram.getValueAtPercentile(p) / 1e6;
    }

    /** A duration (µs) as the histogram reports it: the top of its bucket at three significant digits. */
    long reported(long micros) {
        return histogram.highestEquivalentValue(micros);
    }

    /** The durations in microseconds, ascending (do not change them). */
    long[] sortedMicros() {
        if (!sorted) {
            synchronized (this) {
                if (!sorted) {
                    Arrays.sort(micros);
                    sorted = true;
                }
            }
        }
        return micros;
    }

    /** How many spans took at least {@code from} and less than {@code to} seconds. */
    public int countBetween(double from, double to) {
        return lowerBound(toMicros(to)) - lowerBound(toMicros(from));
    }

    /** How many spans took at least {@code from} seconds. */
    public int countFrom(double from) {
        return micros.length - lowerBound(toMicros(from));
    }

    private int lowerBound(long v) {
        long[] sorted = sortedMicros();
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
