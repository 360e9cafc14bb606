package io.xspy.source.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.trace.LambdaInvocation;
import io.xspy.trace.LogLine;
import io.xspy.trace.ParseResult;
import io.xspy.trace.Segment;
import io.xspy.trace.SegmentDocuments;
import io.xspy.trace.Status;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceAssembler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoWorldTest {
    static final Instant NOW = Instant.parse("2026-11-26T16:00:00Z");

    static List<Trace> traces(DemoBatch batch) {
        ParseResult parsed = SegmentDocuments.parse(String.join("\n", batch.segmentDocuments()), "demo");
        assertEquals(List.of(), parsed.diagnostics(), "the demo writes valid documents");
        Map<String, List<Segment>> byTrace = parsed.segments().stream()
                .collect(Collectors.groupingBy(Segment::traceId, java.util.LinkedHashMap::new, Collectors.toList()));
        List<Trace> out = new ArrayList<>();
        byTrace.forEach((id, docs) -> out.add(TraceAssembler.assemble(id, docs)));
        return out;
    }

    @Test
    void sameSeedSameWorld() {
        DemoBatch a = DemoWorld.endingAt(7, NOW, 1800).advance(NOW);
        DemoBatch b = DemoWorld.endingAt(7, NOW, 1800).advance(NOW);
        DemoBatch c = DemoWorld.endingAt(8, NOW, 1800).advance(NOW);
        assertEquals(a, b);
        assertNotEquals(a.segmentDocuments(), c.segmentDocuments());
    }

    @Test
    void advancingInStepsGivesTheSameWorldAsOneStep() {
        DemoWorld stepwise = DemoWorld.endingAt(3, NOW, 600);
        List<String> docs = new ArrayList<>();
        for (int s = 540; s >= 0; s -= 60) docs.addAll(stepwise.advance(NOW.minusSeconds(s)).segmentDocuments());
        assertEquals(DemoWorld.endingAt(3, NOW, 600).advance(NOW).segmentDocuments(), docs);
    }

    @Test
    void eachUploadFansOutToThreeFunctionsThatWriteToDynamoDb() {
        List<Trace> traces = traces(DemoWorld.endingAt(1, NOW, 1800).advance(NOW));
        assertTrue(traces.size() > 100, "about one upload every ten seconds: " + traces.size());
        for (Trace t : traces) {
            assertTrue(t.orphanIds().isEmpty(), "every segment has its parent in the trace");
            assertEquals("AWS::S3::Bucket", t.rootSegment().origin());
            List<LambdaInvocation> invocations = LambdaInvocation.of(t);
            assertEquals(3, invocations.size());
            for (LambdaInvocation inv : invocations) {
                assertTrue(inv.dwellTime() >= 0.039 && inv.dwellTime() <= 0.092, "dwell time as measured in the post");
                assertTrue(inv.requestId() != null && inv.serviceSegment() != null && inv.functionSegment() != null);
            }
            assertTrue(t.startTime() <= DemoWorld.seconds(NOW));
        }
    }

    @Test
    void pythonFaultsWithTheImportErrorUntilTheFixThenRecovers() {
        DemoBatch batch = DemoWorld.endingAt(1, NOW, 1800).advance(NOW);
        List<Trace> traces = traces(batch);
        double fixedAt = DemoWorld.seconds(NOW) - 1200;
        for (Trace t : traces) {
            LambdaInvocation py = LambdaInvocation.of(t).stream()
                    .filter(i -> i.functionName().equals("xraystarter-py")).findFirst().orElseThrow();
            boolean before = py.startTime() < fixedAt;
            assertEquals(before, py.status() == Status.FAULT, "python faults exactly before the fix");
            if (before) {
                assertTrue(py.coldStart());
                assertEquals("Runtime.ImportModuleError",
                        py.functionSegment().cause().exceptions().get(0).type());
            }
        }
        List<LogLine> errors = batch.logEvents().stream()
                .filter(l -> l.message().contains("No module named 'aws_xray_sdk'")).toList();
        assertFalse(errors.isEmpty());
        assertTrue(errors.stream().allMatch(l -> l.logGroup().equals("/aws/lambda/xraystarter-py")));
    }

    @Test
    void dynamoDbTimesFollowThePostColdAndWarm() {
        List<Trace> traces = traces(DemoWorld.endingAt(5, NOW, 3600).advance(NOW));
        List<Double> goCold = new ArrayList<>();
        List<Double> goWarm = new ArrayList<>();
        for (Trace t : traces) {
            for (LambdaInvocation inv : LambdaInvocation.of(t)) {
                if (!inv.functionName().equals("xraystarter-go")) continue;
                inv.functionSegment().walk(s -> {
                    if ("aws".equals(s.namespace())) {
                        (inv.coldStart() ? goCold : goWarm).add(s.duration() * 1000);
                        assertEquals("PutItem", s.aws().operation());
                        assertEquals(null, s.aws().tableName(), "the Go SDK does not name the table");
                    }
                });
            }
        }
        assertFalse(goCold.isEmpty());
        assertTrue(goCold.stream().allMatch(ms -> ms >= 76 && ms <= 86), goCold.toString());
        assertTrue(goWarm.stream().allMatch(ms -> ms >= 4 && ms <= 32), goWarm.toString());
    }

    @Test
    void everyInvocationLogsStartEndAndReportWithTheTraceId() {
        DemoBatch batch = DemoWorld.endingAt(2, NOW, 600).advance(NOW);
        List<Trace> traces = traces(batch);
        for (Trace t : traces) {
            for (LambdaInvocation inv : LambdaInvocation.of(t)) {
                List<LogLine> mine = batch.logEvents().stream()
                        .filter(l -> l.message().contains(inv.requestId())).toList();
                assertTrue(mine.stream().anyMatch(l -> l.message().startsWith("START RequestId: ")));
                assertTrue(mine.stream().anyMatch(l -> l.message().startsWith("END RequestId: ")));
                LogLine report = mine.stream().filter(l -> l.message().startsWith("REPORT")).findFirst().orElseThrow();
                assertTrue(report.message().contains("XRAY TraceId: " + t.id()));
                assertEquals(inv.coldStart(), report.message().contains("Init Duration: "));
            }
        }
    }
}
