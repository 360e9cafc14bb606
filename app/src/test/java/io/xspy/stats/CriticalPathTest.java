package io.xspy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.stats.CriticalPath.Section;
import io.xspy.trace.TestTraces;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CriticalPathTest {

    /** The sections as "name start-end" in milliseconds, untraced ones as "-". */
    static List<String> sections(CriticalPath path) {
        List<String> out = new ArrayList<>();
        for (Section s : path.sections()) {
            out.add((s.untraced() ? "-" : s.segment().name()) + " " + Math.round(s.start() * 1000) + "-" + Math.round(s.end() * 1000));
        }
        return out;
    }

    @Test
    void sequentialChildrenAndTheParentsGapsBetweenThem() {
        DiffTraceBuilder b = new DiffTraceBuilder(1);
        String root = b.segment("api", null, 0, 100.0);
        b.sub(root, "a", 10, 40.0);
        b.sub(root, "b", 50, 90.0);
        CriticalPath path = CriticalPath.of(b.build());
        assertEquals(List.of("api 0-10", "a 10-40", "api 40-50", "b 50-90", "api 90-100"), sections(path));
        assertEquals(0.1, path.duration(), 1e-6);
        CriticalPath.Contribution api = path.contributions().get(0);
        assertEquals("api", api.segment().name());
        assertEquals(0.030, api.seconds(), 1e-6);
        assertEquals(0.30, api.share(), 1e-6);
        assertEquals(3, path.ids().size());
    }

    @Test
    void aChildOverlappedByTheLastFinishingOneIsNotOnThePath() {
        DiffTraceBuilder b = new DiffTraceBuilder(2);
        String root = b.segment("api", null, 0, 100.0);
        b.sub(root, "long", 10, 80.0);
        String inner = b.sub(root, "inside", 20, 60.0);
        CriticalPath path = CriticalPath.of(b.build());
        assertEquals(List.of("api 0-10", "long 10-80", "api 80-100"), sections(path));
        assertNull(path.of(inner));
    }

    @Test
    void walksBackThroughOverlapsToTheChildThatEndsBeforeTheCursor() {
        // c ends last; b overlaps c's start, so it is skipped; a ends before c starts
        DiffTraceBuilder b = new DiffTraceBuilder(3);
        String root = b.segment("api", null, 0, 100.0);
        b.sub(root, "a", 5, 25.0);
        b.sub(root, "b", 20, 50.0);
        b.sub(root, "c", 40, 95.0);
        assertEquals(List.of("api 0-5", "a 5-25", "api 25-40", "c 40-95", "api 95-100"), sections(CriticalPath.of(b.build())));
    }

    @Test
    void descendsIntoTheChosenChild() {
        DiffTraceBuilder b = new DiffTraceBuilder(4);
        String root = b.segment("api", null, 0, 100.0);
        String fn = b.sub(root, "handler", 10, 90.0);
        b.sub(fn, "query", 20, 70.0);
        assertEquals(List.of("api 0-10", "handler 10-20", "query 20-70", "handler 70-90", "api 90-100"),
                sections(CriticalPath.of(b.build())));
    }

    /** S3 hands over to SNS after its segment ends: the delivery between them is untraced time on the path. */
    @Test
    void aChildAfterItsParentEndsCarriesThePathWithAnUntracedGap() {
        DiffTraceBuilder b = new DiffTraceBuilder(5);
        String s3 = b.segment("bucket", "AWS::S3::Bucket", null, 0, 40.0);
        String sns = b.segment("topic", "AWS::SNS", s3, 80, 90.0);
        b.segment("fn", "AWS::Lambda", sns, 82, 300.0);
        CriticalPath path = CriticalPath.of(b.build());
        assertEquals(List.of("bucket 0-40", "- 40-80", "topic 80-82", "fn 82-300"), sections(path));
        assertEquals(0.3, path.duration(), 1e-6);
        assertTrue(path.contributions().get(1).untraced());
        assertEquals(40.0 / 300, path.contributions().get(1).share(), 1e-6);
    }

    /** The Lambda subsegment of a caller and the called function's segments under it. */
    @Test
    void aCallThatLeadsToAnotherSegment() {
        DiffTraceBuilder b = new DiffTraceBuilder(6);
        String caller = b.segment("caller", "AWS::Lambda::Function", null, 0, 200.0);
        String invoke = b.awsCall(caller, "Lambda", "Invoke", null, 10, 190);
        String service = b.segment("callee", "AWS::Lambda", invoke, 12, 188.0);
        b.segment("callee", "AWS::Lambda::Function", service, 30, 180.0);
        assertEquals(List.of("caller 0-10", "Lambda 10-12", "callee 12-30", "callee 30-180", "callee 180-188",
                "Lambda 188-190", "caller 190-200"), sections(CriticalPath.of(b.build())));
    }

    @Test
    void severalRootsAreChildrenOfTheWholeTrace() {
        DiffTraceBuilder b = new DiffTraceBuilder(7);
        b.segment("first", null, 0, 50.0);
        b.segment("second", null, 30, 120.0);
        b.segment("orphan", "ffffffffffffffff", 150, 160.0);
        CriticalPath path = CriticalPath.of(b.build());
        assertEquals(List.of("first 0-30", "second 30-120", "- 120-150", "orphan 150-160"), sections(path));
    }

    /** An in-progress node lasts until the trace's last known time, as the timeline draws it. */
    @Test
    void anInProgressNodeRunsToTheTracesLastKnownTime() {
        DiffTraceBuilder b = new DiffTraceBuilder(8);
        String root = b.segment("api", null, 0, 100.0);
        b.sub(root, "open", 60, null);
        b.sub(root, "done", 10, 30.0);
        assertEquals(List.of("api 0-10", "done 10-30", "api 30-60", "open 60-100"), sections(CriticalPath.of(b.build())));
    }

    /** A child that starts before its parent (clocks of two hosts): the part before the parent is untraced. */
    @Test
    void aChildStartingBeforeItsParent() {
        DiffTraceBuilder b = new DiffTraceBuilder(9);
        String root = b.segment("api", null, 10, 100.0);
        b.segment("skewed", root, 0, 50.0);
        assertEquals(List.of("skewed 0-50", "api 50-100"), sections(CriticalPath.of(b.build())));
    }

    @Test
    void theBlogsColdGoInvocation() {
        Trace trace = TestTraces.fixture("lambda-go.ndjson");
        CriticalPath path = CriticalPath.of(trace);
        double sum = 0;
        for (CriticalPath.Contribution c : path.contributions()) sum += c.seconds();
        assertEquals(trace.duration(), sum, 1e-9);
        List<String> names = path.contributions().stream().map(c -> c.untraced() ? "-" : c.segment().name()).toList();
        assertTrue(names.contains("Initialization"), "a cold start is on the path: " + names);
        assertTrue(names.contains("DynamoDB"), "the PutItem is on the path: " + names);
        assertFalse(names.contains("Dwell Time") && names.indexOf("Dwell Time") > names.indexOf("Initialization"), names.toString());
    }

    @Test
    void aDeepChainIsNoProblem() {
        DiffTraceBuilder b = new DiffTraceBuilder(10);
        String parent = b.segment("api", null, 0, 10_000.0);
        for (int i = 1; i < 5000; i++) parent = b.segment("level", parent, i, 10_000.0 - i);
        CriticalPath path = CriticalPath.of(b.build());
        assertEquals(5000, path.contributions().size());
        assertEquals(9999, path.sections().size());
    }

    @Test
    void anEmptyTrace() {
        CriticalPath path = CriticalPath.of(new Trace("1-00000000-000000000000000000000000", List.of(), java.util.Set.of(),
                List.of(), List.of()));
        assertEquals(0, path.duration());
        assertEquals(List.of(), path.sections());
    }
}
