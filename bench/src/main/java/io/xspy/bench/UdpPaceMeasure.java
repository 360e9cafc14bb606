package io.xspy.bench;

import io.xspy.source.local.DaemonReceiver;
import io.xspy.source.local.TraceStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * Segments sent over UDP at a steady rate (UdpIngestBenchmark's Lambda documents, 1,000 to a trace),
 * to xspy's receiver in this process or to another on the machine (the X-Ray daemon), for a side-by-side
 * loss and memory figure. In process it waits until every datagram is accounted for and prints
 * {@code lost} and {@code rss} (the process's peak resident set, VmHWM); against another receiver it
 * prints {@code sent}, and the caller counts what arrived.
 * {@code java -cp bench/target/benchmarks.jar io.xspy.bench.UdpPaceMeasure [rate=10000] [seconds=10] [HOST:PORT]}
 */
public final class UdpPaceMeasure {

    private UdpPaceMeasure() {}

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int total = rate * seconds;
        if (args.length > 2) {
            send(DaemonReceiver.parseAddress(args[2]), total, rate);
            Results.print("sent", total, "segments");
            return;
        }
        TraceStore store = new TraceStore();
        try (DaemonReceiver receiver = new DaemonReceiver(new InetSocketAddress("127.0.0.1", 0), store,
                DaemonReceiver.DEFAULT_MAX_DATAGRAM, DaemonReceiver.DEFAULT_QUEUE)) {
            send(receiver.localAddress(), total, rate);
            long last = -1;
            long lastChange = System.nanoTime();
            // every datagram accounted for, or nothing new for a second (the kernel dropped the rest)
            while (receiver.counters().received() < total || !receiver.idle()) {
                long now = receiver.counters().received();
                if (now != last) {
                    last = now;
                    lastChange = System.nanoTime();
                } else if (System.nanoTime() - lastChange > 1_000_000_000L && receiver.idle()) {
                    break;
                }
                Thread.sleep(10);
            }
            DaemonReceiver.Counters c = receiver.counters();
            System.out.printf("sent %d at %d/s: received %d, ingested %d, dropped %d (queue), malformed %d%n",
                    total, rate, c.received(), c.ingested(), c.dropped(), c.malformed());
            Results.print("lost", total - c.ingested(), "segments");
            // the receiver's two threads, in CPU time per segment: what bounds it when the cores are its own
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (t == null || !t.getThreadName().startsWith("xspy-udp-")) continue;
                double us = threads.getThreadCpuTime(t.getThreadId()) / 1000.0 / Math.max(1, c.received());
                System.out.printf("%s: %.2f µs CPU a segment%n", t.getThreadName(), us);
                Results.print(t.getThreadName().substring("xspy-udp-".length()) + "CpuMicros", us, "µs");
            }
            Results.print("rss", peakRssMb(), "MB");
        }
    }

    /** One datagram every 1/rate s (made as it is sent, so the sender holds no memory), in bursts of at most 0.2 ms. */
    static void send(InetSocketAddress to, int total, int rate) throws IOException {
        try (DatagramChannel out = DatagramChannel.open()) {
            out.connect(to);
            long begin = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = begin + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 200_000) LockSupport.parkNanos(wait);
                out.write(ByteBuffer.wrap((UdpIngestBenchmark.HEADER + UdpIngestBenchmark.document(i)).getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    /** Peak resident set of this process in MB (Linux), or -1. */
    static double peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
        return -1;
    }
}
