package io.xspy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.xspy.source.local.TraceStore;
import io.xspy.trace.Json;
import io.xspy.trace.Segment;
import io.xspy.trace.SegmentParser;
import io.xspy.trace.SegmentStreamParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * Where the UDP receiver's parser thread spends its CPU, per segment, in CPU time of this thread (so a
 * machine busy with other work changes it less than wall time): the header line, the document's JSON
 * tree and the segment parser (the way a document that is not clean is read), the streaming parser
 * (the way the receiver reads a clean document: all of them here), and the store's ingest (the
 * store's share, not the receiver's). The bound is the streaming parser and the store: a known header
 * line is compared, not parsed.
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
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
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
            SegmentStreamParser stream = new SegmentStreamParser();
            for (int i = 0; i < n; i++) {
                segments[i] = stream.parse(datagrams[i], newline[i] + 1, datagrams[i].length - newline[i] - 1);
                if (segments[i] == null) throw new IllegalStateException("the benchmark's document is not clean");
            }
            long t4 = cpu.getCurrentThreadCpuTime();
            TraceStore store = new TraceStore();
            for (Segment s : segments) store.ingest(s);
            long t5 = cpu.getCurrentThreadCpuTime();
            long[] parts = {t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4};
            for (int k = 0; k < parts.length; k++) best[k] = Math.min(best[k], parts[k]);
        }
        String[] names = {"header", "documentJson", "segmentParser", "streamParser", "storeIngest"};
        long total = best[3] + best[4]; // what the receiver's parser thread does with a clean document
        for (int k = 0; k < names.length; k++) {
            double us = best[k] / 1000.0 / n;
            System.out.printf("%-14s %6.2f µs CPU a segment%n", names[k], us);
            Results.print(names[k] + "CpuMicros", us, "µs");
        }
        double all = total / 1000.0 / n;
        System.out.printf("stream+store   %6.2f µs CPU a segment: at most %,.0f segments/s on one parser thread%n", all, 1e6 / all);
        Results.print("parserThreadBound", 1e6 / all, "/s");
    }
}
