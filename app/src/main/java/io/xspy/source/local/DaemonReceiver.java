package io.xspy.source.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.xspy.source.SourceException;
import io.xspy.trace.Json;
import io.xspy.trace.Diagnostic;
import io.xspy.trace.Segment;
import io.xspy.trace.SegmentDocuments;
import io.xspy.trace.SegmentParser;
import io.xspy.trace.SegmentStreamParser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Receives segment documents the way the X-Ray daemon does: UDP datagrams, each a header line
 * {@code {"format": "json", "version": 1}}, a newline, and one segment document. One thread reads
 * the socket into a bounded queue, another parses and hands segments to the store; when the queue
 * is full (the store is behind) datagrams are dropped and counted rather than buffered without
 * bound. Malformed datagrams are counted, the last few kept as diagnostics, and never stop it.
 */
public final class DaemonReceiver implements AutoCloseable {

    public static final String DEFAULT_LISTEN = "127.0.0.1:2000";
    /** The daemon's limit on one segment document. */
    public static final int DEFAULT_MAX_DATAGRAM = 64 * 1024;
    public static final int DEFAULT_QUEUE = 16_384;
    private static final int SOCKET_BUFFER = 8 * 1024 * 1024;
    private static final int KEPT_DIAGNOSTICS = 20;
    /** Datagrams the parser takes from the queue at a time: one lock and no wake-up per datagram. */
    private static final int DRAIN = 256;
    /** The header lines SDKs send, recognised without a JSON parse (any other spelling is parsed). */
    private static final byte[][] KNOWN_HEADERS = {
            "{\"format\": \"json\", \"version\": 1}".getBytes(StandardCharsets.US_ASCII),
            "{\"format\":\"json\",\"version\":1}".getBytes(StandardCharsets.US_ASCII)};

    /** Datagrams received, malformed (unreadable), dropped (store behind), and segments ingested. */
    public record Counters(long received, long malformed, long dropped, long ingested) {}

    private final TraceStore store;
    private final Consumer<Segment> sink;
    private final DatagramChannel channel;
    private final int socketBuffer;
    private final int maxDatagram;
    private final BlockingQueue<byte[]> queue;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong ingested = new AtomicLong();
    private final ArrayDeque<Diagnostic> diagnostics = new ArrayDeque<>();
    /** The parser thread's fast path for clean documents; anything else goes through SegmentParser. */
    private final SegmentStreamParser streamParser = new SegmentStreamParser();
    private final Thread reader;
    private final Thread parser;
    private volatile boolean running = true;

    public DaemonReceiver(String listen, TraceStore store) {
        this(parseAddress(listen), store, DEFAULT_MAX_DATAGRAM, DEFAULT_QUEUE);
    }

    public DaemonReceiver(InetSocketAddress address, TraceStore store, int maxDatagram, int queueCapacity) {
        this(address, store, store::ingest, maxDatagram, queueCapacity);
    }

    /** Parsed segments go to {@code sink} (tests hold the parser there); problems still go to the store. */
    DaemonReceiver(InetSocketAddress address, TraceStore store, Consumer<Segment> sink, int maxDatagram, int queueCapacity) {
        this.store = store;
        this.sink = sink;
        this.maxDatagram = maxDatagram;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        try {
            channel = DatagramChannel.open();
            channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
            channel.bind(address);
            // what the OS grants: Linux caps the request at net.core.rmem_max (Java reports it undoubled)
            socketBuffer = channel.getOption(StandardSocketOptions.SO_RCVBUF);
        } catch (IOException e) {
            throw new SourceException("cannot listen on UDP " + address.getHostString() + ":" + address.getPort()
                    + ": " + e.getMessage());
        }
        reader = new Thread(this::readLoop, "xspy-udp-reader");
        parser = new Thread(this::parseLoop, "xspy-udp-parser");
        reader.setDaemon(true);
        parser.setDaemon(true);
        reader.start();
        parser.start();
    }

    /** Reads {@code [HOST:]PORT}; the host defaults to 127.0.0.1 (the daemon's default). */
    public static InetSocketAddress parseAddress(String listen) {
        String spec = listen == null || listen.isBlank() ? DEFAULT_LISTEN : listen.strip();
        int colon = spec.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : spec.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        if (host.isEmpty()) host = "127.0.0.1";
        String portText = colon < 0 ? spec : spec.substring(colon + 1);
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--listen \"" + listen + "\": expected [HOST:]PORT, like 127.0.0.1:2000");
        }
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--listen \"" + listen + "\": port out of range");
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("--listen \"" + listen + "\": cannot resolve host " + host);
        }
        return address;
    }

    /** The bound address (the actual port when 0 was asked for). */
    public InetSocketAddress localAddress() {
        try {
            SocketAddress a = channel.getLocalAddress();
            return (InetSocketAddress) a;
        } catch (IOException e) {
            throw new SourceException("UDP receiver is closed");
        }
    }

    /** The socket's receive buffer in bytes as the OS granted it (asked: 8 MB). */
    public int socketBuffer() {
        return socketBuffer;
    }

    public Counters counters() {
        return new Counters(received.get(), malformed.get(), dropped.get(), ingested.get());
    }

    /** Whether every datagram received so far has been ingested, counted malformed or dropped. */
    public boolean idle() {
        Counters c = counters();
        return c.received() == c.malformed() + c.dropped() + c.ingested();
    }

    /** The last few problems with datagrams, oldest first. */
    public List<Diagnostic> recentDiagnostics() {
        synchronized (diagnostics) {
            return List.copyOf(diagnostics);
        }
    }

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(maxDatagram + 1); // one byte more reveals oversize
        while (running) {
            try {
                buffer.clear();
                if (channel.receive(buffer) == null) continue;
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!running) return;
                continue; // a transient socket error does not end the receiver
            }
            received.incrementAndGet();
            buffer.flip();
            if (buffer.remaining() > maxDatagram) {
                reject("datagram larger than " + maxDatagram + " bytes; dropped");
                continue;
            }
            byte[] datagram = new byte[buffer.remaining()];
            buffer.get(datagram);
            if (!queue.offer(datagram)) dropped.incrementAndGet();
        }
    }

    private void parseLoop() {
        List<byte[]> batch = new ArrayList<>(DRAIN);
        while (running || !queue.isEmpty()) {
            if (queue.drainTo(batch, DRAIN) == 0) {
                try {
                    byte[] datagram = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (datagram != null) batch.add(datagram);
                } catch (InterruptedException e) {
                    return;
                }
            }
            for (byte[] datagram : batch) handle(datagram);
            batch.clear();
        }
    }

    private static boolean jsonVersion1(JsonNode header) {
        return header != null && "json".equals(header.path("format").asText()) && header.path("version").asInt() == 1;
    }

    /** Whether the header line is one of the usual spellings of {"format":"json","version":1}. */
    private static boolean knownHeader(byte[] datagram, int newline) {
        for (byte[] h : KNOWN_HEADERS) {
            if (h.length == newline && Arrays.equals(datagram, 0, newline, h, 0, newline)) return true;
        }
        return false;
    }

    private void handle(byte[] datagram) {
        int newline = -1;
        for (int i = 0; i < datagram.length; i++) {
            if (datagram[i] == '\n') {
                newline = i;
                break;
            }
        }
        if (newline < 0) {
            reject("no {\"format\":\"json\",\"version\":1} header line; dropped");
            return;
        }
        try {
            if (!knownHeader(datagram, newline) && !jsonVersion1(Json.read(datagram, 0, newline))) {
                reject("header is not {\"format\":\"json\",\"version\":1}; dropped");
                return;
            }
            Segment clean = streamParser.parse(datagram, newline + 1, datagram.length - newline - 1);
            if (clean != null) {
                sink.accept(clean);
                ingested.incrementAndGet();
                return;
            }
            JsonNode doc = Json.read(datagram, newline + 1, datagram.length - newline - 1);
            List<Diagnostic> found = new ArrayList<>();
            Segment segment = new SegmentParser("udp", found).parseDocument(doc);
            if (!found.isEmpty()) store.addDiagnostics(found);
            if (segment == null) {
                malformed.incrementAndGet();
                keep(found.stream().filter(Diagnostic::fatal).findFirst()
                        .orElseGet(() -> new Diagnostic("udp", null, "not a segment document; dropped")));
                return;
            }
            sink.accept(segment);
            ingested.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            reject("not JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                    ? SegmentDocuments.brief(j) : e.getClass().getSimpleName()) + "; dropped");
        }
    }

    private void reject(String message) {
        malformed.incrementAndGet();
        Diagnostic d = new Diagnostic("udp", null, message);
        keep(d);
        store.addDiagnostics(List.of(d));
    }

    private void keep(Diagnostic d) {
        synchronized (diagnostics) {
            diagnostics.addLast(d);
            if (diagnostics.size() > KEPT_DIAGNOSTICS) diagnostics.removeFirst();
        }
    }

    /** Stops receiving; datagrams already queued are still handed to the store. */
    @Override
    public void close() {
        running = false;
        try {
            channel.close();
        } catch (IOException e) {
            // closing is best effort: the threads end either way
        }
        try {
            reader.join(2000);
            parser.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
