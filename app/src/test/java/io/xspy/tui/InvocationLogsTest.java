package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.trace.LambdaInvocation;
import io.xspy.trace.LogLine;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A function invoked twice in one trace writes to one log group: each invocation gets the lines nearest it. */
class InvocationLogsTest {

    @Test
    void twoInvocationsOfOneFunctionSplitTheirGroupsLinesByTime() {
        Fixtures f = new Fixtures(4); // traces 0 and 3 are both xraystarter-ts, 40.5 s apart
        String ndjson = f.ndjson().replace(Fixtures.traceId(3), Fixtures.traceId(0));
        List<LogLine> lines = new ArrayList<>(f.logs().get(Fixtures.traceId(0)));
        lines.addAll(f.logs().get(Fixtures.traceId(3)));
        lines.sort(Comparator.comparingDouble(LogLine::timestamp));
        FakeSource source = new FakeSource(ndjson, Map.of(), 10);
        Trace trace = source.traces.get(Fixtures.traceId(0));
        List<LambdaInvocation> invocations = LambdaInvocation.of(trace);
        assertEquals(2, invocations.size());
        assertEquals(invocations.get(0).logGroup(), invocations.get(1).logGroup(), "one group");

        List<LogLine> first = InvocationLogs.lines(trace, lines, invocations.get(0));
        List<LogLine> second = InvocationLogs.lines(trace, lines, invocations.get(1));
        assertEquals(f.logs().get(Fixtures.traceId(0)), first);
        assertEquals(f.logs().get(Fixtures.traceId(3)), second);

        LambdaInvocation ofHandler = InvocationLogs.of(trace, invocations.get(1).functionSegment().subsegments().get(0));
        assertEquals(invocations.get(1).functionSegment(), ofHandler.functionSegment(), "a node belongs to the invocation above it");
        List<LogLine> ordered = InvocationLogs.first(trace, lines, invocations.get(1));
        assertEquals(second, ordered.subList(0, second.size()));
        assertTrue(ordered.containsAll(lines) && ordered.size() == lines.size(), "nothing lost, nothing twice");
    }
}
