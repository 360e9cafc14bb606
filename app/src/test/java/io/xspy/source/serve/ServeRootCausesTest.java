package io.xspy.source.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.source.local.TraceStore;
import io.xspy.trace.SegmentDocuments;
import io.xspy.trace.TestTraces;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.FaultRootCause;
import software.amazon.awssdk.services.xray.model.FaultRootCauseEntity;
import software.amazon.awssdk.services.xray.model.FaultRootCauseService;
import software.amazon.awssdk.services.xray.model.TraceSummary;

/** The real SDK v2 X-Ray client reads the root causes serve computes, in X-Ray's shapes. */
class ServeRootCausesTest {

    static final double START = 1669625283; // the demo's Python fault, as recorded

    ServeServer serve;
    XRayClient xray;

    @BeforeEach
    void start() {
        TraceStore store = new TraceStore();
        store.ingestAll(SegmentDocuments.parse(TestTraces.resource("/fixtures/timeline/python-fault.json"), "py")
                .segments());
        store.ingestAll(SegmentDocuments.parse("""
                [{"id":"d100000000000001","trace_id":"1-638475c4-00000000000000000000d100","name":"healthy",
                  "origin":"AWS::EC2::Instance","start_time":1669625284.0,"end_time":1669625284.2,
                  "http":{"response":{"status":200}}}]
                """, "ok").segments());
        serve = ServeServer.start(store, "127.0.0.1", 0, FaultPlan.none());
        xray = XrayClients.at(serve.endpoint());
    }

    @AfterEach
    void stop() {
        xray.close();
        serve.close();
    }

    List<TraceSummary> summaries() {
        return xray.getTraceSummaries(r -> r.startTime(Instant.ofEpochSecond((long) START - 60))
                .endTime(Instant.ofEpochSecond((long) START + 60))).traceSummaries();
    }

    @Test
    void every_summary_carries_the_three_root_cause_lists_even_when_empty() {
        List<TraceSummary> all = summaries();
        assertEquals(2, all.size());
        for (TraceSummary t : all) {
            assertTrue(t.hasFaultRootCauses() && t.hasErrorRootCauses() && t.hasResponseTimeRootCauses(), t.id());
        }
        TraceSummary healthy = all.stream().filter(t -> !t.hasFault()).findFirst().orElseThrow();
        assertEquals(List.of(), healthy.faultRootCauses());
        assertEquals(List.of(), healthy.errorRootCauses());
    }

    @Test
    void the_python_import_error_reads_back_as_a_fault_root_cause() {
        TraceSummary fault = summaries().stream().filter(TraceSummary::hasFault).findFirst().orElseThrow();
        assertEquals(1, fault.faultRootCauses().size());
        FaultRootCause cause = fault.faultRootCauses().get(0);
        assertTrue(cause.clientImpacting());
        List<FaultRootCauseService> services = cause.services();
        assertEquals(List.of("AWS::Lambda", "AWS::Lambda::Function"), services.stream().map(FaultRootCauseService::type).toList());
        assertFalse(services.get(1).inferred());
        assertEquals("123456789012", services.get(1).accountId());
        FaultRootCauseEntity last = services.get(1).entityPath().get(services.get(1).entityPath().size() - 1);
        assertEquals("Initialization", last.name());
        assertFalse(last.remote());
        assertEquals("Runtime.ImportModuleError", last.exceptions().get(0).name());
        assertEquals("Unable to import module 'app': No module named 'aws_xray_sdk'", last.exceptions().get(0).message());
        assertEquals("Initialization", fault.responseTimeRootCauses().get(0).services().get(1).entityPath().get(1).name());
        assertTrue(fault.responseTimeRootCauses().get(0).services().get(1).entityPath().get(1).coverage() > 0.9);
    }
}
