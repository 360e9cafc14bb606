package io.xspy.source.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.xspy.source.local.EmbeddedSource;
import io.xspy.source.local.TraceStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code xspy serve}: the X-Ray and CloudWatch Logs APIs over the embedded store, on one port, for the
 * AWS CLI, the SDKs and xspy itself ({@code --endpoint-url http://127.0.0.1:2772}). X-Ray's REST JSON
 * protocol (POST /ServiceGraph, /TraceSummaries, /Traces, /TraceSegments) and CloudWatch Logs' JSON
 * 1.1 protocol (POST / with X-Amz-Target Logs_20140328.FilterLogEvents or .GetLogEvents). Requests are
 * not authenticated: any signature is accepted. Binds 127.0.0.1 unless told otherwise; requests are
 * handled by a bounded pool (up to 256 threads, 256 queued) and must arrive within 20 s, so clients
 * that stall cannot starve the others. A {@link FaultPlan} can add latency and errors.
 */
public final class ServeServer implements AutoCloseable {

    public static final int DEFAULT_PORT = 2772;
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Items per page of GetTraceSummaries, GetServiceGraph and the log reads, unless set. */
    public static final int DEFAULT_PAGE_SIZE = 100;
    /**
     * The JDK server reads a request's headers and body on a pool thread, so a client that stops
     * half way holds a thread until the request times out: threads are made on demand, many more than
     * the cores, and idle ones end. Beyond them requests queue, beyond the queue they are refused.
     */
    private static final int THREADS = 256;
    private static final int QUEUE = 256;
    /** Seconds a request may take to arrive (headers and body), and a response to be taken. */
    static final int MAX_REQUEST_SECONDS = 20;
    static final int MAX_RESPONSE_SECONDS = 60;
    static final int MAX_CONNECTIONS = 1000;
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final XrayApi xray;
    private final LogsApi logs;
    private final FaultPlan faults;
    private final RequestLimits limits = new RequestLimits();

    private ServeServer(HttpServer server, ThreadPoolExecutor pool, XrayApi xray, LogsApi logs, FaultPlan faults) {
        this.server = server;
        this.pool = pool;
        this.xray = xray;
        this.logs = logs;
        this.faults = faults;
    }

    /** Serves the store behind an embedded source (the demo world, files, UDP). */
    public static ServeServer start(EmbeddedSource source, String host, int port, FaultPlan faults) {
        return start(source.store(), host, port, faults, DEFAULT_PAGE_SIZE);
    }

    public static ServeServer start(TraceStore store, String host, int port, FaultPlan faults) {
        return start(store, host, port, faults, DEFAULT_PAGE_SIZE);
    }

    /** Starts serving; port 0 picks a free port (see {@link #port()}). */
    public static ServeServer start(TraceStore store, String host, int port, FaultPlan faults, int pageSize) {
        if (pageSize < 1) throw new IllegalArgumentException("page size must be at least 1");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, not " + port);
        configureJdkServer();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host == null ? DEFAULT_HOST : host, port), 64);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "xspy-serve-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, (task, executor) -> { throw new java.util.concurrent.RejectedExecutionException("busy"); });
        pool.allowCoreThreadTimeOut(true);
        ServeServer s = new ServeServer(server, pool, new XrayApi(store, pageSize), new LogsApi(store, pageSize),
                faults == null ? FaultPlan.none() : faults);
        server.createContext("/", s::handle);
        server.setExecutor(pool);
        server.start();
        return s;
    }

    /**
     * The JDK server reads its settings once, when the first server starts: without a request time
     * limit a client that stops mid-request holds a thread for ever (the timer closes its connection);
     * without TCP_NODELAY the separate header and body writes meet the client's delayed ACK (tens of
     * ms per call). A setting given on the command line (-D) wins.
     */
    private static void configureJdkServer() {
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        setIfAbsent("sun.net.httpserver.maxReqTime", String.valueOf(MAX_REQUEST_SECONDS));
        setIfAbsent("sun.net.httpserver.maxRspTime", String.valueOf(MAX_RESPONSE_SECONDS));
        setIfAbsent("jdk.httpserver.maxConnections", String.valueOf(MAX_CONNECTIONS));
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) System.setProperty(property, value);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String endpoint() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    public FaultPlan faults() {
        return faults;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            boolean isLogs = target != null;
            String operation = isLogs ? LogsApi.operation(target) : XrayApi.operation(exchange.getRequestURI().getPath());
            try (RequestLimits.Lease lease = limits.lease()) {
                if (!"POST".equals(exchange.getRequestMethod())) {
                    throw new ApiError(405, "UnknownOperationException", "only POST is served");
                }
                if (operation == null) {
                    throw new ApiError(isLogs ? 400 : 404, "UnknownOperationException", "unknown operation "
                            + (isLogs ? target : exchange.getRequestURI().getPath()));
                }
                JsonNode body = readBody(exchange, lease);
                applyFaults(operation, isLogs);
                ObjectNode result = isLogs ? logs.handle(operation, body) : xray.handle(operation, body);
                send(exchange, 200, isLogs, null, result);
            } catch (ApiError e) {
                ObjectNode error = JSON.createObjectNode();
                if (isLogs) error.put("__type", e.type);
                error.put("message", e.getMessage());
                send(exchange, e.status, isLogs, e.type, error);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // shutting down: drop the request
            } catch (RuntimeException e) {
                ObjectNode error = JSON.createObjectNode();
                String type = isLogs ? "ServiceUnavailableException" : "InternalFailure";
                if (isLogs) error.put("__type", type);
                error.put("message", "internal error: " + e);
                send(exchange, 500, isLogs, type, error);
            }
        }
    }

    private void applyFaults(String operation, boolean isLogs) throws InterruptedException {
        FaultPlan.Action action = faults.next(operation);
        if (action.delayMs() > 0) Thread.sleep(action.delayMs());
        String action4iam = (isLogs ? "logs:" : "xray:") + operation;
        switch (action.outcome()) {
            case DENY -> throw new ApiError(isLogs ? 400 : 403, "AccessDeniedException",
                    "User: arn:aws:iam::000000000000:user/xspy-serve is not authorized to perform: " + action4iam
                            + " because no identity-based policy allows the " + action4iam + " action");
            case THROTTLE -> throw isLogs ? new ApiError(400, "ThrottlingException", "Rate exceeded")
                    : new ApiError(429, "ThrottledException", "Rate exceeded");
            case SERVER_ERROR -> throw isLogs ? new ApiError(500, "ServiceUnavailableException", "injected fault")
                    : new ApiError(500, "InternalFailure", "injected fault");
            case SERVE -> { }
        }
    }

    private static JsonNode readBody(HttpExchange exchange, RequestLimits.Lease lease)
            throws IOException, InterruptedException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = lease.read(in, declaredLength(exchange));
        }
        if (bytes.length == 0) return JSON.createObjectNode();
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) throw new ApiError(400, "SerializationException", "body is not a JSON object");
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiError(400, "SerializationException", "body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static long declaredLength(HttpExchange exchange) {
        try {
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void send(HttpExchange exchange, int status, boolean isLogs, String errorType, JsonNode body)
            throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", isLogs ? "application/x-amz-json-1.1" : "application/json");
        headers.set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (errorType != null) headers.set("x-amzn-ErrorType", errorType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow(); // wakes handlers sleeping in an injected hang
    }

    static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
