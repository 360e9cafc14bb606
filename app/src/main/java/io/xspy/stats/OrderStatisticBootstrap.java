package io.xspy.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The bootstrap of a percentile without resampling: in a resample of n values drawn with
 * replacement from the sorted sample x₁ ≤ … ≤ xₙ, the k-th smallest is x_J, where J is the smallest j
 * with at least k draws among x₁..x_j, and that count is Binomial(n, j/n). So
 * P(J ≤ j) = P(Binomial(n, j/n) ≥ k), exactly the distribution an ordinary bootstrap estimates by
 * resampling, drawn here in O(log n) a resample instead of O(n) (100,000 spans stay fast).
 * Outside a window of ±10 standard deviations around k the probabilities are taken as 0 and 1.
 */
final class OrderStatisticBootstrap {
    private final long[] sorted;
    private final int first;     // smallest j (1-based) of the window
    private final double[] cdf;  // cdf[i] = P(J <= first + i)

    /** @param sorted the sample, ascending; @param p the percentile (0..100), nearest rank as Distribution's */
    OrderStatisticBootstrap(long[] sorted, double p) {
        this.sorted = sorted;
        int n = sorted.length;
        int k = rank(p, n);
        double q = (double) k / n;
        int reach = (int) Math.ceil(10 * Math.sqrt(n * q * (1 - q))) + 10;
        this.first = Math.max(1, k - reach);
        int last = Math.min(n, k + reach);
        this.cdf = new double[last - first + 1];
        for (int j = first; j <= last; j++) {
            cdf[j - first] = j == n ? 1 : 1 - new BinomialDistribution(null, n, (double) j / n).cumulativeProbability(k - 1);
        }
        cdf[cdf.length - 1] = 1;
    }

    /** The nearest rank HdrHistogram uses: ⌈p/100 · n⌉ with p nudged down an ulp, at least 1. */
    static int rank(double p, int n) {
        double nudged = Math.min(Math.max(Math.nextDown(p), 0), 100);
        return (int) Math.max(1, Math.ceil(nudged * n / 100));
    }

    /** The percentile of one bootstrap resample, in the sample's unit. */
    long draw(SplittableRandom random) {
        double u = random.nextDouble();
        int i = Arrays.binarySearch(cdf, u);
        if (i < 0) i = -i - 1; // the first index with cdf >= u
        return sorted[first + Math.min(i, cdf.length - 1) - 1];
    }

    /** P(J = j) for a 1-based index j: what the tests compare with resampling. */
    double probability(int j) {
        if (j < first || j >= first + cdf.length) return 0;
        return cdf[j - first] - (j == first ? 0 : cdf[j - first - 1]);
    }
}
