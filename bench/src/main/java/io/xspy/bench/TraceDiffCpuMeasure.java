package io.xspy.bench;

import io.xspy.stats.CriticalPath;
import io.xspy.stats.TraceDiff;
import io.xspy.statsview.TraceDiffView;
import io.xspy.trace.Trace;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What {@link TraceDiffBenchmark} measures, in CPU time of the measuring thread as well as wall time:
 * on a machine shared with other work, wall times grow with the load and CPU times do not. The first
 * call in this fresh JVM, then, after 50 calls to warm up, the median of 20. Run with
 * {@code java -cp bench/target/benchmarks.jar io.xspy.bench.TraceDiffCpuMeasure}.
 */
public final class TraceDiffCpuMeasure {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TraceDiffCpuMeasure() {}

    public static void main(String[] args) {
        Trace a = TimelineBenchmark.assemble(BigTraces.batchGetTraces(10_000, 42));
        Trace b = TimelineBenchmark.assemble(BigTraces.batchGetTraces(10_000, 43));
        report("diff of two 10,000-node traces", () -> TraceDiff.of(a, b));
        report("critical path of a 10,000-node trace", () -> CriticalPath.of(a));
        report("diff + first 160-column frame", () -> new TraceDiffView(TraceDiff.of(a, b)).render(160, false, 5000, 22, 5003));
    }

    private static void report(String what, Supplier<Object> work) {
        double[] first = time(work);
        for (int i = 0; i < 50; i++) time(work); // the JIT compiles
        double[][] warm = new double[20][];
        for (int i = 0; i < warm.length; i++) warm[i] = time(work);
        System.out.printf(Locale.ROOT, "%-40s first: %7.1f ms CPU (%7.1f ms wall)   warm median: %6.1f ms CPU (%6.1f ms wall)%n",
                what, first[0], first[1], median(warm, 0), median(warm, 1));
    }

    private static double[] time(Supplier<Object> work) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        if (work.get() == null) throw new IllegalStateException();
        return new double[] {(THREADS.getCurrentThreadCpuTime() - cpu) / 1e6, (System.nanoTime() - wall) / 1e6};
    }

    private static double median(double[][] runs, int column) {
        double[] v = Arrays.stream(runs).mapToDouble(r -> r[column]).sorted().toArray();
        return v[v.length / 2];
    }
}
