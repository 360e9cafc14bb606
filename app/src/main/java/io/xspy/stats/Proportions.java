package io.xspy.stats;

/**
 * Intervals for shares such as a fault rate: Wilson's score interval for one, and Newcombe's hybrid
 * score interval (his method 10) for the difference of two independent ones, which stays sensible
 * at 0% and 100%, where the textbook Wald interval collapses to a point.
 */
public final class Proportions {
    /** The normal quantile of a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    private Proportions() {}

    /** Wilson's 95% interval for x of n, as {lower, upper}. */
    public static double[] wilson(long x, long n) {
        if (n == 0) return new double[] {0, 1};
        double p = (double) x / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** Newcombe's 95% interval for (xB/nB − xA/nA), as {lower, upper}. */
    public static double[] difference(long xA, long nA, long xB, long nB) {
        double pA = (double) xA / nA;
        double pB = (double) xB / nB;
        double[] a = wilson(xA, nA);
        double[] b = wilson(xB, nB);
        double d = pB - pA;
        double lower = d - Math.sqrt(sq(pB - b[0]) + sq(a[1] - pA));
        double upper = d + Math.sqrt(sq(b[1] - pB) + sq(pA - a[0]));
        return new double[] {lower, upper};
    }

    private static double sq(double v) {
        return v * v;
    }
}
