package io.xspy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** HdrHistogram's percentiles checked against a nearest-rank computation on the sorted durations. */
class DistributionTest {

    /** The textbook nearest rank: the ⌈p/100 · n⌉-th smallest value (at least the first). */
    static long nearestRank(long[] sorted, double p) {
        // in decimal arithmetic: 99.9% of 1000 is 999, where doubles make it 999.0000000000001
        BigDecimal exact = BigDecimal.valueOf(p).multiply(BigDecimal.valueOf(sorted.length)).divide(BigDecimal.valueOf(100));
        int rank = Math.max(1, exact.setScale(0, RoundingMode.CEILING).intValueExact());
        return sorted[rank - 1];
    }

    @Test
    void percentilesAreTheNearestRankWithinThePrecision() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n : new int[] {1, 2, 3, 10, 99, 100, 101, 1000, 12345}) {
            long[] micros = new long[n];
            for (int i = 0; i < n; i++) {
                // a latency-like mix: fast warm calls, a slow cold tail
                micros[i] = random.nextDouble() < 0.9 ? 4000 + random.nextLong(28_000) : 76_000 + random.nextLong(10_000);
            }
            long[] sorted = micros.clone();
            Arrays.sort(sorted);
            Distribution d = Distribution.ofMicros(micros.clone());
            for (double p : new double[] {0.1, 1, 10, 25, 50, 90, 95, 99, 99.9, 100}) {
                double expected = nearestRank(sorted, p) / 1e6;
                double got = d.percentile(p);
                assertTrue(got >= expected && got <= expected * 1.001 + 1e-6,
                        "n=" + n + " p" + p + ": " + got + " vs nearest rank " + expected);
            }
            assertEquals(sorted[0] / 1e6, d.min());
            assertEquals(sorted[n - 1] / 1e6, d.max());
            assertEquals(Arrays.stream(sorted).average().orElseThrow() / 1e6, d.mean(), 1e-9);
        }
    }

    @Test
    void smallExactCases() {
        Distribution d = Distribution.ofSeconds(0.004, 0.032, 0.025, 0.081);
        assertEquals(4, d.count());
        assertEquals(0.025, d.percentile(50), 0.025 * 0.001); // rank 2 of 4
        assertEquals(0.032, d.percentile(75), 0.032 * 0.001); // rank 3
        assertEquals(0.081, d.percentile(76), 0.081 * 0.001); // rank ⌈3.04⌉ = 4
        assertEquals(0.081, d.percentile(99), 0.081 * 0.001);
        assertEquals(2, d.countBetween(0.004, 0.026));
        assertEquals(1, d.countFrom(0.081));
        assertTrue(Double.isNaN(Distribution.EMPTY.percentile(50)));
    }
}
