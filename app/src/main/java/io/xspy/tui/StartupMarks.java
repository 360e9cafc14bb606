package io.xspy.tui;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where start-up time goes, for measuring it (bench/startup.sh): with {@code XSPY_STARTUP_TRACE=1} the
 * phases of a run (picocli, opening the source, the terminal, the first frame) are noted with
 * {@link System#nanoTime} and printed to the standard error at exit, in ms since the JVM started.
 * Without it every call is one test of a final field.
 */
public final class StartupMarks {
    private static final boolean ON = System.getenv("XSPY_STARTUP_TRACE") != null;
    private static final List<String> NAMES = new ArrayList<>();
    private static final List<Long> TIMES = new ArrayList<>();
    private static final List<Long> CPU = new ArrayList<>();

    private StartupMarks() {}

    /** Notes that the phase {@code name} ends now. */
    public static void mark(String name) {
        if (ON) record(name, System.nanoTime(), threadCpuNanos());
    }

    static synchronized void record(String name, long nanos, long cpuNanos) {
        NAMES.add(name);
        TIMES.add(nanos);
        CPU.add(cpuNanos);
    }

    /** CPU time of the calling thread so far (Linux; -1 elsewhere): wall time on a busy machine says little. */
    private static long threadCpuNanos() {
        try {
            String stat = new String(Files.readAllBytes(Path.of("/proc/thread-self/schedstat")), StandardCharsets.US_ASCII);
            return Long.parseLong(stat.substring(0, stat.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Prints the marks noted so far, once (the JVM's start is looked up only here, off the measured path). */
    public static void report(PrintStream err) {
        if (!ON) return;
        long uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
        err.print(format(System.nanoTime() - uptimeMs * 1_000_000L));
    }

    /**
     * One line per mark: ms since {@code startNanos}, ms since the mark before, the CPU time of the
     * marking thread so far, the name.
     */
    static synchronized String format(long startNanos) {
        StringBuilder b = new StringBuilder();
        long before = startNanos;
        for (int i = 0; i < NAMES.size(); i++) {
            long t = TIMES.get(i);
            b.append(String.format(Locale.ROOT, "xspy start-up: %6.1f ms (+%5.1f) cpu %5.1f ms  %s%n", (t - startNanos) / 1e6,
                    (t - before) / 1e6, CPU.get(i) / 1e6, NAMES.get(i)));
            before = t;
        }
        NAMES.clear();
        TIMES.clear();
        CPU.clear();
        return b.toString();
    }
}
