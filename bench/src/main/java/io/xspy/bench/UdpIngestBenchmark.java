package io.xspy.bench;

import io.xspy.source.local.DaemonReceiver;
import io.xspy.source.local.TraceStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * UDP ingest over loopback, X-Ray daemon protocol, into a store capped at 100,000 traces.
 *
 * <ul>
 *   <li>{@code saturated}: a closed-loop sender that keeps at most {@value #IN_FLIGHT} datagrams
 *       unaccounted for; the score is segments received, parsed and stored per second (target at
 *       least 100,000/s on 2 cores, quiet; UdpSaturationMeasure splits it by thread).
 *   <li>{@code paced10k}: batches of {@value #BATCH} datagrams spread over 100 ms (10,000/s); the
 *       {@code lost} counter (kernel or queue drops, malformed) must stay 0.
 * </ul>
 * Every datagram is a document of a new trace, as SDKs send them: the {@value #DISTINCT} prepared datagrams get
 * new trace ids each time round ({@link #renumber}), so the store fills to its cap and evicts; sent again
 * unchanged, each would re-open a trace the store had settled (assembled and deflated), a cost real traffic
 * pays only for documents that arrive after their trace settled.
 * Each invocation ends when every datagram is accounted for, or after a second without progress (the
 * rest count as lost), so the score is ingest, not sending. Run:
 * {@code java -jar bench/target/benchmarks.jar UdpIngest}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1) // the default heap, as users get it; bench/runs.tsv also runs it with -Xmx1g, a heap too small for every trace's nodes
public class UdpIngestBenchmark {

    static final int BATCH = 1_000;
    static final int IN_FLIGHT = 1_000;
    static final int DISTINCT = 50_000;
    static final String HEADER = "{\"format\": \"json\", \"version\": 1}\n";

    @State(Scope.Benchmark)
    public static class Receiver {
        TraceStore store;
        DaemonReceiver receiver;
        DatagramChannel out;
        byte[][] datagrams;
        int next;
        long round;
        long sent;
        /** accounted() as last read. */
        long accountedSeen;

        @Setup(Level.Trial)
        public void open() throws IOException {
            store = new TraceStore(TraceStore.DEFAULT_MAX_TRACES, 1);
            receiver = new DaemonReceiver(new InetSocketAddress("127.0.0.1", 0), store,
                    DaemonReceiver.DEFAULT_MAX_DATAGRAM, DaemonReceiver.DEFAULT_QUEUE);
            out = DatagramChannel.open();
            out.connect(receiver.localAddress());
            datagrams = new byte[DISTINCT][];
            for (int i = 0; i < DISTINCT; i++) datagrams[i] = (HEADER + document(i)).getBytes(StandardCharsets.UTF_8);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            out.close();
            receiver.close();
        }

        long accounted() {
            DaemonReceiver.Counters c = receiver.counters();
            return c.ingested() + c.malformed() + c.dropped();
        }

        void send() throws IOException {
            if (next == 0) renumber(datagrams, ++round);
            out.write(ByteBuffer.wrap(datagrams[next]));
            next = (next + 1) % DISTINCT;
            sent++;
        }

        /**
         * Waits until at most {@code inFlight} datagrams sent are unaccounted for, or until nothing
         * has arrived for a second (the kernel dropped the rest: they are forgotten; a collector pause on a busy
         * machine lasted up to 0.4 s, and 200 ms counted datagrams still on their way as lost).
         */
        void awaitBacklog(long inFlight) {
            // what was accounted for only grows: while the last figure read leaves room, the receiver's
            // counters (written by its threads, a cache line apart from this core) need not be read again
            if (inFlight > 0 && sent - accountedSeen <= inFlight) return;
            long last = -1;
            long lastChange = System.nanoTime();
            while (sent - (accountedSeen = accounted()) > inFlight || (inFlight == 0 && !receiver.idle())) {
                long now = receiver.counters().received();
                if (now != last) {
                    last = now;
                    lastChange = System.nanoTime();
                } else if (System.nanoTime() - lastChange > 1_000_000_000L) {
                    sent = now;
                    return;
                }
                LockSupport.parkNanos(20_000); // spinning would take the core the receiver needs
            }
        }
    }

    /** Per-invocation counts, reported by JMH beside the score. */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Losses {
        public long lost;
    }

    /** Where the 24 hex digits of a datagram's trace id start: HEADER, {"id":"16 hex","trace_id":"1-8 hex-. */
    private static final int TRACE_ID_TAIL = HEADER.length() + "{\"id\":\"".length() + 16 + "\",\"trace_id\":\"1-".length() + 9;

    /** Writes {@code round} into the first 8 of the 24 hex digits of every datagram's trace id: new traces. */
    static void renumber(byte[][] datagrams, long round) {
        byte[] hex = String.format(Locale.ROOT, "%08x", round & 0xffffffffL).getBytes(StandardCharsets.US_ASCII);
        for (byte[] d : datagrams) System.arraycopy(hex, 0, d, TRACE_ID_TAIL, 8);
    }

    /** A Lambda function segment with one DynamoDB subsegment, about 700 bytes, as SDKs send it. */
    static String document(int i) {
        double start = 1_700_000_000.0 + i * 0.001;
        return String.format(Locale.ROOT,
                "{\"id\":\"%016x\",\"trace_id\":\"1-%08x-%024x\",\"parent_id\":\"%016x\",\"name\":\"resize\","
                        + "\"origin\":\"AWS::Lambda::Function\",\"start_time\":%.6f,\"end_time\":%.6f,"
                        + "\"aws\":{\"account_id\":\"123456789012\",\"function_arn\":\"arn:aws:lambda:eu-central-1:123456789012:function:resize\","
                        + "\"resource_names\":[\"resize\"],\"xray\":{\"sdk\":\"X-Ray for Go\",\"sdk_version\":\"1.8.4\"}},"
                        + "\"annotations\":{\"key\":\"uploads/%d.png\"},\"subsegments\":[{\"id\":\"%016x\",\"name\":\"DynamoDB\","
                        + "\"namespace\":\"aws\",\"start_time\":%.6f,\"end_time\":%.6f,\"http\":{\"response\":{\"status\":200}},"
                        + "\"aws\":{\"operation\":\"PutItem\",\"region\":\"eu-central-1\",\"table_name\":\"items\",\"retries\":0}}]}",
                0x1000000L + i, 0x65000000 + i / 1000, i, 0x2000000L + i, start, start + 0.120, i, 0x3000000L + i,
                start + 0.01, start + 0.03);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void saturated(Receiver r, Losses losses) throws IOException {
        long ingestedBefore = r.receiver.counters().ingested();
        for (int i = 0; i < BATCH; i++) {
            r.awaitBacklog(IN_FLIGHT);
            r.send();
        }
        r.awaitBacklog(0);
        losses.lost += BATCH - (r.receiver.counters().ingested() - ingestedBefore);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void paced10k(Receiver r, Losses losses) throws IOException {
        long ingestedBefore = r.receiver.counters().ingested();
        long begin = System.nanoTime();
        for (int i = 0; i < BATCH; i++) {
            long due = begin + i * 100_000L; // one every 100 µs
            long wait = due - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            r.send();
        }
        r.awaitBacklog(0);
        losses.lost += BATCH - (r.receiver.counters().ingested() - ingestedBefore);
    }
}
