package io.xspy.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RootCausesTest {

    /** The path of a root cause as text: "Name (Type): entity, entity! | ..." with "!" on entities with exceptions. */
    static String path(RootCause cause) {
        return cause.services().stream().map(s -> s.id().name() + " (" + s.id().type() + (s.inferred() ? ", inferred" : "")
                + "): " + s.entityPath().stream().map(e -> e.name() + (e.remote() ? "@" : "")
                        + (e.exceptions().isEmpty() ? "" : "!") + (e.coverage() == null ? "" : " " + e.coverage()))
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining(" | "));
    }

    /** A Lambda function whose handler's PutItem on table items is throttled; the handler catches it. */
    static final String THROTTLE = """
            [{"id":"a100000000000001","trace_id":"1-6b08560a-00000000000000000000aaaa","name":"xraystarter-ts",
              "origin":"AWS::Lambda::Function","start_time":100.0,"end_time":100.5,
              "aws":{"account_id":"123456789012"},
              "subsegments":[
                {"id":"a100000000000002","name":"Invocation","start_time":100.01,"end_time":100.49,
                 "subsegments":[
                   {"id":"a100000000000003","name":"DynamoDB","namespace":"aws","start_time":100.1,"end_time":100.3,
                    "error":true,"throttle":true,"http":{"response":{"status":400}},
                    "aws":{"operation":"PutItem","table_name":"items"},
                    "cause":{"exceptions":[{"id":"e100000000000001","type":"ProvisionedThroughputExceededException",
                      "message":"The level of configured provisioned throughput for the table was exceeded."}]}}]},
                {"id":"a100000000000004","name":"Overhead","start_time":100.49,"end_time":100.5}]}]
            """;

    @Test
    void the_demo_python_import_error_is_the_fault_root_cause_in_the_function_segment() {
        RootCauses causes = RootCauses.of(TestTraces.fixture("python-fault.json"));
        assertEquals(1, causes.fault().size());
        RootCause fault = causes.fault().get(0);
        assertEquals("xraystarter-py (AWS::Lambda): xraystarter-py, Attempt #1"
                + " | xraystarter-py (AWS::Lambda::Function): xraystarter-py, Initialization!", path(fault));
        assertEquals(List.of(new RootCause.Problem("Runtime.ImportModuleError",
                "Unable to import module 'app': No module named 'aws_xray_sdk'")), fault.entity().exceptions());
        assertEquals("123456789012", fault.services().get(1).id().accountId());
        assertTrue(fault.clientImpacting(), "the entry point faulted");
        assertEquals(List.of(), causes.error());
    }

    @Test
    void a_dynamodb_throttle_is_an_error_root_cause_ending_in_the_inferred_table() {
        Trace trace = TestTraces.traces(THROTTLE, "throttle").get(0);
        RootCauses causes = RootCauses.of(trace);
        assertEquals(List.of(), causes.fault());
        assertEquals(1, causes.error().size());
        RootCause error = causes.error().get(0);
        assertEquals("xraystarter-ts (AWS::Lambda::Function): xraystarter-ts, Invocation, DynamoDB@!"
                + " | items (AWS::DynamoDB::Table, inferred): items", path(error));
        RootCause.Entity call = error.services().get(0).entityPath().get(2);
        assertEquals("ProvisionedThroughputExceededException", call.exceptions().get(0).name());
        assertFalse(error.clientImpacting(), "the handler caught it: the function answered");
    }

    @Test
    void the_response_time_root_cause_follows_the_longest_child_with_coverage() {
        Trace trace = TestTraces.traces(THROTTLE, "throttle").get(0);
        List<RootCause> slow = RootCauses.of(trace).responseTime();
        assertEquals(1, slow.size());
        assertEquals("xraystarter-ts (AWS::Lambda::Function): xraystarter-ts 1.0, Invocation 0.96, DynamoDB@! 0.4"
                + " | items (AWS::DynamoDB::Table, inferred): items 0.4", path(slow.get(0)));
        assertTrue(slow.get(0).clientImpacting());
    }

    @Test
    void a_fault_passed_on_from_below_is_not_a_root_cause_but_each_deepest_fault_is() {
        Trace trace = TestTraces.traces("""
                [{"id":"b100000000000001","trace_id":"1-6b08560a-00000000000000000000bbbb","name":"api",
                  "origin":"AWS::EC2::Instance","start_time":1.0,"end_time":2.0,"fault":true,
                  "subsegments":[
                    {"id":"b100000000000002","name":"orders","namespace":"remote","start_time":1.1,"end_time":1.5,
                     "fault":true,"http":{"request":{"url":"http://orders.internal/o"},"response":{"status":503}}},
                    {"id":"b100000000000003","name":"render","start_time":1.5,"end_time":1.9,"fault":true,
                     "cause":{"exceptions":[{"id":"e2","type":"NullPointerException"}]}}]},
                 {"id":"b200000000000001","trace_id":"1-6b08560a-00000000000000000000bbbb","parent_id":"b100000000000002",
                  "name":"orders","origin":"AWS::ECS::Container","start_time":1.15,"end_time":1.45,
                  "http":{"response":{"status":503}}}]
                """, "two faults").get(0);
        List<RootCause> faults = RootCauses.of(trace).fault();
        assertEquals(List.of("api (AWS::EC2::Instance): api, orders@ | orders (AWS::ECS::Container): orders",
                "api (AWS::EC2::Instance): api, render!"), faults.stream().map(RootCausesTest::path).toList());
        assertTrue(faults.get(0).clientImpacting());
    }

    @Test
    void a_healthy_trace_has_no_fault_or_error_root_cause() {
        Trace trace = TestTraces.traces("""
                [{"id":"c100000000000001","trace_id":"1-6b08560a-00000000000000000000cccc","name":"ok",
                  "start_time":1.0,"end_time":1.2,"http":{"response":{"status":200}}}]
                """, "ok").get(0);
        RootCauses causes = RootCauses.of(trace);
        assertEquals(List.of(), causes.fault());
        assertEquals(List.of(), causes.error());
        assertEquals("ok (client): ok 1.0", path(causes.responseTime().get(0)));
    }
}
