package io.xspy.source.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.xspy.source.local.EmbeddedSource;
import io.xspy.source.local.TraceStore;
import io.xspy.trace.JsonProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code xspy serve}: the X-Ray and CloudWatch Logs APIs over the embedded store, on one port, for the
 * AWS CLI, the SDKs and xspy itself ({@code --endpoint-url http://127.0.0.1:2772}). X-Ray's REST JSON
 * protocol (POST /ServiceGraph, /TraceSummaries, /Traces, /TraceSegments) and CloudWatch Logs' JSON
 * 1.1 protocol (POST / with X-Amz-Target Logs_20140328.FilterLogEvents or .GetLogEvents), and, as an
 * account with CloudWatch Transaction Search ({@link #transactionSearch()}), X-Ray's trace retrievals
 * and Logs Insights queries over aws/spans. Binds
 * 127.0.0.1 unless told otherwise; there any signature is accepted, while beyond loopback requests must
 * be signed (SigV4) with one of the access keys the operator gave. Requests are
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
    /** Reads request bodies with a cap on their tokens, so a body's tree stays about its own size. */
    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxTokenCount(RequestLimits.MAX_JSON_TOKENS).build())
            .build());

    /**
     * How to serve: where, with which faults, page size, the access keys requests must be signed with
     * (none: any signature is accepted, which only loopback allows), the sampling rules, and whether
     * only the sampling operations are served (the X-Ray daemon's TCP port, which SDKs call unsigned).
     */
    public record Config(String host, int port, FaultPlan faults, int pageSize, Map<String, String> accessKeys,
            SamplingRules sampling, boolean samplingOnly) {
        public Config {
            host = host == null ? DEFAULT_HOST : host;
            faults = faults == null ? FaultPlan.none() : faults;
            accessKeys = Map.copyOf(accessKeys);
            sampling = sampling == null ? SamplingRules.sampleEverything() : sampling;
        }

        public static Config defaults() {
            return new Config(DEFAULT_HOST, DEFAULT_PORT, FaultPlan.none(), DEFAULT_PAGE_SIZE, Map.of(), null, false);
        }

        public Config withHost(String h) {
            return new Config(h, port, faults, pageSize, accessKeys, sampling, samplingOnly);
        }

        public Config withPort(int p) {
            return new Config(host, p, faults, pageSize, accessKeys, sampling, samplingOnly);
        }

        public Config withFaults(FaultPlan f) {
            return new Config(host, port, f, pageSize, accessKeys, sampling, samplingOnly);
        }

        public Config withPageSize(int n) {
            return new Config(host, port, faults, n, accessKeys, sampling, samplingOnly);
        }

        public Config withAccessKeys(Map<String, String> keys) {
            return new Config(host, port, faults, pageSize, keys, sampling, samplingOnly);
        }

        public Config withSampling(SamplingRules rules) {
            return new Config(host, port, faults, pageSize, accessKeys, rules, samplingOnly);
        }

        /** Only GetSamplingRules and GetSamplingTargets, unsigned, as the daemon's TCP port serves them. */
        public Config forSamplingOnly() {
            return new Config(host, port, faults, pageSize, accessKeys, sampling, true);
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final XrayApi xray;
    private final LogsApi logs;
    private final SamplingApi sampling;
    private final boolean samplingOnly;
    private final FaultPlan faults;
    private final SigV4Verifier verifier;
    private final RequestLimits limits = new RequestLimits();
    private final TransactionSearch transactionSearch = new TransactionSearch();

    private ServeServer(HttpServer server, ThreadPoolExecutor pool, TraceStore store, Config config,
            SigV4Verifier verifier) {
        this.server = server;
        this.pool = pool;
        this.xray = new XrayApi(store, config.pageSize(), transactionSearch);
        this.logs = new LogsApi(store, config.pageSize(), transactionSearch);
        this.sampling = new SamplingApi(config.sampling());
        this.samplingOnly = config.samplingOnly();
        this.faults = config.faults();
        this.verifier = verifier;
    }

    /** Serves the store behind an embedded source (the demo world, files, UDP). */
    public static ServeServer start(EmbeddedSource source, String host, int port, FaultPlan faults) {
        return start(source.store(), host, port, faults, DEFAULT_PAGE_SIZE);
    }

    public static ServeServer start(TraceStore store, String host, int port, FaultPlan faults) {
        return start(store, host, port, faults, DEFAULT_PAGE_SIZE);
    }

    public static ServeServer start(TraceStore store, String host, int port, FaultPlan faults, int pageSize) {
        return start(store, Config.defaults().withHost(host).withPort(port).withFaults(faults).withPageSize(pageSize));
    }

    /**
     * Starts serving; port 0 picks a free port (see {@link #port()}). Refuses an address beyond
     * loopback without access keys: there anyone who can reach the port could read and write traces.
     */
    public static ServeServer start(TraceStore store, Config config) {
        check(config);
        // `serve` is ready when its port opens; --listen's sampling port is not warmed: SDKs ask it every few
        // minutes and fall back to their default rule meanwhile, and the warm-up (one request of each kind) would
        // hold the UI's first frame back
        if (!config.samplingOnly()) WarmUp.once();
        return bind(store, config);
    }

    static ServeServer bind(TraceStore store, Config config) {
        InetSocketAddress address = check(config);
        configureJdkServer();
        HttpServer server;
        try {
            server = HttpServer.create(address, 64);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
        ThreadPoolExecutor pool = pool("xspy-serve-");
        SigV4Verifier verifier = config.accessKeys().isEmpty() ? null
                : new SigV4Verifier(config.accessKeys(), Clock.systemUTC());
        ServeServer s = new ServeServer(server, pool, store, config, verifier);
        server.createContext("/", s::handle);
        server.setExecutor(pool);
        server.start();
        return s;
    }

    /** Checks a configuration before anything is loaded; returns the address to bind. */
    public static InetSocketAddress check(Config config) {
        if (config.pageSize() < 1) throw new IllegalArgumentException("page size must be at least 1");
        InetSocketAddress address = bindAddress(config.host(), config.port());
        if (!address.getAddress().isLoopbackAddress() && config.accessKeys().isEmpty() && !config.samplingOnly()) {
            throw new IllegalArgumentException("serving on " + config.host() + " would let anyone who can reach it read "
                    + "and write traces; give --access-key ID:SECRET (or " + AccessKeys.ENV + ") and sign requests "
                    + "with that key, or serve on 127.0.0.1");
        }
        return address;
    }

    /** The address to bind, resolved; a clear error for a bad port or a host that does not resolve. */
    static InetSocketAddress bindAddress(String host, int port) {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, not " + port);
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) throw new IllegalArgumentException("cannot resolve host \"" + host + "\"");
        return address;
    }

    /** Threads on demand up to {@link #THREADS}, idle ones end; then a queue; beyond it, refused. */
    static ThreadPoolExecutor pool(String name) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, name + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, (task, executor) -> { throw new java.util.concurrent.RejectedExecutionException("busy"); });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * The JDK server reads its settings once, when the first server starts: without a request time
     * limit a client that stops mid-request holds a thread for ever (the timer closes its connection);
     * without TCP_NODELAY the separate header and body writes meet the client's delayed ACK (tens of
     * ms per call). A setting given on the command line (-D) wins.
     */
    static void configureJdkServer() {
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

    /** A URL that works from this host: 127.0.0.1 when serving on all interfaces, IPv6 in brackets. */
    public String endpoint() {
        InetAddress a = server.getAddress().getAddress();
        String host = a.isAnyLocalAddress() ? "127.0.0.1"
                : a instanceof Inet6Address ? "[" + a.getHostAddress().replace("%", "%25") + "]" : a.getHostAddress();
        return "http://" + host + ":" + port();
    }

    /** Whether it listens on every interface (0.0.0.0 or ::). */
    public boolean allInterfaces() {
        return server.getAddress().getAddress().isAnyLocalAddress();
    }

    /** Whether requests must be signed with one of the operator's access keys. */
    public boolean verifiesSignatures() {
        return verifier != null;
    }

    public FaultPlan faults() {
        return faults;
    }

    /** Whether it serves as an account with Transaction Search, and how (switchable while serving). */
    public TransactionSearch transactionSearch() {
        return transactionSearch;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            boolean isLogs = target != null;
            String path = exchange.getRequestURI().getPath();
            String samplingOperation = isLogs ? null : SamplingApi.operation(path);
            String operation = samplingOperation != null ? samplingOperation
                    : samplingOnly ? null : isLogs ? LogsApi.operation(target) : XrayApi.operation(path);
            try (RequestLimits.Lease lease = limits.lease()) {
                if (!"POST".equals(exchange.getRequestMethod())) {
                    throw new ApiError(405, "UnknownOperationException", "only POST is served");
                }
                var headers = exchange.getRequestHeaders();
                SigV4Verifier.Authorization auth = verifier == null || samplingOnly ? null
                        : verifier.authorize(headers::get, isLogs ? "logs" : "xray");
                if (operation == null) {
                    throw new ApiError(isLogs ? 400 : 404, "UnknownOperationException", "unknown operation "
                            + RequestLimits.echo(isLogs ? target : path));
                }
                byte[] bytes;
                try (InputStream in = exchange.getRequestBody()) {
                    bytes = lease.read(in, declaredLength(exchange));
                }
                if (auth != null) {
                    verifier.verify(auth, new SigV4Verifier.Request(exchange.getRequestMethod(),
                            exchange.getRequestURI(), headers::get, bytes));
                }
                if ("PutTraceSegments".equals(operation)) RequestLimits.checkDocumentCount(JSON, bytes);
                JsonNode body = parseBody(bytes);
                applyFaults(operation, isLogs);
                boolean fails = faults.failsJob(operation);
                ObjectNode result = samplingOperation != null ? sampling.handle(operation, body)
                        : isLogs ? logs.handle(operation, body, fails) : xray.handle(operation, body, fails);
                send(exchange, 200, isLogs, null, result);
            } catch (ApiError e) {
                RequestLimits.drain(exchange.getRequestBody()); // a refusal made before the body was read
                ObjectNode error = JSON.createObjectNode();
                if (isLogs) error.put("__type", e.type);
                error.put("message", e.getMessage());
                // the JSON 1.1 protocol (Logs) answers a refused signature with 400, REST JSON with 403
                send(exchange, isLogs && e.status == 403 ? 400 : e.status, isLogs, e.type, error);
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

    private static JsonNode parseBody(byte[] bytes) throws IOException {
        if (bytes.length == 0) return JSON.createObjectNode();
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) throw new ApiError(400, "SerializationException", "body is not a JSON object");
            return node;
        } catch (StreamConstraintsException e) {
            if (e.getOriginalMessage().startsWith("Token count")) throw RequestLimits.tooManyValues();
            throw new ApiError(400, "SerializationException", "body is not JSON: " + JsonProblem.describe(e));
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
}
