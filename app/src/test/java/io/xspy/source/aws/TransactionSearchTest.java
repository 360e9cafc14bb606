package io.xspy.source.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.graph.ServiceGraph;
import io.xspy.query.Filter;
import io.xspy.query.FilterParser;
import io.xspy.query.TimeWindow;
import io.xspy.source.Page;
import io.xspy.source.SourceException;
import io.xspy.source.local.TraceStore;
import io.xspy.source.serve.FaultPlan;
import io.xspy.source.serve.GeneratedTraces;
import io.xspy.source.serve.GeneratedTraces.Generated;
import io.xspy.source.serve.ServeServer;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** xspy's AWS source against serve with Transaction Search on: the list comes from aws/spans, traces by retrieval. */
class TransactionSearchTest {

    static final int TRACES = 300; // 10 s apart: 50 minutes, more than one page of 200
    final Instant now = Instant.now();
    final TimeWindow lastHour = TimeWindow.last(Duration.ofHours(1), now);
    TraceStore store;
    ServeServer serve;
    List<Generated> generated;
    OperationRecorder recorder;

    @BeforeEach
    void start() {
        store = new TraceStore();
        generated = GeneratedTraces.load(store, TRACES, now.getEpochSecond() - 60);
        serve = ServeServer.start(store, "127.0.0.1", 0, FaultPlan.none(), 100);
        serve.transactionSearch().enable(true).pollsBeforeComplete(2);
        recorder = new OperationRecorder();
    }

    @AfterEach
    void stop() {
        serve.close();
    }

    AwsSource source(TraceList list) {
        return AwsSource.create(new AwsOptions(null, "us-east-1", serve.endpoint(), list),
                AwsSettings.defaults().withCredentials(AwsSourceTest.DUMMY).withInterceptor(recorder));
    }

    static List<TraceSummary> all(AwsSource aws, TimeWindow window, String filter) {
        List<TraceSummary> out = new ArrayList<>();
        String token = null;
        do {
            Page<TraceSummary> page = aws.traceSummaries(window, filter, token);
            out.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        return out;
    }

    static Set<String> ids(List<TraceSummary> summaries) {
        Set<String> out = new TreeSet<>();
        summaries.forEach(s -> out.add(s.id()));
        return out;
    }

    Set<String> expected(String filter) {
        Filter f = FilterParser.parse(filter);
        Set<String> out = new TreeSet<>();
        for (Generated g : generated) if (f.matches(store.trace(g.traceId()))) out.add(g.traceId());
        return out;
    }

    @Test
    void automaticListingShowsEveryTraceOfTheWindowNotTheIndexedShare() {
        try (AwsSource aws = source(TraceList.AUTO)) {
            List<TraceSummary> listed = all(aws, lastHour, null);
            assertEquals(TRACES, listed.size());
            assertEquals(ids(generated.stream().map(g -> new TraceSummary(g.traceId(), 0, 0, 0, false, false, false,
                    false, null, null, List.of(), List.of(), null, false)).toList()), ids(listed));
            for (int i = 1; i < listed.size(); i++) {
                assertTrue(listed.get(i - 1).startTime() >= listed.get(i).startTime(), "newest first");
            }
            for (TraceSummary s : listed) { // the trace's flags and extent, not only its root span's
                TraceSummary truth = TraceSummary.of(store.trace(s.id()));
                assertEquals(truth.hasFault(), s.hasFault(), s.id());
                assertEquals(truth.hasError(), s.hasError(), s.id());
                assertEquals(truth.startTime(), s.startTime(), 1e-6, s.id());
                assertEquals(truth.duration(), s.duration(), 1e-6, s.id());
                assertEquals(truth.responseTime(), s.responseTime(), 1e-6, s.id());
            }
            TraceSummary newest = listed.get(0);
            assertEquals(generated.get(0).traceId(), newest.id());
            assertEquals("xraystarter-api", newest.entryPoint().name());
            assertEquals(0.25, newest.duration(), 1e-6);
            assertTrue(aws.status().contains("Transaction Search: listing from aws/spans"), aws.status());
        }
        try (AwsSource indexed = source(TraceList.SUMMARIES)) {
            int share = all(indexed, lastHour, null).size();
            assertTrue(share < TRACES / 10, "the indexed 1%, got " + share);
            assertTrue(indexed.status().contains("listing X-Ray's indexed summaries, a share"), indexed.status());
        }
        assertFalse(recorder.actions().contains("xray:BatchGetTraces"));
    }

    @Test
    void tracesOpenByRetrievalWithAllTheirDocuments() {
        try (AwsSource aws = source(TraceList.AUTO)) {
            List<String> wanted = generated.stream().limit(120).map(Generated::traceId).toList(); // two retrievals
            List<Trace> traces = aws.traces(wanted);
            assertEquals(wanted, traces.stream().map(Trace::id).toList());
            Trace first = traces.get(0);
            assertEquals(store.trace(wanted.get(0)).nodeCount(), first.nodeCount());
            assertEquals(store.trace(wanted.get(0)).documents().size(), first.documents().size());
            assertTrue(recorder.actions().containsAll(List.of("xray:StartTraceRetrieval", "xray:ListRetrievedTraces")));
            assertFalse(recorder.actions().contains("xray:BatchGetTraces"));
            assertFalse(aws.status().contains("retrieving"), "no retrieval left in progress: " + aws.status());
        }
    }

    @Test
    void translatedFiltersAreExactAndTheRestIsCheckedLocally() {
        try (AwsSource aws = source(TraceList.AUTO)) {
            for (String filter : List.of("service(\"xraystarter-py\") AND annotation.key = \"k3\"", "fault",
                    "responsetime > 0.2 AND http.status = 502")) {
                assertEquals(expected(filter), ids(all(aws, lastHour, filter)), filter);
                assertFalse(aws.status().contains("not in the Logs Insights query"), aws.status());
            }
            String mixed = "fault OR annotation.key = \"k10\"";
            Set<String> got = ids(all(aws, lastHour, mixed));
            assertEquals(expected(mixed), got);
            assertFalse(got.isEmpty());
            assertTrue(aws.status().contains("not in the Logs Insights query: " + mixed), aws.status());
        }
    }

    @Test
    void throttledPollsAreRetriedAndADeniedQueryNamesTheAction() {
        serve.faults().throttle("ListRetrievedTraces", 2).throttle("GetQueryResults", 1).throttle("StartTraceRetrieval", 1);
        try (AwsSource aws = source(TraceList.AUTO)) {
            assertEquals(TRACES, all(aws, lastHour, null).size());
            assertEquals(1, aws.traces(List.of(generated.get(5).traceId())).size());
            assertEquals(4, aws.throttleCount());
        }
        serve.faults().deny("StartQuery");
        try (AwsSource aws = source(TraceList.AUTO)) {
            SourceException e = assertThrows(SourceException.class, () -> aws.traceSummaries(lastHour, null, null));
            assertTrue(e.getMessage().contains("logs:StartQuery"), e.getMessage());
        }
    }

    @Test
    void aFailedRetrievalSaysSo() {
        serve.faults().failJobs("StartTraceRetrieval");
        try (AwsSource aws = source(TraceList.AUTO)) {
            SourceException e = assertThrows(SourceException.class, () -> aws.traces(List.of(generated.get(0).traceId())));
            assertTrue(e.getMessage().contains("ended FAILED"), e.getMessage());
        }
    }

    @Test
    void interruptingAnOpenCancelsTheRetrievalAndInterruptingAListStopsTheQuery() throws Exception {
        serve.transactionSearch().pollsBeforeComplete(Integer.MAX_VALUE); // never completes
        try (AwsSource aws = source(TraceList.AUTO)) {
            assertTrue(aws.transactionSearch());
            interrupted(() -> aws.traces(List.of(generated.get(0).traceId())), () -> aws.status().contains("retrieving 1 trace"));
            waitFor(() -> recorder.actions().contains("xray:CancelTraceRetrieval"), recorder::actions);
            SourceException e = interrupted(() -> aws.traceSummaries(lastHour, null, null),
                    () -> aws.status().contains("querying aws/spans"));
            assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
            assertTrue(recorder.actions().contains("logs:StopQuery"), recorder.actions().toString());
        }
    }

    @Test
    void theGraphOfRetrievedTraces() {
        try (AwsSource aws = source(TraceList.AUTO)) {
            ServiceGraph graph = aws.retrievedTracesGraph(List.of(generated.get(0).traceId(), generated.get(1).traceId()));
            Set<String> names = new TreeSet<>();
            graph.services().forEach(n -> names.add(n.id().name()));
            assertTrue(names.containsAll(List.of("xraystarter-api", GeneratedTraces.FUNCTION)), names.toString());
            assertFalse(graph.edges().isEmpty());
        }
    }

    /** Runs a load on its own thread, interrupts it once {@code running} holds, returns what it threw. */
    static SourceException interrupted(Runnable load, BooleanSupplier running) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                load.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        waitFor(running, () -> "the load to be under way");
        t.interrupt();
        t.join(60_000);
        assertFalse(t.isAlive(), "the load ended after the interrupt");
        assertNotNull(thrown.get());
        assertTrue(thrown.get() instanceof SourceException, thrown.get().toString());
        return (SourceException) thrown.get();
    }

    /** Waits for a state (not a duration); fails with what it saw after 60 s. */
    static void waitFor(BooleanSupplier state, java.util.function.Supplier<Object> seen) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!state.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("gave up waiting; saw " + seen.get());
            Thread.sleep(10);
        }
    }
}
