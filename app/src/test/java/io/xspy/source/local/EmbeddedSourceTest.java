package io.xspy.source.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.graph.Fixtures;
import io.xspy.graph.ServiceGraph;
import io.xspy.query.TimeWindow;
import io.xspy.source.Page;
import io.xspy.source.SourceException;
import io.xspy.trace.HttpInfo;
import io.xspy.trace.TraceSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmbeddedSourceTest {
    private static final TimeWindow ALL_DAY = new TimeWindow(Instant.ofEpochSecond((long) Fixtures.T0 - 3600),
            Instant.ofEpochSecond((long) Fixtures.T0 + 3600));

    private static EmbeddedSource sourceWith(int traces) {
        TraceStore store = new TraceStore();
        for (int n = 0; n < traces; n++) {
            store.ingestAll(Fixtures.segments(Fixtures.invocation(n, Fixtures.T0 + n, 0.1, 0.08, n % 10 == 0, 0.02, "")));
        }
        return new EmbeddedSource("file traces.json", store);
    }

    @Test
    void statusTellsOfEvictionsProblemsAndTheReceiver() {
        TraceStore store = new TraceStore(5, 100);
        for (int n = 0; n < 8; n++) {
            store.ingestAll(Fixtures.segments(Fixtures.invocation(n, Fixtures.T0 + n, 0.1, 0.08, false, 0.02, "")));
        }
        assertEquals("3 traces evicted (cap 5)", new EmbeddedSource("x", store).status());
        store.addDiagnostics(List.of(new io.xspy.trace.Diagnostic("f.json:3", null, "not JSON")));
        assertEquals("3 traces evicted (cap 5) \u00B7 1 problem in the input \u00B7 udp: 9 datagrams",
                new EmbeddedSource("x", store, () -> "udp: 9 datagrams").status());
        assertEquals("", sourceWith(3).status(), "nothing to say about a healthy store");
    }

    @Test
    void pagesNewestFirstWithoutRepeats() {
        EmbeddedSource source = sourceWith(250);
        List<TraceSummary> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Page<TraceSummary> page = source.traceSummaries(ALL_DAY, "", token);
            seen.addAll(page.items());
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertEquals(3, pages);
        assertEquals(250, seen.size());
        assertEquals(250, new HashSet<>(seen.stream().map(TraceSummary::id).toList()).size());
        assertEquals(Fixtures.traceId(249), seen.get(0).id());
        assertEquals(Fixtures.traceId(0), seen.get(249).id());
        for (int i = 1; i < seen.size(); i++) assertTrue(seen.get(i - 1).startTime() >= seen.get(i).startTime());
    }

    @Test
    void tracesArrivingBetweenPagesDoNotShiftTheNextPage() {
        EmbeddedSource source = sourceWith(150);
        Page<TraceSummary> first = source.traceSummaries(ALL_DAY, null, null);
        source.store().ingestAll(Fixtures.segments(Fixtures.invocation(999, Fixtures.T0 + 500, 0.1, 0.08, false, 0.02, "")));
        Page<TraceSummary> second = source.traceSummaries(ALL_DAY, null, first.nextToken());
        assertEquals(50, second.items().size());
        assertNull(second.nextToken());
        assertEquals(Fixtures.traceId(49), second.items().get(0).id());
    }

    @Test
    void windowSelectsTracesStartingInIt() {
        EmbeddedSource source = sourceWith(20);
        TimeWindow window = new TimeWindow(Instant.ofEpochSecond((long) Fixtures.T0 + 5),
                Instant.ofEpochSecond((long) Fixtures.T0 + 9));
        List<String> ids = source.traceSummaries(window, " ", null).items().stream().map(TraceSummary::id).toList();
        // trace 4 runs from T0+4 to T0+4.11 and does not reach T0+5; trace 9 starts at T0+9
        assertEquals(List.of(Fixtures.traceId(9), Fixtures.traceId(8), Fixtures.traceId(7), Fixtures.traceId(6),
                Fixtures.traceId(5)), ids);
    }

    @Test
    void summariesOnlyTracesAreListedButHaveNoSegments() {
        EmbeddedSource source = sourceWith(1);
        TraceSummary onlySummary = new TraceSummary(Fixtures.traceId(77), Fixtures.T0 + 100, 1, 1, true, false, false,
                false, HttpInfo.NONE, Map.of(), List.of(), List.of(), null, false);
        source.store().addSummaryOnly(onlySummary);
        List<TraceSummary> items = source.traceSummaries(ALL_DAY, "", null).items();
        assertEquals(List.of(Fixtures.traceId(77), Fixtures.traceId(0)), items.stream().map(TraceSummary::id).toList());
        assertEquals(List.of(), source.traces(List.of(Fixtures.traceId(77))));
    }

    @Test
    void tracesByIdLeaveOutUnknownIds() {
        EmbeddedSource source = sourceWith(3);
        assertEquals(List.of(Fixtures.traceId(2), Fixtures.traceId(0)),
                source.traces(List.of(Fixtures.traceId(2), "1-00000000-000000000000000000000000", Fixtures.traceId(0)))
                        .stream().map(t -> t.id()).toList());
    }

    @Test
    void serviceGraphOfTheWindow() {
        EmbeddedSource source = sourceWith(20);
        ServiceGraph g = source.serviceGraph(ALL_DAY);
        assertEquals(20, g.find("resize", "AWS::Lambda").summary().totalCount());
        assertEquals(2, g.find("resize", "AWS::Lambda::Function").summary().faultOtherCount());
        assertEquals("file traces.json", source.describe());
    }

    @Test
    void filterExpressionsSelectTraces() {
        EmbeddedSource source = sourceWith(20);
        source.store().addSummaryOnly(new TraceSummary(Fixtures.traceId(77), Fixtures.T0 + 100, 1, 1, true, false, false,
                false, HttpInfo.NONE, Map.of(), List.of(), List.of(), null, false));
        assertEquals(List.of(Fixtures.traceId(10), Fixtures.traceId(0)),
                source.traceSummaries(ALL_DAY, "fault", null).items().stream().map(TraceSummary::id).toList());
        assertEquals(18, source.traceSummaries(ALL_DAY, "!fault", null).items().size());
        io.xspy.query.FilterSyntaxException e = assertThrows(io.xspy.query.FilterSyntaxException.class,
                () -> source.traceSummaries(ALL_DAY, "fault AND (", null));
        assertTrue(e.column() > 0);
    }

    @Test
    void badPageTokenIsAClearError() {
        EmbeddedSource source = sourceWith(1);
        SourceException e = assertThrows(SourceException.class, () -> source.traceSummaries(ALL_DAY, "", "%%%"));
        assertEquals("invalid page token", e.getMessage());
    }

    @Test
    void logsComeFromTheStore() {
        EmbeddedSource source = sourceWith(1);
        source.store().addLog(new io.xspy.trace.LogLine(Fixtures.T0 + 0.05, "/aws/lambda/resize", "s", "hello"));
        Set<String> messages = new HashSet<>();
        source.logs(source.traces(List.of(Fixtures.traceId(0))).get(0)).forEach(l -> messages.add(l.message()));
        assertEquals(Set.of("hello"), messages);
        assertFalse(source.store().hasLogGroup("/aws/lambda/other"));
    }
}
