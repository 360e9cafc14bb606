package io.xspy.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Set A against set B for one span path: each percentile's difference (B − A) with a 95% bootstrap
 * interval, and the difference of the fault and error rates with Newcombe's interval. A change is
 * significant when its interval leaves out zero; otherwise it is "no significant change".
 *
 * <p>Why a bootstrap and not a rank test (Mann-Whitney): the question is "did p95 change, and by
 * how much", and a bootstrap answers it per percentile in the unit of the data, while a rank test
 * answers only "is one set stochastically larger" with a p-value. The bootstrap is the percentile
 * method with {@value #RESAMPLES} resamples from a fixed seed (the same sets give the same interval),
 * each resample's percentile drawn from its exact distribution ({@link OrderStatisticBootstrap}).
 */
public record Comparison(Group a, Group b, List<Delta> percentiles, Delta faultRate, Delta errorRate) {

    public static final double[] PERCENTILES = {50, 90, 95, 99};
    public static final int RESAMPLES = 2000;
    public static final long SEED = 20221128L;
    /** Fewer spans than this on either side and no interval is drawn. */
    public static final int MIN_SPANS = 5;

    /** Which way a difference went, if it is significant. */
    public enum Verdict {
        TOO_FEW, NO_CHANGE, UP, DOWN;

        /** Plain words: for durations up is slower, for rates it rose. */
        public String words(boolean duration) {
            return switch (this) {
                case TOO_FEW -> "too few spans to tell";
                case NO_CHANGE -> "no significant change";
                case UP -> duration ? "slower" : "rose";
                case DOWN -> duration ? "faster" : "fell";
            };
        }
    }

    /**
     * One difference B − A with its 95% interval: seconds for a percentile (p is 0..100), a share
     * 0..1 for a rate (p is NaN).
     */
    public record Delta(double p, double a, double b, double low, double high, Verdict verdict) {
        public double difference() {
            return b - a;
        }

        public boolean isDuration() {
            return !Double.isNaN(p);
        }

        public String words() {
            return verdict.words(isDuration());
        }
    }

    public static Comparison of(Group a, Group b) {
        List<Delta> ps = new ArrayList<>();
        for (double p : PERCENTILES) ps.add(percentile(a.durations(), b.durations(), p));
        return new Comparison(a, b, List.copyOf(ps), rate(a.faults(), a.count(), b.faults(), b.count()),
                rate(a.errors(), a.count(), b.errors(), b.count()));
    }

    /** Whether anything changed significantly: a percentile or a rate. */
    public boolean anySignificant() {
        if (faultRate.verdict == Verdict.UP || faultRate.verdict == Verdict.DOWN) return true;
        if (errorRate.verdict == Verdict.UP || errorRate.verdict == Verdict.DOWN) return true;
        for (Delta d : percentiles) if (d.verdict == Verdict.UP || d.verdict == Verdict.DOWN) return true;
        return false;
    }

    static Delta percentile(Distribution a, Distribution b, double p) {
        double pa = a.percentile(p);
        double pb = b.percentile(p);
        if (a.count() < MIN_SPANS || b.count() < MIN_SPANS) return new Delta(p, pa, pb, Double.NaN, Double.NaN, Verdict.TOO_FEW);
        OrderStatisticBootstrap ba = new OrderStatisticBootstrap(a.sortedMicros(), p);
        OrderStatisticBootstrap bb = new OrderStatisticBootstrap(b.sortedMicros(), p);
        SplittableRandom random = new SplittableRandom(SEED);
        long[] diffs = new long[RESAMPLES];
        // each drawn percentile as the histogram reports it, so the interval is on the estimate's scale
        for (int i = 0; i < RESAMPLES; i++) diffs[i] = b.reported(bb.draw(random)) - a.reported(ba.draw(random));
        Arrays.sort(diffs);
        double low = diffs[(int) Math.floor(0.025 * RESAMPLES)] / 1e6;
        double high = diffs[(int) Math.ceil(0.975 * RESAMPLES) - 1] / 1e6;
        return new Delta(p, pa, pb, low, high, verdict(low, high));
    }

    static Delta rate(long xA, long nA, long xB, long nB) {
        double ra = nA == 0 ? Double.NaN : (double) xA / nA;
        double rb = nB == 0 ? Double.NaN : (double) xB / nB;
        if (nA == 0 || nB == 0) return new Delta(Double.NaN, ra, rb, Double.NaN, Double.NaN, Verdict.TOO_FEW);
        double[] ci = Proportions.difference(xA, nA, xB, nB);
        return new Delta(Double.NaN, ra, rb, ci[0], ci[1], verdict(ci[0], ci[1]));
    }

    private static Verdict verdict(double low, double high) {
        if (low > 0) return Verdict.UP;
        if (high < 0) return Verdict.DOWN;
        return Verdict.NO_CHANGE;
    }
}
