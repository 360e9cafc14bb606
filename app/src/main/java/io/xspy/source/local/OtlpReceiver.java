package io.xspy.source.local;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.xspy.source.SourceException;
import io.xspy.source.otel.OtlpJson;
import io.xspy.source.otel.OtlpTranslation;
import io.xspy.source.otel.SpanTranslator;
import io.xspy.trace.Diagnostic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver ({@code POST /v1/traces}, binary protobuf or JSON, optionally gzip),
 * as the OTLP specification describes it: a success answers an ExportTraceServiceResponse in the
 * request's encoding, with {@code partial_success} counting the spans it rejected; a request it cannot
 * read is 400 with a google.rpc.Status, an unknown content type or encoding 415, a body over
 * {@link #MAX_BODY_BYTES} (before or after gzip) 413, and a receiver busy with other bodies 429 with
 * Retry-After (which OTLP clients retry). Spans become segments by the Collector's X-Ray exporter rules
 * and go into the same {@link TraceStore} as the UDP receiver's, whose trace cap bounds the memory.
 */
public final class OtlpReceiver implements AutoCloseable {

    public static final String DEFAULT_LISTEN = "127.0.0.1:4318";
    public static final String PATH = "/v1/traces";
    /** One request's body, compressed or not: the Collector's own OTLP/HTTP default is 20 MiB. */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    /** Bytes of bodies all handlers hold at once; beyond it requests are throttled (429). */
    static final int IN_FLIGHT_BYTES = 64 * 1024 * 1024;
    private static final int THREADS = 4;
    private static final int QUEUE = 256;
    private static final int CHUNK = 64 * 1024;
    private static final int KEPT_DIAGNOSTICS = 20;
    private static final String PROTOBUF = "application/x-protobuf";
    private static final String JSON = "application/json";

    /** Requests answered, spans stored and rejected, and requests refused whole (unreadable, too large, busy). */
    public record Counters(long requests, long spans, long rejectedSpans, long refused) {}

    private final TraceStore store;
    private final SpanTranslator translator;
    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT_BYTES);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong spans = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final ArrayDeque<Diagnostic> diagnostics = new ArrayDeque<>();

    public OtlpReceiver(String listen, TraceStore store) {
        this(DaemonReceiver.parseAddress(listen == null || listen.isBlank() ? DEFAULT_LISTEN : listen), store,
                SpanTranslator.DEFAULT);
    }

    public OtlpReceiver(InetSocketAddress address, TraceStore store, SpanTranslator translator) {
        this.store = store;
        this.translator = translator;
        // As serve does: without TCP_NODELAY each answer waits for the client's delayed ACK.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(address, 128);
        } catch (IOException e) {
            throw new SourceException("cannot listen for OTLP on " + address.getHostString() + ":" + address.getPort()
                    + ": " + e.getMessage());
        }
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "xspy-otlp-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, (task, executor) -> { throw new RejectedExecutionException("busy"); });
        pool.allowCoreThreadTimeOut(true);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    /** The bound address (the actual port when 0 was asked for). */
    public InetSocketAddress localAddress() {
        return server.getAddress();
    }

    /** The URL an OTLP exporter is given: http://host:port/v1/traces. */
    public String endpoint() {
        InetSocketAddress a = localAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        return "http://" + host + ":" + a.getPort() + PATH;
    }

    public Counters counters() {
        return new Counters(requests.get(), spans.get(), rejected.get(), refused.get());
    }

    /** The last few problems, oldest first. */
    public List<Diagnostic> recentDiagnostics() {
        synchronized (diagnostics) {
            return List.copyOf(diagnostics);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String type = mediaType(exchange.getRequestHeaders().getFirst("Content-Type"));
            boolean json = JSON.equals(type);
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                refuse(exchange, 404, json, "no such path: OTLP traces go to POST " + PATH);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                refuse(exchange, 405, json, "method " + exchange.getRequestMethod() + " not allowed: POST " + PATH);
                return;
            }
            if (!json && !PROTOBUF.equals(type)) {
                refuse(exchange, 415, false, "Content-Type must be " + PROTOBUF + " or " + JSON + ", not "
                        + (type == null ? "missing" : "\"" + type + "\""));
                return;
            }
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            boolean gzip = encoding != null && encoding.strip().equalsIgnoreCase("gzip");
            if (encoding != null && !gzip && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
                refuse(exchange, 415, json, "Content-Encoding \"" + encoding + "\" is not supported: use gzip or none");
                return;
            }
            Lease lease = new Lease();
            try {
                byte[] body;
                try {
                    InputStream in = exchange.getRequestBody();
                    body = lease.read(gzip ? new GZIPInputStream(in, CHUNK) : in, declaredLength(exchange));
                } catch (TooLarge e) {
                    drain(exchange.getRequestBody());
                    refuse(exchange, 413, json, "request body over " + (MAX_BODY_BYTES >> 20)
                            + " MiB" + (gzip ? " (after gzip)" : "") + ": send smaller batches");
                    return;
                } catch (Busy e) {
                    drain(exchange.getRequestBody());
                    exchange.getResponseHeaders().set("Retry-After", "1");
                    refuse(exchange, 429, json, "busy with other requests; retry");
                    return;
                } catch (IOException e) {
                    refuse(exchange, 400, json, (gzip ? "body is not gzip: " : "cannot read the body: ") + e.getMessage());
                    return;
                }
                ExportTraceServiceRequest request;
                try {
                    request = json ? OtlpJson.read(body) : ExportTraceServiceRequest.parseFrom(body);
                } catch (InvalidProtocolBufferException e) {
                    refuse(exchange, 400, json, "not an OTLP ExportTraceServiceRequest in " + (json ? "JSON" : "protobuf")
                            + ": " + e.getMessage());
                    return;
                }
                OtlpTranslation.Result result = OtlpTranslation.translate(request, "otlp", translator, store::ingest);
                spans.addAndGet(result.accepted());
                rejected.addAndGet(result.rejected());
                if (!result.diagnostics().isEmpty()) {
                    store.addDiagnostics(result.diagnostics());
                    result.diagnostics().forEach(this::keep);
                }
                ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
                if (result.rejected() > 0) {
                    response.setPartialSuccess(ExportTracePartialSuccess.newBuilder()
                            .setRejectedSpans(result.rejected()).setErrorMessage(result.rejectionMessage()));
                }
                send(exchange, 200, json, json ? OtlpJsonResponses.response(response.build())
                        : response.build().toByteArray());
            } finally {
                lease.close();
            }
        }
    }

    private static long declaredLength(HttpExchange exchange) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** "application/json; charset=utf-8" → "application/json". */
    static String mediaType(String header) {
        if (header == null) return null;
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private void refuse(HttpExchange exchange, int code, boolean json, String message) throws IOException {
        refused.incrementAndGet();
        keep(new Diagnostic("otlp", null, "HTTP " + code + ": " + message));
        send(exchange, code, json, json ? OtlpJsonResponses.status(code, message) : status(code, message));
    }

    /** A google.rpc.Status {code, message} in protobuf: gRPC's code for the HTTP status, as OTLP maps them. */
    private static byte[] status(int httpCode, String message) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeInt32(1, OtlpJsonResponses.grpcCode(httpCode));
        out.writeString(2, message);
        out.flush();
        return bytes.toByteArray();
    }

    private static void send(HttpExchange exchange, int code, boolean json, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", json ? JSON : PROTOBUF);
        exchange.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void keep(Diagnostic d) {
        synchronized (diagnostics) {
            diagnostics.addLast(d);
            if (diagnostics.size() > KEPT_DIAGNOSTICS) diagnostics.removeFirst();
        }
    }

    /** Reads and drops a refused body (up to a bound), so the client can read the answer. */
    private static void drain(InputStream in) {
        byte[] sink = new byte[CHUNK];
        long dropped = 0;
        try {
            for (int n; dropped < 4L * MAX_BODY_BYTES && (n = in.read(sink)) > 0; ) dropped += n;
        } catch (IOException e) {
            // the client went away: nothing left to drop
        }
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("too large");
        }
    }

    private static final class Busy extends IOException {
        Busy() {
            super("busy");
        }
    }

    /** The room one body takes from the shared budget, taken as bytes arrive; closing gives it back. */
    private final class Lease implements AutoCloseable {
        private int held;

        byte[] read(InputStream in, long declared) throws IOException {
            if (declared > MAX_BODY_BYTES) throw new TooLarge();
            ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(Math.max(declared, CHUNK), MAX_BODY_BYTES));
            byte[] chunk = new byte[CHUNK];
            while (true) {
                take();
                int n = in.readNBytes(chunk, 0, CHUNK);
                body.write(chunk, 0, n);
                if (body.size() > MAX_BODY_BYTES) throw new TooLarge();
                if (n < CHUNK) return body.toByteArray();
            }
        }

        private void take() throws Busy {
            try {
                if (!inFlight.tryAcquire(CHUNK, 2, TimeUnit.SECONDS)) throw new Busy();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Busy();
            }
            held += CHUNK;
        }

        @Override
        public void close() {
            inFlight.release(held);
            held = 0;
        }
    }

    /** Stops receiving; requests being handled are finished first (up to a second). */
    @Override
    public void close() {
        server.stop(1);
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
