package io.xspy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.xspy.source.local.TraceStore;
import io.xspy.trace.Json;
import io.xspy.trace.Segment;
import io.xspy.trace.SegmentParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * Where the UDP receiver's parser thread spends its CPU, per segment, in CPU time of this thread (so a
 * machine busy with other work changes it less than wall time): the header line, the document's JSON,
 * the segment parser, and the store's ingest (the store's share, not the receiver's).
 * {@code java -cp bench/target/benchmarks.jar io.xspy.bench.UdpCostMeasure [segments=200000] [rounds=5]}
 */
public final class UdpCostMeasure {

    private UdpCostMeasure() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        byte[][] datagrams = new byte[n][];
        for (int i = 0; i < n; i++) datagrams[i] = (UdpIngestBenchmark.HEADER + UdpIngestBenchmark.document(i)).getBytes(StandardCharsets.UTF_8);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        for (int r = 0; r < rounds; r++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            int[] newline = new int[n];
            for (int i = 0; i < n; i++) {
                byte[] d = datagrams[i];
                int nl = 0;
                while (d[nl] != '\n') nl++;
                newline[i] = nl;
                if (Json.read(d, 0, nl) == null) throw new IllegalStateException("no header");
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            JsonNode[] docs = new JsonNode[n];
            for (int i = 0; i < n; i++) docs[i] = Json.read(datagrams[i], newline[i] + 1, datagrams[i].length - newline[i] - 1);
            long t2 = cpu.getCurrentThreadCpuTime();
            Segment[] segments = new Segment[n];
            for (int i = 0; i < n; i++) segments[i] = new SegmentParser("udp", new ArrayList<>()).parseDocument(docs[i]);
            docs = null;
            long t3 = cpu.getCurrentThreadCpuTime();
            TraceStore store = new TraceStore();
            for (Segment s : segments) store.ingest(s);
            long t4 = cpu.getCurrentThreadCpuTime();
            long[] parts = {t1 - t0, t2 - t1, t3 - t2, t4 - t3};
            for (int k = 0; k < 4; k++) best[k] = Math.min(best[k], parts[k]);
        }
        String[] names = {"header", "documentJson", "segmentParser", "storeIngest"};
        long total = 0;
        for (long b : best) total += b;
        for (int k = 0; k < 4; k++) {
            double us = best[k] / 1000.0 / n;
            System.out.printf("%-14s %6.2f µs CPU a segment (%4.1f%%)%n", names[k], us, 100.0 * best[k] / total);
            Results.print(names[k] + "CpuMicros", us, "µs");
        }
        double all = total / 1000.0 / n;
        System.out.printf("all            %6.2f µs CPU a segment: at most %,.0f segments/s on one parser thread%n", all, 1e6 / all);
        Results.print("parserThreadBound", 1e6 / all, "/s");
    }
}
