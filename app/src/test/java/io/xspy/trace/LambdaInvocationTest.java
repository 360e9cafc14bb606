package io.xspy.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaInvocationTest {

    @Test
    void coldStartOfTheGoFunction() {
        Trace trace = TestTraces.fixture("lambda-go.ndjson");
        List<LambdaInvocation> all = LambdaInvocation.of(trace);
        assertEquals(1, all.size());
        LambdaInvocation l = all.get(0);
        assertEquals("xraystarter-go", l.functionName());
        assertEquals("c7e872b4-1fd4-492b-81f9-8cf22d67827b", l.requestId());
        assertEquals("/aws/lambda/xraystarter-go", l.logGroup());
        assertTrue(l.coldStart());
        assertEquals(0.1723, l.initDuration(), 1e-6);
        assertEquals(0.0501, l.dwellTime(), 1e-6);
        assertEquals(1, l.attempts());
        assertEquals(0.0832, l.invocationDuration(), 1e-6);
        assertEquals(0.0009, l.overhead(), 1e-6);
        assertEquals("6a1f0c2e9b3d4f51", l.serviceSegment().id());
        assertEquals("3b9e7f215c4a0d68", l.functionSegment().id());
        assertEquals(trace.startTime(), l.startTime());
        assertEquals(trace.endTime(), l.endTime(), 1e-9);
        assertEquals(Status.OK, l.status());
    }

    @Test
    void anOpenTelemetryHandlerSpanInsideLambdasFunctionSegmentIsNotASecondInvocation() {
        String t = "1-581cf771-a006649127e371903a2de979";
        Trace trace = TestTraces.traces("""
                {"id":"svc","name":"fn","origin":"AWS::Lambda","trace_id":"%1$s","start_time":100,"end_time":101,"subsegments":[{"id":"a1","name":"Attempt #1","start_time":100,"end_time":101}]}
                {"id":"fn1","name":"fn","origin":"AWS::Lambda::Function","parent_id":"a1","trace_id":"%1$s","start_time":100.1,"end_time":100.9,"subsegments":[{"id":"inv","name":"Invocation","start_time":100.2,"end_time":100.8}]}
                {"id":"otel","name":"fn","origin":"AWS::Lambda::Function","parent_id":"inv","trace_id":"%1$s","start_time":100.2,"end_time":100.8}
                """.formatted(t), "t").get(0);
        List<LambdaInvocation> all = LambdaInvocation.of(trace);
        assertEquals(1, all.size());
        assertEquals("fn1", all.get(0).functionSegment().id());
        assertEquals(0.6, all.get(0).invocationDuration(), 1e-9);
    }

    @Test
    void faultedPythonInit() {
        LambdaInvocation l = LambdaInvocation.of(TestTraces.fixture("python-fault.json")).get(0);
        assertTrue(l.coldStart());
        assertEquals(Status.FAULT, l.status());
        assertEquals(0, l.invocationDuration());
        assertEquals("/aws/lambda/xraystarter-py", l.logGroup(), "derived from the name when not sent");
        Segment init = l.functionSegment().subsegments().get(0);
        assertEquals("Runtime.ImportModuleError", init.cause().exceptions().get(0).type());
        assertEquals("/var/task", init.cause().workingDirectory());
    }

    @Test
    void warmStartRetriesAndAFunctionSegmentAlone() {
        String t = "1-581cf771-a006649127e371903a2de979";
        Trace trace = TestTraces.traces("""
                {"id":"svc","name":"fn","origin":"AWS::Lambda","trace_id":"%1$s","start_time":100,"end_time":101,"aws":{"request_id":"req-1"},"subsegments":[{"id":"a1","name":"Attempt #1","start_time":100,"end_time":100.5},{"id":"a2","name":"Attempt #2","start_time":100.5,"end_time":101}]}
                {"id":"fn1","name":"fn","origin":"AWS::Lambda::Function","parent_id":"a2","trace_id":"%1$s","start_time":100.5,"end_time":100.9,"subsegments":[{"id":"inv","name":"Invocation","start_time":100.5,"end_time":100.8}]}
                {"id":"fn2","name":"other","origin":"AWS::Lambda::Function","trace_id":"%1$s","start_time":102,"end_time":102.5,"aws":{"request_id":"req-2"}}
                """.formatted(t), "t").get(0);
        List<LambdaInvocation> all = LambdaInvocation.of(trace);
        assertEquals(2, all.size());
        LambdaInvocation warm = all.get(0);
        assertFalse(warm.coldStart());
        assertEquals(0, warm.initDuration());
        assertEquals(2, warm.attempts());
        assertEquals(0, warm.dwellTime());
        assertEquals("req-1", warm.requestId());
        LambdaInvocation alone = all.get(1);
        assertNull(alone.serviceSegment());
        assertEquals("req-2", alone.requestId());
        assertEquals(0, alone.attempts());
        assertEquals(102, alone.startTime());
    }
}
