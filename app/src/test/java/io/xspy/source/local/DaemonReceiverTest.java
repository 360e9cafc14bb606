package io.xspy.source.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.graph.Fixtures;
import io.xspy.trace.Trace;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import io.xspy.trace.Segment;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class DaemonReceiverTest {
    private static final String HEADER = "{\"format\": \"json\", \"version\": 1}\n";

    private static InetSocketAddress loopback() {
        return new InetSocketAddress("127.0.0.1", 0);
    }

    private static void send(DatagramChannel out, InetSocketAddress to, byte[] datagram) throws IOException {
        out.send(ByteBuffer.wrap(datagram), to);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Waits for the receiver to account for every datagram; fails the test only if it never does. */
    private static void await(BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 3000 && !done.getAsBoolean(); i++) Thread.sleep(10);
        assertTrue(done.getAsBoolean(), "receiver did not settle");
    }

    /** Waits until nothing more arrives and everything received is accounted for. */
    private static void awaitQuiet(DaemonReceiver receiver) throws InterruptedException {
        long last = -1;
        for (int i = 0; i < 300; i++) {
            long now = receiver.counters().received();
            if (now == last && receiver.idle()) return;
            last = now;
            Thread.sleep(200);
        }
        throw new AssertionError("receiver did not settle: " + receiver.counters());
    }

    @Test
    void validDocumentsArriveAssembled() throws Exception {
        TraceStore store = new TraceStore();
        try (DaemonReceiver receiver = new DaemonReceiver(loopback(), store, DaemonReceiver.DEFAULT_MAX_DATAGRAM, 1000);
                DatagramChannel out = DatagramChannel.open()) {
            for (String doc : Fixtures.invocation(1, Fixtures.T0, 0.1, 0.08, false, 0.02, "")) {
                send(out, receiver.localAddress(), bytes(HEADER + doc));
            }
            await(() -> receiver.counters().ingested() == 3);
            Trace t = store.trace(Fixtures.traceId(1));
            assertEquals(1, t.roots().size());
            assertEquals(4, t.nodeCount());
            assertEquals(new DaemonReceiver.Counters(3, 0, 0, 3), receiver.counters());
        }
    }

    @Test
    void garbageIsCountedNeverFatal() throws Exception {
        TraceStore store = new TraceStore();
        try (DaemonReceiver receiver = new DaemonReceiver(loopback(), store, 2048, 1000);
                DatagramChannel out = DatagramChannel.open()) {
            InetSocketAddress to = receiver.localAddress();
            String doc = Fixtures.invocation(2, Fixtures.T0, 0.1, 0.08, false, 0.02, "").get(0);
            send(out, to, bytes(doc)); // no header
            send(out, to, bytes(HEADER + "{\"id\": oops")); // bad JSON
            send(out, to, new byte[] {0, (byte) 0xff, 10, (byte) 0xfe, 1, 2}); // binary
            send(out, to, bytes(HEADER + doc + " ".repeat(3000))); // over the 2048-byte limit
            send(out, to, bytes("{\"format\":\"xml\",\"version\":1}\n" + doc)); // wrong header
            send(out, to, bytes(HEADER + "[1,2]")); // JSON, not a document
            send(out, to, bytes(HEADER + doc)); // and the receiver still works
            await(() -> receiver.counters().received() == 7 && receiver.idle());
            assertEquals(new DaemonReceiver.Counters(7, 6, 0, 1), receiver.counters());
            assertEquals(6, receiver.recentDiagnostics().size());
            assertTrue(receiver.recentDiagnostics().stream().anyMatch(d -> d.message().contains("larger than 2048")),
                    receiver.recentDiagnostics().toString());
            assertEquals(1, store.counters().traces());
        }
    }

    @Test
    void theHeaderIsReadTheSameWhetherSpelledTheUsualWayOrNot() throws Exception {
        TraceStore store = new TraceStore();
        try (DaemonReceiver receiver = new DaemonReceiver(loopback(), store, DaemonReceiver.DEFAULT_MAX_DATAGRAM, 1000);
                DatagramChannel out = DatagramChannel.open()) {
            InetSocketAddress to = receiver.localAddress();
            List<String> docs = Fixtures.invocation(3, Fixtures.T0, 0.1, 0.08, false, 0.02, "");
            send(out, to, bytes("{\"format\":\"json\",\"version\":1}\n" + docs.get(0))); // compact, as the Go SDK
            send(out, to, bytes("{ \"version\" : 1, \"format\" : \"json\" }\n" + docs.get(1))); // any other spelling
            send(out, to, bytes(HEADER + docs.get(2)));
            send(out, to, bytes("{\"format\": \"json\", \"version\": 2}\n" + docs.get(0))); // close, but not version 1
            send(out, to, bytes("{\"format\": \"json\", \"version\": 1 }\n" + docs.get(0))); // one space more: still read
            await(() -> receiver.counters().received() == 5 && receiver.idle());
            assertEquals(new DaemonReceiver.Counters(5, 1, 0, 4), receiver.counters());
            assertEquals(4, store.trace(Fixtures.traceId(3)).nodeCount());
        }
    }

    private static String flood(int n) {
        return "{\"id\":\"" + String.format("%016x", n) + "\",\"trace_id\":\"" + Fixtures.traceId(n)
                + "\",\"name\":\"flood\",\"start_time\":" + (Fixtures.T0 + n) + ",\"end_time\":" + (Fixtures.T0 + n + 0.001) + "}";
    }

    @Test
    void aFullQueueDropsAndCountsWhileTheRestArriveInOrder() throws Exception {
        int capacity = 8;
        int extra = 5;
        CountDownLatch parserHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        Consumer<Segment> sink = segment -> {
            order.add(segment.id());
            parserHeld.countDown();
            try {
                release.await(); // the parser stays on the first segment until the queue has overflowed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (DaemonReceiver receiver = new DaemonReceiver(loopback(), new TraceStore(), sink,
                DaemonReceiver.DEFAULT_MAX_DATAGRAM, capacity);
                DatagramChannel out = DatagramChannel.open()) {
            InetSocketAddress to = receiver.localAddress();
            send(out, to, bytes(HEADER + flood(0)));
            assertTrue(parserHeld.await(60, TimeUnit.SECONDS), "the parser took the first datagram");
            for (int n = 1; n <= capacity + extra; n++) send(out, to, bytes(HEADER + flood(n)));
            await(() -> receiver.counters().received() == 1 + capacity + extra);
            assertEquals(extra, receiver.counters().dropped(), "the datagrams beyond the queue's capacity");
            release.countDown();
            await(receiver::idle);
            assertEquals(new DaemonReceiver.Counters(1 + capacity + extra, 0, extra, 1 + capacity), receiver.counters());
            List<String> expected = new ArrayList<>();
            for (int n = 0; n <= capacity; n++) expected.add(String.format("%016x", n));
            assertEquals(expected, order, "parsed in the order they were received");
        }
    }

    @Test
    void theGrantedSocketBufferIsReported() throws Exception {
        try (DaemonReceiver receiver = new DaemonReceiver(loopback(), new TraceStore(), DaemonReceiver.DEFAULT_MAX_DATAGRAM, 16)) {
            Path rmemMax = Path.of("/proc/sys/net/core/rmem_max");
            if (Files.isReadable(rmemMax)) { // Linux: the request (8 MB), capped at net.core.rmem_max
                long max = Long.parseLong(Files.readAllLines(rmemMax).get(0).strip()); // readString stops early on /proc
                assertEquals(Math.min(8L * 1024 * 1024, max), (long) receiver.socketBuffer(), "rmem_max " + max);
            } else {
                assertTrue(receiver.socketBuffer() > 0, "some buffer: " + receiver.socketBuffer());
            }
        }
    }

    @Test
    void floodKeepsMemoryBoundedAndCountsEveryDatagram() throws Exception {
        TraceStore store = new TraceStore(1000, 10);
        int sent = 200_000;
        try (DaemonReceiver receiver = new DaemonReceiver(loopback(), store, DaemonReceiver.DEFAULT_MAX_DATAGRAM, 256);
                DatagramChannel out = DatagramChannel.open()) {
            InetSocketAddress to = receiver.localAddress();
            for (int n = 0; n < sent; n++) {
                String doc = "{\"id\":\"" + String.format("%016x", n) + "\",\"trace_id\":\"" + Fixtures.traceId(n)
                        + "\",\"name\":\"flood\",\"start_time\":" + (Fixtures.T0 + n) + ",\"end_time\":" + (Fixtures.T0 + n + 0.001) + "}";
                send(out, to, bytes(HEADER + doc));
            }
            // the kernel may drop datagrams before they are received; those are not ours to count
            awaitQuiet(receiver);
            DaemonReceiver.Counters c = receiver.counters();
            assertEquals(c.received(), c.ingested() + c.malformed() + c.dropped());
            assertTrue(c.received() <= sent + 1);
            assertTrue(store.counters().traces() <= 1000);
            assertEquals(c.ingested(), store.counters().segmentsIngested());
            assertEquals(Math.max(0, c.ingested() - 1000), store.counters().evicted());
        }
    }

    @Test
    void closeStopsAndFreesThePort() throws Exception {
        TraceStore store = new TraceStore();
        DaemonReceiver first = new DaemonReceiver(loopback(), store, 1024, 10);
        InetSocketAddress bound = first.localAddress();
        first.close();
        try (DaemonReceiver again = new DaemonReceiver(bound, store, 1024, 10)) {
            assertEquals(bound.getPort(), again.localAddress().getPort());
        }
    }

    @Test
    void listenAddressesAreReadLikeTheDaemon() {
        assertEquals(new InetSocketAddress("127.0.0.1", 2000), DaemonReceiver.parseAddress(null));
        assertEquals(new InetSocketAddress("127.0.0.1", 3000), DaemonReceiver.parseAddress("3000"));
        assertEquals(new InetSocketAddress("0.0.0.0", 2000), DaemonReceiver.parseAddress("0.0.0.0:2000"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DaemonReceiver.parseAddress("host:x"));
        assertEquals("--listen \"host:x\": expected [HOST:]PORT, like 127.0.0.1:2000", e.getMessage());
        assertEquals(List.of(), new TraceStore().recentDiagnostics());
    }

    @Test
    void anAddressThatDoesNotResolveIsSaidInWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DaemonReceiver.parseAddress("999.0.0.1:5"));
        assertEquals("--listen \"999.0.0.1:5\": cannot resolve host 999.0.0.1", e.getMessage());
    }
}
