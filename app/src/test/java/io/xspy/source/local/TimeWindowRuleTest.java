package io.xspy.source.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.xspy.graph.Fixtures;
import io.xspy.query.TimeWindow;
import io.xspy.trace.TraceSummary;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** X-Ray's rule (GetTraceSummaries' default TimeRangeType TraceId): a trace is in a window when it starts in it. */
class TimeWindowRuleTest {

    private static TimeWindow window(double from, double to) {
        return new TimeWindow(Instant.ofEpochMilli((long) (from * 1000)), Instant.ofEpochMilli((long) (to * 1000)));
    }

    @Test
    void aTraceIsInTheWindowItStartsInNotTheOnesItOverlaps() {
        TraceStore store = new TraceStore();
        // trace 1 starts 10 s before the window and runs 20 s into it; trace 2 starts inside it
        store.ingestAll(Fixtures.segments(Fixtures.invocation(1, Fixtures.T0 - 10, 30, 29, false, 0.02, "")));
        store.ingestAll(Fixtures.segments(Fixtures.invocation(2, Fixtures.T0 + 5, 0.1, 0.08, false, 0.02, "")));
        EmbeddedSource source = new EmbeddedSource("x", store);
        List<String> ids = source.traceSummaries(window(Fixtures.T0, Fixtures.T0 + 60), "", null).items().stream()
                .map(TraceSummary::id).toList();
        assertEquals(List.of(Fixtures.traceId(2)), ids);
        assertEquals(1, source.serviceGraph(window(Fixtures.T0, Fixtures.T0 + 60)).services().stream()
                .filter(n -> n.id().type() != null && n.id().type().equals("AWS::Lambda::Function"))
                .mapToLong(n -> n.summary().totalCount()).max().orElse(0), "the graph counts the same traces");
    }
}
