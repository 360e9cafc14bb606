package io.xspy.source.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.graph.ServiceGraph;
import io.xspy.graph.ServiceGraphBuilder;
import io.xspy.query.TimeWindow;
import io.xspy.source.LogCorrelation;
import io.xspy.source.Page;
import io.xspy.source.SourceException;
import io.xspy.source.local.TraceStore;
import io.xspy.source.serve.FaultPlan;
import io.xspy.source.serve.GeneratedTraces;
import io.xspy.source.serve.GeneratedTraces.Generated;
import io.xspy.source.serve.ServeServer;
import io.xspy.trace.LambdaInvocation;
import io.xspy.trace.LogLine;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** The real SDK clients of AwsSource against xspy serve on 127.0.0.1 with generated traces. */
class AwsSourceTest {

    static final int TRACES = 23;
    static final StaticCredentialsProvider DUMMY =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "dummy-secret"));

    final Instant now = Instant.now();
    final TimeWindow lastHour = TimeWindow.last(Duration.ofHours(1), now);
    TraceStore store;
    FaultPlan faults;
    ServeServer serve;
    List<Generated> generated;
    final List<String> attempts = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() {
        store = new TraceStore();
        generated = GeneratedTraces.load(store, TRACES, now.getEpochSecond() - 60);
        faults = FaultPlan.none();
        serve = ServeServer.start(store, "127.0.0.1", 0, faults, 5);
    }

    @AfterEach
    void stop() {
        serve.close();
    }

    /** Records each HTTP attempt's operation, retries included. */
    final ExecutionInterceptor attemptLog = new ExecutionInterceptor() {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            attempts.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    };

    AwsSource source(AwsSettings settings) {
        return AwsSource.create(new AwsOptions(null, "us-east-1", serve.endpoint()),
                settings.withCredentials(DUMMY).withInterceptor(attemptLog));
    }

    AwsSource source() {
        return source(AwsSettings.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(6)));
    }

    long calls(String operation) {
        synchronized (attempts) {
            return attempts.stream().filter(operation::equals).count();
        }
    }

    @Test
    void describesRegionAndEndpoint() {
        try (AwsSource aws = source()) {
            assertEquals("AWS us-east-1 at " + serve.endpoint(), aws.describe());
        }
    }

    @Test
    void serviceGraphFollowsNextTokenAndKeepsStatistics() {
        ServiceGraph expected = ServiceGraphBuilder.build(store.traces(), lastHour.start(), lastHour.end());
        assertTrue(expected.services().size() > 2, "the graph must span several pages of 2");
        serve.close();
        serve = ServeServer.start(store, "127.0.0.1", 0, faults, 2);
        try (AwsSource aws = source()) {
            ServiceGraph graph = aws.serviceGraph(lastHour);
            assertTrue(calls("GetServiceGraph") >= 2, "paged");
            assertEquals(names(expected), names(graph));
            assertEquals(expected.edges().size(), graph.edges().size());
            ServiceGraph.Node api = graph.services().stream()
                    .filter(n -> n.id().name().equals("xraystarter-api")).findFirst().orElseThrow();
            assertEquals(TRACES, api.summary().totalCount());
            assertEquals(expected.find("xraystarter-api", api.id().type()).summary(), api.summary());
            assertEquals(TRACES, api.responseTimes().total());
            assertFalse(Double.isNaN(api.responseTimes().percentile(0.95)));
        }
    }

    private static Set<String> names(ServiceGraph g) {
        return g.services().stream().map(n -> n.id().name() + "/" + n.id().type()).collect(Collectors.toSet());
    }

    @Test
    void summariesArePagedLazilyNewestFirst() {
        try (AwsSource aws = source()) {
            List<String> ids = new ArrayList<>();
            String token = null;
            int pages = 0;
            do {
                Page<TraceSummary> page = aws.traceSummaries(lastHour, "", token);
                pages++;
                assertEquals(pages, calls("GetTraceSummaries"), "one call per page, on demand");
                List<Double> starts = page.items().stream().map(TraceSummary::startTime).toList();
                List<Double> sorted = new ArrayList<>(starts);
                sorted.sort(Collections.reverseOrder());
                assertEquals(sorted, starts);
                page.items().forEach(s -> ids.add(s.id()));
                token = page.nextToken();
            } while (token != null);
            assertEquals(5, pages);
            assertEquals(generated.stream().map(Generated::traceId).toList(), ids);
        }
    }

    @Test
    void summariesCarryTheFieldsOfTheApi() {
        try (AwsSource aws = source()) {
            TraceSummary s = aws.traceSummaries(lastHour, "annotation.key = \"k3\"", null).items().get(0);
            assertEquals(generated.get(3).traceId(), s.id());
            assertTrue(s.hasFault());
            assertEquals(502, s.http().status());
            assertEquals(List.of("k3"), s.annotations().get("key"));
            assertEquals(generated.get(3).start(), s.startTime(), 0.001);
        }
    }

    @Test
    void aFilterTypoFailsBeforeAnyCall() {
        try (AwsSource aws = source()) {
            SourceException e = assertThrows(SourceException.class,
                    () -> aws.traceSummaries(lastHour, "service(\"api\") AND AND fault", null));
            assertTrue(e.getMessage().contains("column"), e.getMessage());
            assertTrue(attempts.isEmpty(), "no request was sent");
        }
    }

    @Test
    void windowsLongerThanADayAreReadInChunks() {
        TimeWindow threeDays = TimeWindow.last(Duration.ofDays(3), now);
        try (AwsSource aws = source()) {
            List<String> ids = new ArrayList<>();
            String token = null;
            do {
                Page<TraceSummary> page = aws.traceSummaries(threeDays, null, token);
                page.items().forEach(s -> ids.add(s.id()));
                token = page.nextToken();
            } while (token != null);
            assertEquals(TRACES, ids.size()); // serve refuses windows over 24 h, so chunks were used
            assertEquals(1, aws.notices().size());
            assertTrue(aws.notices().get(0).contains("3 GetTraceSummaries windows"), aws.notices().get(0));
        }
    }

    @Test
    void tracesLoadInBatchesOfFiveAndUnknownIdsAreRetriedThenLeftOut() {
        List<String> ids = new ArrayList<>(generated.stream().map(Generated::traceId).toList());
        ids.add(12, "1-00000000-000000000000000000000001");
        ids.add("1-00000000-000000000000000000000002");
        try (AwsSource aws = source()) {
            List<Trace> traces = aws.traces(ids);
            assertEquals(generated.stream().map(Generated::traceId).toList(), traces.stream().map(Trace::id).toList());
            // 25 ids: 5 calls; the two batches holding an unknown id ask twice more each
            assertEquals(5 + 2 * BatchTraces.UNPROCESSED_RETRIES, calls("BatchGetTraces"));
            Trace t = traces.get(0);
            assertEquals(3, t.documents().size());
            LambdaInvocation inv = LambdaInvocation.of(t).get(0);
            assertEquals(generated.get(0).requestId(), inv.requestId());
            assertTrue(inv.coldStart());
            attempts.clear();
            assertEquals(10, aws.traces(ids.subList(0, 10)).size());
            assertEquals(0, calls("BatchGetTraces"), "cached traces are not fetched again");
        }
    }

    @Test
    void throttlesAreRetriedAndCounted() {
        faults.throttle("BatchGetTraces", 2);
        // the adaptive mode backs off about 1 s and 2 s and slows its sending rate: allow for it
        try (AwsSource aws = source(AwsSettings.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30)))) {
            List<Trace> traces = aws.traces(List.of(generated.get(0).traceId(), generated.get(1).traceId()));
            assertEquals(2, traces.size());
            assertEquals(2, aws.throttleCount());
            assertEquals("AWS throttled 2 requests; retrying slower", aws.status());
            assertEquals(3, calls("BatchGetTraces"));
        }
    }

    @Test
    void persistentThrottlingIsExplained() {
        faults.throttle("GetServiceGraph", 100);
        try (AwsSource aws = source(AwsSettings.defaults().withMaxAttempts(2)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10)))) {
            SourceException e = assertThrows(SourceException.class, () -> aws.serviceGraph(lastHour));
            assertTrue(e.getMessage().startsWith("xray:GetServiceGraph is throttled (ThrottledException)"),
                    e.getMessage());
            assertEquals(2, aws.throttleCount());
        }
    }

    @Test
    void serverErrorsBecomeAClearMessage() {
        faults.serverError("GetServiceGraph", 100);
        try (AwsSource aws = source()) {
            SourceException e = assertThrows(SourceException.class, () -> aws.serviceGraph(lastHour));
            assertEquals("xray:GetServiceGraph failed on AWS's side: HTTP 500 InternalFailure: injected fault"
                    + " — try again", e.getMessage());
            assertEquals(4, calls("GetServiceGraph"), "retried up to the attempt limit");
        }
    }

    @Test
    void aHangIsCutByTheTimeout() {
        faults.hang("GetTraceSummaries", 20_000);
        try (AwsSource aws = source(AwsSettings.defaults()
                .withTimeouts(Duration.ofMillis(300), Duration.ofMillis(900)))) {
            long t0 = System.nanoTime();
            SourceException e = assertThrows(SourceException.class, () -> aws.traceSummaries(lastHour, null, null));
            assertTrue(e.getMessage().startsWith("xray:GetTraceSummaries: no answer in time"), e.getMessage());
            assertTrue(e.getMessage().endsWith("check the network, --region and --endpoint-url"), e.getMessage());
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "gave up long before the hang ended");
        }
    }

    @Test
    void accessDeniedNamesTheIamActionAndThePrincipal() {
        faults.deny("BatchGetTraces");
        try (AwsSource aws = source()) {
            SourceException e = assertThrows(SourceException.class,
                    () -> aws.traces(List.of(generated.get(0).traceId())));
            assertEquals("AccessDenied: xray:BatchGetTraces is not allowed for arn:aws:iam::000000000000:user/xspy-serve"
                    + " — use --profile with a role that may, or --demo", e.getMessage());
            assertEquals(1, calls("BatchGetTraces"), "a denial is not retried");
        }
    }

    @Test
    void logsAreCorrelatedByRequestIdThroughCloudWatchLogs() {
        try (AwsSource aws = source()) {
            Trace trace = aws.traces(List.of(generated.get(4).traceId())).get(0);
            List<LogLine> lines = aws.logs(trace);
            assertEquals(generated.get(4).logs().stream().map(LogLine::message).toList(),
                    lines.stream().map(LogLine::message).toList());
            assertTrue(calls("FilterLogEvents") >= 1);
            assertTrue(calls("GetLogEvents") >= 1);
        }
    }

    @Test
    void aMissingLogGroupIsReportedNotEmpty() {
        TraceStore noLogs = new TraceStore();
        List<Generated> g = GeneratedTraces.load(noLogs, 1, now.getEpochSecond() - 60, false);
        try (ServeServer bare = ServeServer.start(noLogs, "127.0.0.1", 0, FaultPlan.none());
                AwsSource aws = AwsSource.create(new AwsOptions(null, "us-east-1", bare.endpoint()),
                        AwsSettings.defaults().withCredentials(DUMMY))) {
            Trace trace = aws.traces(List.of(g.get(0).traceId())).get(0);
            List<LogLine> lines = aws.logs(trace);
            assertEquals(1, lines.size());
            assertTrue(LogCorrelation.isMissingGroup(lines.get(0)));
            assertEquals("log group " + GeneratedTraces.LOG_GROUP + " not found", lines.get(0).message());
        }
    }

    @Test
    void deniedLogsNameTheLogsAction() {
        faults.deny("FilterLogEvents");
        try (AwsSource aws = source()) {
            Trace trace = aws.traces(List.of(generated.get(0).traceId())).get(0);
            SourceException e = assertThrows(SourceException.class, () -> aws.logs(trace));
            assertTrue(e.getMessage().startsWith("AccessDenied: logs:FilterLogEvents is not allowed for "),
                    e.getMessage());
        }
    }

    @Test
    void aBadEndpointUrlIsRefusedUpFront() {
        SourceException e = assertThrows(SourceException.class,
                () -> AwsSource.create(new AwsOptions(null, "us-east-1", "127.0.0.1:2772")));
        assertTrue(e.getMessage().contains("--endpoint-url"), e.getMessage());
    }

    @Test
    void nothingListeningIsAClearMessage() {
        int port = serve.port();
        serve.close();
        try (AwsSource aws = AwsSource.create(new AwsOptions(null, "us-east-1", "http://127.0.0.1:" + port),
                AwsSettings.defaults().withCredentials(DUMMY)
                        .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3)))) {
            SourceException e = assertThrows(SourceException.class, () -> aws.serviceGraph(lastHour));
            assertTrue(e.getMessage().startsWith("xray:GetServiceGraph: cannot reach AWS"), e.getMessage());
            assertTrue(e.getMessage().endsWith("— check the network, --region and --endpoint-url"), e.getMessage());
        }
        // the server went away, the data did not: every generated trace is still in the store, whole
        assertEquals(generated.stream().map(Generated::traceId).sorted().toList(),
                store.traces().stream().map(Trace::id).sorted().toList());
        for (Generated g : generated) {
            assertEquals(g.documents().size(), store.trace(g.traceId()).documents().size(), g.traceId());
        }
    }
}
