package io.xspy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.query.Filter;
import io.xspy.trace.Trace;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void theOrderStatisticDrawIsWhatResamplingGives() {
        SplittableRandom random = new SplittableRandom(3);
        long[] sorted = new long[40];
        for (int i = 0; i < sorted.length; i++) sorted[i] = 1000 + random.nextLong(50_000);
        Arrays.sort(sorted);
        for (double p : new double[] {50, 90, 99}) {
            OrderStatisticBootstrap exact = new OrderStatisticBootstrap(sorted, p);
            int k = OrderStatisticBootstrap.rank(p, sorted.length);
            // the ordinary bootstrap: resample n indexes, take the k-th smallest
            int runs = 100_000;
            int[] hits = new int[sorted.length + 1];
            int[] drawn = new int[sorted.length];
            for (int r = 0; r < runs; r++) {
                for (int i = 0; i < drawn.length; i++) drawn[i] = 1 + random.nextInt(sorted.length);
                Arrays.sort(drawn);
                hits[drawn[k - 1]]++;
            }
            double total = 0;
            for (int j = 1; j <= sorted.length; j++) {
                total += exact.probability(j);
                assertEquals((double) hits[j] / runs, exact.probability(j), 0.006, "p" + p + " j=" + j);
            }
            assertEquals(1, total, 1e-9);
        }
    }

    @Test
    void wilsonAndNewcombeMatchPublishedValues() {
        // Newcombe (1998), table II: 56/70 against 48/80 gives 0.0524..0.3339 for the difference
        double[] d = Proportions.difference(48, 80, 56, 70);
        assertEquals(0.0524, d[0], 0.0001);
        assertEquals(0.3339, d[1], 0.0001);
        // and at the edges, where Wald collapses: 0 of 10 is 0..0.2775
        double[] w = Proportions.wilson(0, 10);
        assertEquals(0, w[0], 1e-12);
        assertEquals(0.2775, w[1], 0.0001);
    }

    @Test
    void sameDistributionIsNoSignificantChangeAndAShiftIsSlower() {
        SplittableRandom random = new SplittableRandom(11);
        double[] a = new double[400];
        double[] b = new double[400];
        double[] c = new double[400];
        for (int i = 0; i < a.length; i++) {
            a[i] = 0.010 + random.nextDouble() * 0.020;
            b[i] = 0.010 + random.nextDouble() * 0.020;
            c[i] = 0.015 + random.nextDouble() * 0.020;
        }
        Comparison same = Comparison.of(group(a, 0), group(b, 0));
        for (Comparison.Delta d : same.percentiles()) {
            assertEquals("no significant change", d.words(), "p" + d.p() + " " + d);
            assertTrue(d.low() <= d.difference() && d.difference() <= d.high(), d.toString());
        }
        assertEquals("no significant change", same.faultRate().words());
        Comparison shifted = Comparison.of(group(a, 0), group(c, 0));
        assertEquals("slower", shifted.percentiles().get(0).words());
        assertEquals(0.005, shifted.percentiles().get(0).difference(), 0.002);
        Comparison few = Comparison.of(group(new double[] {0.1, 0.2}, 0), group(b, 0));
        assertEquals("too few spans to tell", few.percentiles().get(0).words());
    }

    @Test
    void thePythonFunctionBeforeAndAfterItsFix() {
        List<Trace> demo = DemoTraces.all();
        double fix = DemoTraces.FIX.getEpochSecond();
        SpanSelector py = SpanSelector.of("xraystarter-py");
        SpanStats before = SpanStats.compute(demo, t -> t.startTime() < fix, py, Split.NONE);
        SpanStats after = SpanStats.compute(demo, t -> t.startTime() >= fix, py, Split.NONE);
        PathComparison lambda = PathComparison.of(before, after).stream()
                .filter(c -> c.path().equals(SpanPath.of("xraystarter-py"))).findFirst().orElseThrow();
        Comparison.Delta faults = lambda.comparison().faultRate();
        assertEquals(1.0, faults.a());
        assertEquals(0.0, faults.b());
        assertEquals("fell", faults.words());
        assertEquals("faster", lambda.comparison().percentiles().get(0).words());
        assertTrue(lambda.comparison().anySignificant());
        // the name of a path selects that path alone, not every path below it
        assertEquals(1, SpanStats.compute(demo, Filter.ALL, py, Split.NONE).paths().size());
    }

    private static Group group(double[] seconds, int faults) {
        return new Group(Group.ALL, Distribution.ofSeconds(seconds), faults, 0);
    }
}
