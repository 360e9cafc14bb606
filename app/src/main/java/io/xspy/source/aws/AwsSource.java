package io.xspy.source.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.xspy.graph.ServiceGraph;
import io.xspy.query.FilterParser;
import io.xspy.query.FilterSyntaxException;
import io.xspy.query.TimeWindow;
import io.xspy.source.LogCorrelation;
import io.xspy.source.Page;
import io.xspy.source.SourceException;
import io.xspy.source.TraceSource;
import io.xspy.trace.Json;
import io.xspy.trace.Diagnostic;
import io.xspy.trace.LogLine;
import io.xspy.trace.Segment;
import io.xspy.trace.SegmentDocuments;
import io.xspy.trace.SegmentParser;
import io.xspy.trace.ServiceId;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceAssembler;
import io.xspy.trace.TraceSummary;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.BatchGetTracesResponse;
import software.amazon.awssdk.services.xray.model.Edge;
import software.amazon.awssdk.services.xray.model.GetServiceGraphResponse;
import software.amazon.awssdk.services.xray.model.GetTraceSummariesResponse;
import software.amazon.awssdk.services.xray.model.Service;

/**
 * A real AWS account through the SDK v2: X-Ray for the service graph, summaries and traces,
 * CloudWatch Logs for the invocations' lines. Both clients use the one lightweight URLConnection HTTP
 * client and the SDK's adaptive retry mode, and count the throttles they meet.
 *
 * <p>GetTraceSummaries takes at most {@link #SUMMARY_CALL_LIMIT} per call, so a longer window is read
 * as consecutive chunks, newest first, and {@link #notices()} says so. Full traces are fetched five ids
 * per BatchGetTraces call (the API's limit) with up to {@link Settings#concurrency()} calls in flight,
 * unprocessed ids are asked again a bounded number of times, and completed traces are cached.
 */
public final class AwsSource implements TraceSource {

    /** The longest window one GetTraceSummaries call accepts. */
    public static final Duration SUMMARY_CALL_LIMIT = Duration.ofHours(24);
    /** BatchGetTraces accepts at most five trace ids per call. */
    public static final int BATCH_SIZE = 5;
    /** How often ids that X-Ray left unprocessed are asked for again. */
    static final int UNPROCESSED_RETRIES = 2;
    /** GetTraceSummaries calls made at most for one page while X-Ray returns empty pages with a token. */
    private static final int MAX_EMPTY_PAGES = 5;

    /** How the source talks to AWS; {@link #defaults()} for the CLI, shorter timeouts in tests. */
    public record Settings(
            AwsCredentialsProvider credentials,
            Duration attemptTimeout,
            Duration callTimeout,
            int maxAttempts,
            int concurrency,
            int cacheSize,
            List<ExecutionInterceptor> interceptors) {

        public Settings {
            interceptors = List.copyOf(interceptors);
            if (concurrency < 1 || maxAttempts < 1 || cacheSize < 0) {
                throw new IllegalArgumentException("concurrency and maxAttempts must be at least 1");
            }
        }

        public static Settings defaults() {
            return new Settings(null, Duration.ofSeconds(10), Duration.ofSeconds(30), 4, 4, 2_000, List.of());
        }

        public Settings withCredentials(AwsCredentialsProvider provider) {
            return new Settings(provider, attemptTimeout, callTimeout, maxAttempts, concurrency, cacheSize, interceptors);
        }

        public Settings withTimeouts(Duration attempt, Duration call) {
            return new Settings(credentials, attempt, call, maxAttempts, concurrency, cacheSize, interceptors);
        }

        public Settings withMaxAttempts(int n) {
            return new Settings(credentials, attemptTimeout, callTimeout, n, concurrency, cacheSize, interceptors);
        }

        public Settings withConcurrency(int n) {
            return new Settings(credentials, attemptTimeout, callTimeout, maxAttempts, n, cacheSize, interceptors);
        }

        public Settings withCacheSize(int n) {
            return new Settings(credentials, attemptTimeout, callTimeout, maxAttempts, concurrency, n, interceptors);
        }

        public Settings withInterceptor(ExecutionInterceptor interceptor) {
            List<ExecutionInterceptor> all = new ArrayList<>(interceptors);
            all.add(interceptor);
            return new Settings(credentials, attemptTimeout, callTimeout, maxAttempts, concurrency, cacheSize, all);
        }
    }

    private final String description;
    private final SdkHttpClient http;
    private final XRayClient xray;
    private final CloudWatchLogsClient logs;
    private final CloudWatchLogEvents logEvents;
    private final ExecutorService pool;
    private final ThrottleCounter throttles;
    private final AwsErrors errors;
    private final Map<String, Trace> cache;
    private final List<String> notices = new CopyOnWriteArrayList<>();

    private AwsSource(String description, SdkHttpClient http, XRayClient xray, CloudWatchLogsClient logs,
            ThrottleCounter throttles, AwsErrors errors, Settings settings) {
        this.description = description;
        this.http = http;
        this.xray = xray;
        this.logs = logs;
        this.throttles = throttles;
        this.errors = errors;
        this.logEvents = new CloudWatchLogEvents(logs, this::call);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "xspy-aws-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        int size = settings.cacheSize();
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Trace> eldest) {
                return size() > size;
            }
        };
    }

    public static AwsSource create(AwsOptions options) {
        return create(options, Settings.defaults());
    }

    public static AwsSource create(AwsOptions options, Settings settings) {
        Region region = region(options);
        URI endpoint = endpoint(options);
        AwsCredentialsProvider credentials = settings.credentials() != null ? settings.credentials()
                : options.profile() != null ? DefaultCredentialsProvider.builder().profileName(options.profile()).build()
                : DefaultCredentialsProvider.builder().build();
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(settings.attemptTimeout())
                .build();
        ThrottleCounter throttles = new ThrottleCounter();
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(settings.attemptTimeout())
                .apiCallTimeout(settings.callTimeout())
                .addExecutionInterceptor(throttles);
        if (options.profile() != null) override.defaultProfileName(options.profile());
        settings.interceptors().forEach(override::addExecutionInterceptor);
        // Each client gets its own strategy: the adaptive rate limiter keeps per-client state.
        XRayClient xray = XRayClient.builder()
                .httpClient(http).region(region).credentialsProvider(credentials)
                .overrideConfiguration(override.copy().retryStrategy(adaptive(settings)).build())
                .applyMutation(b -> { if (endpoint != null) b.endpointOverride(endpoint); })
                .build();
        CloudWatchLogsClient logs = CloudWatchLogsClient.builder()
                .httpClient(http).region(region).credentialsProvider(credentials)
                .overrideConfiguration(override.copy().retryStrategy(adaptive(settings)).build())
                .applyMutation(b -> { if (endpoint != null) b.endpointOverride(endpoint); })
                .build();
        String description = "AWS " + region.id()
                + (options.profile() != null ? " (profile " + options.profile() + ")" : "")
                + (endpoint != null ? " at " + endpoint : "");
        return new AwsSource(description, http, xray, logs, throttles, new AwsErrors(options.profile()), settings);
    }

    private static software.amazon.awssdk.retries.api.RetryStrategy adaptive(Settings settings) {
        return AwsRetryStrategy.forRetryMode(RetryMode.ADAPTIVE_V2).toBuilder()
                .maxAttempts(settings.maxAttempts()).build();
    }

    private static Region region(AwsOptions options) {
        if (options.region() != null) return Region.of(options.region());
        try {
            DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
            if (options.profile() != null) chain.profileName(options.profile());
            return chain.build().getRegion();
        } catch (SdkException e) {
            throw new SourceException("no AWS region configured — pass --region (or set AWS_REGION, or region in"
                    + " your profile), or use --demo", e);
        }
    }

    private static URI endpoint(AwsOptions options) {
        if (options.endpointUrl() == null) return null;
        try {
            URI uri = URI.create(options.endpointUrl());
            if (uri.getScheme() == null || uri.getHost() == null) throw new IllegalArgumentException("no scheme or host");
            return uri;
        } catch (IllegalArgumentException e) {
            throw new SourceException("--endpoint-url " + options.endpointUrl()
                    + " is not a URL like http://127.0.0.1:2772", e);
        }
    }

    @Override
    public boolean remote() { return true; }

    @Override
    public String describe() {
        return description;
    }

    /** Throttled attempts so far (each is retried by the SDK's adaptive mode). */
    public long throttleCount() {
        return throttles.count();
    }

    /** A line for the status bar: throttles met, and the latest notice (a window split in chunks). */
    @Override
    public String status() {
        long n = throttles.count();
        String throttled = n == 0 ? "" : "AWS throttled " + n + (n == 1 ? " request" : " requests") + "; retrying slower";
        List<String> said = notices();
        String notice = said.isEmpty() ? "" : said.get(said.size() - 1);
        long p = problems.get();
        if (p > 0) notice = (notice.isEmpty() ? "" : notice + " \u00B7 ") + p + (p == 1 ? " problem" : " problems") + " in X-Ray's documents";
        return throttled.isEmpty() ? notice : notice.isEmpty() ? throttled : throttled + " \u00B7 " + notice;
    }

    /** Things the user should know about how their request was read, such as a window split into chunks. */
    public List<String> notices() {
        return List.copyOf(notices);
    }

    /** Runs one SDK call; a failure becomes a SourceException naming the IAM action. */
    <T> T call(String iamAction, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw errors.translate(iamAction, e);
        }
    }

    // ---- GetServiceGraph ----

    @Override
    public ServiceGraph serviceGraph(TimeWindow window) {
        List<Service> services = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        String token = null;
        do {
            String sent = token;
            GetServiceGraphResponse response = call("xray:GetServiceGraph", () -> xray.getServiceGraph(
                    b -> b.startTime(window.start()).endTime(window.end()).nextToken(sent)));
            services.addAll(response.services());
            token = response.nextToken();
        } while (token != null && tokens.add(token));
        List<ServiceGraph.Node> nodes = new ArrayList<>();
        List<ServiceGraph.Edge> edges = new ArrayList<>();
        for (Service s : services) {
            int ref = s.referenceId() == null ? -1 : s.referenceId();
            ServiceId id = new ServiceId(s.name(), s.names().isEmpty() ? null : s.names(), s.accountId(), s.type());
            nodes.add(new ServiceGraph.Node(ref, id, Boolean.TRUE.equals(s.root()), XrayShapes.statistics(s.summaryStatistics()),
                    XrayShapes.histogram(s.responseTimeHistogram())));
            for (Edge e : s.edges()) {
                if (e.referenceId() == null) continue;
                edges.add(new ServiceGraph.Edge(ref, e.referenceId(), XrayShapes.statistics(e.summaryStatistics()),
                        XrayShapes.histogram(e.responseTimeHistogram())));
            }
        }
        return new ServiceGraph(window.start(), window.end(), nodes, edges);
    }

    // ---- GetTraceSummaries ----

    /** Syntax only: X-Ray evaluates the expression, including group.name / group.arn that only it knows. */
    @Override
    public void checkFilter(String expression) {
        FilterParser.check(expression);
    }

    @Override
    public Page<TraceSummary> traceSummaries(TimeWindow window, String filterExpression, String pageToken) {
        String expression = filterExpression == null || filterExpression.isBlank() ? null : filterExpression.strip();
        if (expression != null) {
            try {
                FilterParser.check(expression); // syntax only: a typo is reported here, before any call; X-Ray judges meaning
            } catch (FilterSyntaxException e) {
                throw new SourceException("filter: " + e.getMessage(), e);
            }
        }
        List<TimeWindow> chunks = chunks(window);
        if (chunks.size() > 1) {
            notice("the window of " + human(window.span()) + " is read as " + chunks.size()
                    + " GetTraceSummaries windows of at most 24 h each (X-Ray's limit per call), newest first");
        }
        Cursor cursor = pageToken == null ? new Cursor(0, null) : Cursor.decode(pageToken, chunks.size());
        for (int calls = 1; ; calls++) {
            TimeWindow chunk = chunks.get(cursor.chunk);
            String sent = cursor.apiToken;
            GetTraceSummariesResponse response = call("xray:GetTraceSummaries", () -> xray.getTraceSummaries(
                    b -> b.startTime(chunk.start()).endTime(chunk.end()).filterExpression(expression).nextToken(sent)));
            List<TraceSummary> items = new ArrayList<>();
            for (var s : response.traceSummaries()) items.add(XrayShapes.summary(s));
            items.sort(Comparator.comparingDouble(TraceSummary::startTime).reversed());
            Cursor next = response.nextToken() != null && !response.nextToken().equals(sent)
                    ? new Cursor(cursor.chunk, response.nextToken())
                    : cursor.chunk + 1 < chunks.size() ? new Cursor(cursor.chunk + 1, null) : null;
            if (!items.isEmpty() || next == null || calls >= MAX_EMPTY_PAGES) {
                return new Page<>(items, next == null ? null : next.encode());
            }
            cursor = next;
        }
    }

    /** The window cut into pieces X-Ray accepts, newest first. */
    static List<TimeWindow> chunks(TimeWindow window) {
        List<TimeWindow> out = new ArrayList<>();
        Instant end = window.end();
        do {
            Instant start = end.minus(SUMMARY_CALL_LIMIT);
            if (start.isBefore(window.start())) start = window.start();
            out.add(new TimeWindow(start, end));
            end = start;
        } while (end.isAfter(window.start()));
        return out;
    }

    private static String human(Duration d) {
        long h = d.toHours();
        return h >= 48 && h % 24 == 0 ? h / 24 + " d" : h >= 1 ? h + " h" : d.toMinutes() + " min";
    }

    private void notice(String text) {
        if (!notices.contains(text)) notices.add(text);
    }

    /** Our page token: which chunk of the window, and X-Ray's own NextToken within it. */
    private record Cursor(int chunk, String apiToken) {
        String encode() {
            String raw = chunk + "|" + (apiToken == null ? "" : apiToken);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String token, int chunks) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                int bar = raw.indexOf('|');
                int chunk = Integer.parseInt(raw.substring(0, bar));
                if (chunk < 0 || chunk >= chunks) throw new IllegalArgumentException("chunk out of range");
                String api = raw.substring(bar + 1);
                return new Cursor(chunk, api.isEmpty() ? null : api);
            } catch (RuntimeException e) {
                throw new SourceException("page token does not belong to this query: start again from the first page", e);
            }
        }
    }

    // ---- BatchGetTraces ----

    @Override
    public List<Trace> traces(Collection<String> traceIds) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String id : traceIds) if (id != null && !id.isBlank()) wanted.add(id.strip());
        Map<String, Trace> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        synchronized (cache) {
            for (String id : wanted) {
                Trace t = cache.get(id);
                if (t != null) found.put(id, t);
                else missing.add(id);
            }
        }
        List<Future<List<Trace>>> futures = new ArrayList<>();
        for (int i = 0; i < missing.size(); i += BATCH_SIZE) {
            List<String> batch = List.copyOf(missing.subList(i, Math.min(missing.size(), i + BATCH_SIZE)));
            futures.add(pool.submit(() -> fetch(batch)));
        }
        try {
            for (Future<List<Trace>> f : futures) {
                for (Trace t : f.get()) {
                    found.put(t.id(), t);
                    if (!t.inProgress()) { // an open trace will change: read it again next time
                        synchronized (cache) {
                            cache.put(t.id(), t);
                        }
                    }
                }
            }
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof SourceException s) throw s;
            throw errors.translate("xray:BatchGetTraces", e.getCause());
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new SourceException("loading traces was interrupted", e);
        }
        List<Trace> out = new ArrayList<>();
        for (String id : wanted) {
            Trace t = found.get(id);
            if (t != null) out.add(t);
        }
        return out;
    }

    /** One batch of at most five ids, following NextToken and asking again for unprocessed ids. */
    private List<Trace> fetch(List<String> ids) throws InterruptedException {
        Map<String, List<Segment>> documents = new LinkedHashMap<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<String> pending = ids;
        for (int round = 0; !pending.isEmpty() && round <= UNPROCESSED_RETRIES; round++) {
            if (round > 0) Thread.sleep(100L * round); // X-Ray may still be indexing them
            Set<String> unprocessed = new LinkedHashSet<>();
            Set<String> tokens = new HashSet<>();
            String token = null;
            List<String> asked = pending;
            do {
                String sent = token;
                BatchGetTracesResponse response = call("xray:BatchGetTraces",
                        () -> xray.batchGetTraces(b -> b.traceIds(asked).nextToken(sent)));
                for (var trace : response.traces()) {
                    List<Segment> docs = documents.computeIfAbsent(trace.id(), k -> new ArrayList<>());
                    SegmentParser parser = new SegmentParser("BatchGetTraces " + trace.id(), diagnostics);
                    for (var segment : trace.segments()) {
                        Segment parsed = parse(parser, segment.document(), diagnostics, trace.id());
                        if (parsed != null) docs.add(parsed);
                    }
                }
                unprocessed.addAll(response.unprocessedTraceIds());
                token = response.nextToken();
            } while (token != null && tokens.add(token));
            unprocessed.removeAll(documents.keySet());
            pending = List.copyOf(unprocessed);
        }
        keep(diagnostics);
        List<Trace> out = new ArrayList<>();
        documents.forEach((id, docs) -> {
            if (!docs.isEmpty()) out.add(TraceAssembler.assemble(id, docs));
        });
        return out;
    }

    /** Problems in the documents X-Ray returned: counted, and the latest kept, as the embedded store does for files. */
    private final java.util.concurrent.atomic.AtomicLong problems = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.ArrayDeque<Diagnostic> recentProblems = new java.util.ArrayDeque<>();
    private static final int KEPT_PROBLEMS = 100;

    private void keep(List<Diagnostic> found) {
        if (found.isEmpty()) return;
        problems.addAndGet(found.size());
        synchronized (recentProblems) {
            for (Diagnostic d : found) {
                recentProblems.addLast(d);
                if (recentProblems.size() > KEPT_PROBLEMS) recentProblems.removeFirst();
            }
        }
    }

    /** How many problems the documents read so far had. */
    public long problemCount() {
        return problems.get();
    }

    /** The latest problems (at most 100), oldest first. */
    public List<Diagnostic> recentDiagnostics() {
        synchronized (recentProblems) {
            return List.copyOf(recentProblems);
        }
    }

    private static Segment parse(SegmentParser parser, String document, List<Diagnostic> diagnostics, String traceId) {
        if (document == null) return null;
        try {
            JsonNode node = Json.read(document);
            return parser.parseDocument(node);
        } catch (JsonProcessingException e) {
            diagnostics.add(Diagnostic.fatal("BatchGetTraces " + traceId, 0, null,
                    "Document is not valid JSON: " + SegmentDocuments.brief(e)));
            return null;
        }
    }

    // ---- CloudWatch Logs ----

    @Override
    public List<LogLine> logs(Trace trace) {
        return LogCorrelation.logs(trace, logEvents);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        xray.close();
        logs.close();
        http.close();
    }
}
