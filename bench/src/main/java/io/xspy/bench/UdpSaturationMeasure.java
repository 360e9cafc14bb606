package io.xspy.bench;

import io.xspy.source.local.DaemonReceiver;
import io.xspy.source.local.TraceStore;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;

/**
 * Where a saturated UDP ingest spends its CPU: the sender, the receiver's reader and parser threads,
 * and the garbage collector's pauses, per segment (and the bytes each receiver thread allocates a
 * segment, which a busy machine does not change), while UdpIngestBenchmark's closed-loop sender (at most 1,000
 * datagrams unaccounted for) floods the receiver for some seconds. {@code sink} measures the sender
 * alone, against a socket nobody reads, to tell whether it can send faster than the receiver takes.
 * {@code java -cp bench/target/benchmarks.jar io.xspy.bench.UdpSaturationMeasure [receiver|sink] [seconds=10]}
 */
public final class UdpSaturationMeasure {

    private static final int IN_FLIGHT = UdpIngestBenchmark.IN_FLIGHT;

    private UdpSaturationMeasure() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "receiver";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        byte[][] datagrams = new byte[UdpIngestBenchmark.DISTINCT][];
        for (int i = 0; i < datagrams.length; i++) {
            datagrams[i] = (UdpIngestBenchmark.HEADER + UdpIngestBenchmark.document(i)).getBytes(StandardCharsets.UTF_8);
        }
        if (mode.equals("sink")) sink(datagrams, seconds);
        else receiver(datagrams, seconds);
    }

    /** The sender alone: a bound socket that nobody reads (the kernel drops what overflows it). */
    static void sink(byte[][] datagrams, int seconds) throws IOException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try (DatagramChannel in = DatagramChannel.open(); DatagramChannel out = DatagramChannel.open()) {
            in.setOption(StandardSocketOptions.SO_RCVBUF, 8 * 1024 * 1024);
            in.bind(new InetSocketAddress("127.0.0.1", 0));
            out.connect(in.getLocalAddress());
            long sent = 0;
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            while (System.nanoTime() < end) {
                for (int i = 0; i < 1000; i++) out.write(ByteBuffer.wrap(datagrams[(int) (sent++ % datagrams.length)]));
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double us = (cpu.getCurrentThreadCpuTime() - c0) / 1000.0 / sent;
            System.out.printf("sender alone: %,.0f datagrams/s, %.2f µs CPU each%n", sent / wall, us);
            Results.print("senderAlonePerSecond", sent / wall, "/s");
            Results.print("senderAloneCpuMicros", us, "µs");
        }
    }

    /** The benchmark's closed loop into the receiver, with each thread's CPU per segment. */
    static void receiver(byte[][] datagrams, int seconds) throws IOException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        TraceStore store = new TraceStore(TraceStore.DEFAULT_MAX_TRACES, 1);
        try (DaemonReceiver receiver = new DaemonReceiver(new InetSocketAddress("127.0.0.1", 0), store,
                DaemonReceiver.DEFAULT_MAX_DATAGRAM, DaemonReceiver.DEFAULT_QUEUE);
                DatagramChannel out = DatagramChannel.open()) {
            out.connect(receiver.localAddress());
            long sent = flood(receiver, out, datagrams, 0, 3); // warm-up
            long[] reader0 = threadCpu(cpu);
            long[] alloc0 = threadAllocated(cpu);
            long c0 = cpu.getCurrentThreadCpuTime();
            long gc0 = gcMillis();
            long i0 = receiver.counters().ingested();
            long t0 = System.nanoTime();
            flood(receiver, out, datagrams, sent, seconds);
            double wall = (System.nanoTime() - t0) / 1e9;
            DaemonReceiver.Counters c = receiver.counters();
            long n = c.ingested() - i0;
            long[] reader1 = threadCpu(cpu);
            long[] alloc1 = threadAllocated(cpu);
            double perSecond = n / wall;
            System.out.printf("saturated: %,.0f segments/s ingested over %.1f s (received %d, dropped %d, malformed %d)%n",
                    perSecond, wall, c.received(), c.dropped(), c.malformed());
            print("sender", cpu.getCurrentThreadCpuTime() - c0, n, wall);
            print("reader", reader1[0] - reader0[0], n, wall);
            print("parser", reader1[1] - reader0[1], n, wall);
            long gcNanos = (gcMillis() - gc0) * 1_000_000L;
            System.out.printf("gc      %6.2f µs of pauses a segment (wall: every thread stands still), %4.1f%% of the time%n",
                    gcNanos / 1000.0 / Math.max(1, n), 100.0 * gcNanos / 1e9 / wall);
            Results.print("gcPauseMicros", gcNanos / 1000.0 / Math.max(1, n), "µs");
            long readerBytes = (alloc1[0] - alloc0[0]) / Math.max(1, n);
            long parserBytes = (alloc1[1] - alloc0[1]) / Math.max(1, n);
            System.out.printf("allocated a segment: reader %,d B, parser %,d B%n", readerBytes, parserBytes);
            Results.print("readerBytes", readerBytes, "B");
            Results.print("parserBytes", parserBytes, "B");
            Results.print("saturatedPerSecond", perSecond, "/s");
        }
    }

    private static void print(String name, long nanos, long n, double wall) {
        double us = nanos / 1000.0 / Math.max(1, n);
        System.out.printf("%-7s %6.2f µs CPU a segment, %5.1f%% of a core%n", name, us, 100.0 * nanos / 1e9 / wall);
        Results.print(name + "CpuMicros", us, "µs");
    }

    /** Sends for {@code seconds}, keeping at most IN_FLIGHT datagrams unaccounted for; the datagrams sent. */
    private static long flood(DaemonReceiver receiver, DatagramChannel out, byte[][] datagrams, long sent, int seconds)
            throws IOException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long seen = accounted(receiver);
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100; i++) {
                // as UdpIngestBenchmark: the counters are read again only when the last figure leaves no room
                if (sent - seen > IN_FLIGHT) {
                    while (sent - (seen = accounted(receiver)) > IN_FLIGHT) LockSupport.parkNanos(20_000);
                }
                int next = (int) (sent % datagrams.length);
                if (next == 0) UdpIngestBenchmark.renumber(datagrams, sent / datagrams.length + 1); // new traces
                out.write(ByteBuffer.wrap(datagrams[next]));
                sent++;
            }
        }
        while (!receiver.idle()) LockSupport.parkNanos(100_000);
        return sent;
    }

    private static long accounted(DaemonReceiver receiver) {
        DaemonReceiver.Counters c = receiver.counters();
        return c.ingested() + c.malformed() + c.dropped();
    }

    /** CPU nanoseconds of the reader and the parser thread. */
    private static long[] threadCpu(ThreadMXBean cpu) {
        long[] ids = receiverThreads(cpu);
        return new long[] {cpu.getThreadCpuTime(ids[0]), cpu.getThreadCpuTime(ids[1])};
    }

    /** Bytes the reader and the parser thread have allocated. */
    private static long[] threadAllocated(ThreadMXBean cpu) {
        long[] ids = receiverThreads(cpu);
        com.sun.management.ThreadMXBean bytes = (com.sun.management.ThreadMXBean) cpu;
        return new long[] {bytes.getThreadAllocatedBytes(ids[0]), bytes.getThreadAllocatedBytes(ids[1])};
    }

    private static long[] receiverThreads(ThreadMXBean cpu) {
        long[] ids = {-1, -1};
        for (ThreadInfo t : cpu.getThreadInfo(cpu.getAllThreadIds())) {
            if (t == null) continue;
            if (t.getThreadName().equals("xspy-udp-reader")) ids[0] = t.getThreadId();
            if (t.getThreadName().equals("xspy-udp-parser")) ids[1] = t.getThreadId();
        }
        return ids;
    }

    private static long gcMillis() {
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) ms += Math.max(0, gc.getCollectionTime());
        return ms;
    }
}
