package io.xspy.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.graph.Fixtures;
import io.xspy.source.local.TraceStore;
import io.xspy.trace.LogLine;
import io.xspy.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogCorrelationTest {
    private static final String GROUP = "/aws/lambda/resize";
    private static final double T = Fixtures.T0;

    private static Trace invocation(int n, double start) {
        return Fixtures.traces(Fixtures.invocation(n, start, 0.100, 0.080, false, 0.020, "")).get(0);
    }

    private static List<String> messages(List<LogLine> lines) {
        return lines.stream().map(LogLine::message).toList();
    }

    @Test
    void coldStartIncludesInitLinesBeforeStartAndLinesWithoutTheRequestId() {
        TraceStore logs = new TraceStore();
        String s1 = "2023/11/14/[$LATEST]aaaa";
        logs.addLog(new LogLine(T - 100, GROUP, s1, "START RequestId: old Version: $LATEST"));
        logs.addLog(new LogLine(T - 99.9, GROUP, s1, "END RequestId: old"));
        logs.addLog(new LogLine(T - 99.9, GROUP, s1, "REPORT RequestId: old Duration: 100 ms"));
        logs.addLog(new LogLine(T - 1, GROUP, s1, "INIT_START Runtime Version: python:3.12"));
        logs.addLog(new LogLine(T - 0.5, GROUP, s1, "[ERROR] Runtime.ImportModuleError: No module named 'PIL'"));
        logs.addLog(new LogLine(T + 0.011, GROUP, s1, "START RequestId: req-1 Version: $LATEST"));
        logs.addLog(new LogLine(T + 0.05, GROUP, s1, "2023/11/14 resized 3 images"));
        logs.addLog(new LogLine(T + 0.09, GROUP, s1, "END RequestId: req-1"));
        logs.addLog(new LogLine(T + 0.1, GROUP, s1, "REPORT RequestId: req-1 Duration: 80 ms"));
        logs.addLog(new LogLine(T + 5, GROUP, s1, "START RequestId: next Version: $LATEST"));
        logs.addLog(new LogLine(T + 5.1, GROUP, s1, "line of the next invocation"));
        logs.addLog(new LogLine(T + 0.05, GROUP, "2023/11/14/[$LATEST]bbbb", "another container"));

        List<LogLine> lines = LogCorrelation.logs(invocation(1, T), logs);
        assertEquals(List.of("INIT_START Runtime Version: python:3.12",
                "[ERROR] Runtime.ImportModuleError: No module named 'PIL'",
                "START RequestId: req-1 Version: $LATEST", "2023/11/14 resized 3 images", "END RequestId: req-1",
                "REPORT RequestId: req-1 Duration: 80 ms"), messages(lines));
    }

    @Test
    void warmInvocationStopsAtThePreviousReport() {
        TraceStore logs = new TraceStore();
        String s = "stream";
        logs.addLog(new LogLine(T - 2, GROUP, s, "REPORT RequestId: before Duration: 5 ms"));
        logs.addLog(new LogLine(T + 0.02, GROUP, s, "START RequestId: req-1 Version: $LATEST"));
        logs.addLog(new LogLine(T + 0.03, GROUP, s, "REPORT RequestId: req-1 Duration: 8 ms"));
        assertEquals(List.of("START RequestId: req-1 Version: $LATEST", "REPORT RequestId: req-1 Duration: 8 ms"),
                messages(LogCorrelation.logs(invocation(1, T), logs)));
    }

    @Test
    void withoutMatchingLinesFallsBackToTheGroupInTheInvocationsTime() {
        TraceStore logs = new TraceStore();
        logs.addLog(new LogLine(T + 0.05, GROUP, "s", "a line without any id"));
        logs.addLog(new LogLine(T + 30, GROUP, "s", "much later"));
        assertEquals(List.of("a line without any id"), messages(LogCorrelation.logs(invocation(1, T), logs)));
    }

    @Test
    void missingLogGroupBecomesAMarkerLine() {
        List<LogLine> lines = LogCorrelation.logs(invocation(1, T), new TraceStore());
        assertEquals(1, lines.size());
        assertTrue(LogCorrelation.isMissingGroup(lines.get(0)));
        assertEquals("log group /aws/lambda/resize not found", lines.get(0).message());
        assertEquals(GROUP, lines.get(0).logGroup());
    }
}
