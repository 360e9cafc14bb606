package io.xspy.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.source.demo.DemoBatch;
import io.xspy.source.demo.DemoWorld;
import io.xspy.source.local.TraceStore;
import io.xspy.trace.Diagnostic;
import io.xspy.trace.Segment;
import io.xspy.trace.SegmentParser;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The heap a full {@link TraceStore} retains: fills it with demo-shaped traces (an S3 upload fanning out
 * through SNS to three Lambda functions: 8 documents, about 30 nodes each), forces full collections and
 * prints the heap in use per trace and per stored document, first right after the fill, then once
 * every trace has been listed (what the trace list and the filters read). The store keeps a settled
 * trace's documents deflated and its nodes only softly (a cache the collector empties under pressure),
 * so "retained" is measured with soft references cleared, as the JVM clears them before it would run out
 * of memory. Meant to run under the cap it checks (it says whether it did): 100,000 traces fill a 512 MB
 * heap in about 70 s without an OutOfMemoryError and retain 277 MB once listed, 2.9 KB a trace (measured
 * 2026-11-30 on a shared machine; 1.3 GB before the nodes became a cache). Run:
 * {@code java -Xmx512m -XX:+UseSerialGC -cp bench/target/benchmarks.jar io.xspy.bench.StoreFootprintMeasure [traces=100000]}
 */
public final class StoreFootprintMeasure {

    public static void main(String[] args) {
        int traces = args.length > 0 ? Integer.parseInt(args[0]) : TraceStore.DEFAULT_MAX_TRACES;
        long empty = retainedHeap();
        TraceStore store = new TraceStore();
        long started = System.nanoTime();
        long documents = fill(store, traces);
        double fillSeconds = (System.nanoTime() - started) / 1e9;
        long stored = retainedHeap() - empty;
        report("stored", store, documents, stored);
        System.out.printf(Locale.ROOT, "  filled in %.1f s (%.0f documents/s)%n", fillSeconds, documents / fillSeconds);
        started = System.nanoTime();
        int listed = store.views().size();
        System.out.printf(Locale.ROOT, "  listed %d traces in %.0f ms%n", listed, (System.nanoTime() - started) / 1e6);
        long viewed = retainedHeap() - empty;
        report("listed", store, documents, viewed);
        double maxMB = Runtime.getRuntime().maxMemory() / 1048576.0;
        System.out.printf(Locale.ROOT, "max heap %.0f MB: %s%n", maxMB,
                maxMB <= 512 ? "filled and listed within a 512 MB heap" : "larger than the 512 MB cap (run with -Xmx512m to check it)");
        Results.print("maxHeapMB", maxMB, "MB");
    }

    /** Stores {@code traces} demo uploads, generated a day at a time so the generator holds little. */
    static long fill(TraceStore store, int traces) {
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        DemoWorld world = new DemoWorld(7, start, start.plusSeconds(600));
        List<Diagnostic> diagnostics = new ArrayList<>();
        SegmentParser parser = new SegmentParser("demo", diagnostics);
        long documents = 0;
        Instant until = start;
        while (world.uploads() < traces) {
            until = until.plusSeconds(3_600);
            DemoBatch batch = world.advance(until);
            for (ObjectNode doc : batch.segmentDocuments()) {
                Segment s = parser.parseDocument(doc);
                if (s == null) continue;
                store.ingest(s);
                documents++;
            }
            diagnostics.clear();
        }
        return documents;
    }

    private static void report(String what, TraceStore store, long documents, long bytes) {
        int traces = store.counters().traces();
        System.out.printf(Locale.ROOT, "%s: %d traces, %d documents: %.1f MB retained, %.0f bytes/trace, %.0f bytes/document%n",
                what, traces, documents, bytes / 1048576.0, (double) bytes / traces, (double) bytes / documents);
        Results.print(what + "MB", bytes / 1048576.0, "MB");
        Results.print(what + "BytesPerDocument", (double) bytes / documents, "B");
    }

    /** Heap in use after full collections (repeated until it stops shrinking), soft references cleared. */
    static long retainedHeap() {
        clearSoftReferences();
        var memory = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used >= last) return used;
            last = used;
        }
        return last;
    }

    /**
     * Asks for more than the heap holds: before it gives up with an OutOfMemoryError the JVM clears every
     * soft reference (the store's cache of assembled nodes), which System.gc() alone does not.
     */
    @SuppressWarnings("unused")
    private static void clearSoftReferences() {
        long max = Runtime.getRuntime().maxMemory();
        try {
            long[] tooBig = new long[(int) Math.min(Integer.MAX_VALUE - 16, max / 8 + 1)];
        } catch (OutOfMemoryError expected) {
            // what was asked for: soft references are gone now
        }
    }
}
