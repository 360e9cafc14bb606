package io.xspy.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.trace.Trace;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterSyntaxTest {

    private static FilterSyntaxException error(String expression) {
        return assertThrows(FilterSyntaxException.class, () -> FilterParser.parse(expression));
    }

    @Test
    void names_what_was_expected_and_what_was_found() {
        FilterSyntaxException e = error("responsetime fault");
        assertEquals(14, e.column());
        assertEquals("expected a comparison operator after \"responsetime\" but found \"fault\" (column 14)", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "responsetime > | 15 | expected a number after \">\" but found end of expression",
            "responsetime > \"5\" | 16 | expected a number after \">\" but found the string \"5\"",
            "duration >= 5 AND | 18 | expected a filter term",
            "ok OR | 6 | but found end of expression",
            "(ok | 4 | expected \")\" to close the \"(\" at column 1 but found end of expression",
            "ok) | 3 | unbalanced \")\"",
            "ok } | 4 | unbalanced \"}\"",
            "http.url CONTAINS api | 19 | expected a string in double quotes after \"CONTAINS\" but found \"api\" (values must be in double quotes)",
            "http.url < \"a\" | 10 | \"http.url\" is a string keyword",
            "fault > 1 | 7 | \"fault\" is a boolean keyword",
            "fault = maybe | 9 | expected true or false after \"=\" but found \"maybe\"",
            "user = \"unclosed | 8 | never closed",
            "user = \"bad \\q escape\" | 13 | unknown escape \\q",
            "user = \"\\u12\" | 9 | four hex digits",
            "ok @ | 4 | unexpected character '@'",
            "ok \uD83D\uDE00 | 4 | unexpected character '\uD83D\uDE00'",
            "ok \uDB40\uDC01 | 4 | unexpected character U+E0001",
            "ok == true | 5 | expected true or false after \"=\" but found \"=\"",
            "colour = \"red\" | 1 | unknown keyword \"colour\"",
            "root | 1 | \"root\" applies to a node",
            "service(\"a\") { root } AND root | 27 | \"root\" applies to a node",
            "service(\"a\" | 12 | expected \")\" to close \"service(\" but found end of expression",
            "service(a) | 9 | expected a service name in double quotes or id(...) after \"(\" but found \"a\"",
            "service(\"a\") { } | 16 | expected a filter expression inside { } but found \"}\"",
            "service(\"a\") { fault | 21 | expected \"}\" to close the \"{\" at column 14 but found end of expression",
            "service(\"a\") { service(\"b\") } | 16 | service() cannot be used inside service() or edge() braces",
            "service(\"a\") { annotation.x } | 16 | annotation.x cannot be used inside service() or edge() braces",
            "edge(\"a\") | 9 | expected \",\" and the second service of the edge but found \")\"",
            "edge(\"a\", ) | 11 | expected a service name in double quotes or id(...) after \",\"",
            "service(id(name \"a\")) | 17 | expected \":\" after \"name\" but found the string \"a\"",
            "service(id(colour: \"a\")) | 12 | expected name:, type: or account.id: in id() but found \"colour\"",
            "service(id(name: \"a\", name: \"b\")) | 23 | \"name\" is given twice in id()",
            "service(id(name: a)) | 18 | expected a string in double quotes after \"name:\" but found \"a\"",
            "id() | 4 | expected name:, type: or account.id: in id() but found \")\"",
            "annotation | 11 | expected annotation.KEY or annotation[KEY]",
            "annotation. = 1 | 12 | expected an annotation key after \"annotation.\"",
            "annotation[age = 1 | 16 | expected \"]\" to close the \"[\" at column 11 but found \"=\"",
            "annotation.age > \"x\" | 18 | expected a number after \">\"",
            "annotation.age = maybe | 18 | expected a string in double quotes, a number, true or false after \"=\"",
            "group.name = \"high\" | 1 | groups exist only in AWS X-Ray",
            "json = 1 | 8 | expected a JSON value written #[ ... ] or #{ ... }",
            "coverage > 0.7 | 1 | only applies inside rootcause.* braces",
            "ok AND last | 8 | only applies inside rootcause.* braces",
            "ok CONTAINS \"x\" | 4 | expected a filter term",
            "AND ok | 1 | expected a filter term",
            "responsetime > 5 ) | 18 | unbalanced \")\"",
            "duration > 12abc | 12 | a number cannot run into a word",
            "http.status = 200 \"x\" | 19 | expected AND, OR or the end of the expression but found the string \"x\"",
    })
    void errors_carry_a_message_and_column(String expression, int column, String message) {
        FilterSyntaxException e = error(expression);
        assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
        assertEquals(column, e.column(), () -> "message was: " + e.getMessage());
    }

    @Test
    void unknown_keyword_lists_the_keywords() {
        String m = error("latency > 1").getMessage();
        assertTrue(m.contains("responsetime") && m.contains("http.url") && m.contains("annotation.KEY"), m);
    }

    @Test
    void deep_nesting_is_an_error_not_a_stack_overflow() {
        FilterSyntaxException e = error("(".repeat(100_000) + "ok" + ")".repeat(100_000));
        assertTrue(e.getMessage().contains("nests deeper"), e.getMessage());
        assertTrue(error("!".repeat(100_000) + "ok").getMessage().contains("nests deeper"));
        assertTrue(error("NOT ".repeat(100_000) + "ok").getMessage().contains("nests deeper"));
    }

    @Test
    void long_flat_expressions_parse() {
        String expr = String.join(" OR ", java.util.Collections.nCopies(20_000, "responsetime > 1"));
        FilterParser.parse(expr);
    }

    /** Traces for the X-Ray documentation's examples: each example selects some and not others. */
    private static final Map<String, Trace> DOC_TRACES = new LinkedHashMap<>();

    static {
        DOC_TRACES.put("web", Fixtures.web());
        DOC_TRACES.put("okWeb", Fixtures.okWeb());
        DOC_TRACES.put("lambdaTs", Fixtures.lambda("xraystarter-ts", 1, 0.05, false));
        DOC_TRACES.put("lambdaPyFault", Fixtures.lambda("xraystarter-py", 2, 0.3, true));
        DOC_TRACES.put("inProgress", Fixtures.inProgress());
        // data-plane is the root and faults
        DOC_TRACES.put("dataPlaneRootFault", Fixtures.trace("""
                [{"id":"a100000000000001","trace_id":"1-5f84c7a9-000000000000000000000101","name":"data-plane",
                  "origin":"AWS::EC2::Instance","start_time":1000.0,"end_time":1000.8,"fault":true,
                  "http":{"request":{"method":"PUT","url":"http://data-plane.internal/blocks/9"},"response":{"status":500}}}]
                """));
        // data-plane faults too, but control-plane is the root
        DOC_TRACES.put("dataPlaneCalled", Fixtures.trace("""
                [{"id":"a200000000000001","trace_id":"1-5f84c7a9-000000000000000000000102","name":"control-plane",
                  "origin":"AWS::EC2::Instance","start_time":1000.0,"end_time":1000.6,
                  "http":{"request":{"method":"POST","url":"http://control-plane.internal/volumes"},"response":{"status":502}},
                  "subsegments":[{"id":"a200000000000002","name":"data-plane","namespace":"remote",
                    "start_time":1000.1,"end_time":1000.5,"fault":true,"http":{"response":{"status":500}}}]},
                 {"id":"a200000000000003","trace_id":"1-5f84c7a9-000000000000000000000102","parent_id":"a200000000000002",
                  "name":"data-plane","origin":"AWS::EC2::Instance","start_time":1000.15,"end_time":1000.45,"fault":true,
                  "http":{"response":{"status":500}}}]
                """));
        // a /v2/ URL of api.example.com served by another service, slowly
        DOC_TRACES.put("gatewayV2Slow", Fixtures.trace("""
                [{"id":"a300000000000001","trace_id":"1-5f84c7a9-000000000000000000000103","name":"gateway",
                  "origin":"AWS::EC2::Instance","start_time":1000.0,"end_time":1002.5,
                  "http":{"request":{"method":"GET","url":"http://api.example.com/v2/users"},"response":{"status":200}}}]
                """));
        // service-one calls service-two, which answers 404
        DOC_TRACES.put("edgeOneTwo", Fixtures.trace("""
                [{"id":"a400000000000001","trace_id":"1-5f84c7a9-000000000000000000000104","name":"service-one",
                  "origin":"service::type","start_time":1000.0,"end_time":1000.4,
                  "http":{"request":{"method":"GET","url":"http://one.internal/"},"response":{"status":404}},
                  "subsegments":[{"id":"a400000000000002","name":"service-two","namespace":"remote",
                    "start_time":1000.1,"end_time":1000.3,"error":true,"http":{"response":{"status":404}}}]},
                 {"id":"a400000000000003","trace_id":"1-5f84c7a9-000000000000000000000104","parent_id":"a400000000000002",
                  "name":"service-two","origin":"service::type","start_time":1000.12,"end_time":1000.28,"error":true,
                  "http":{"response":{"status":404}}}]
                """));
        // a Lambda function whose invocation ends in an error (4xx), not a fault
        DOC_TRACES.put("lambdaError", Fixtures.trace("""
                [{"id":"a500000000000001","trace_id":"1-5f84c7a9-000000000000000000000105","name":"orders",
                  "origin":"AWS::Lambda","start_time":1000.0,"end_time":1000.3,"http":{"response":{"status":200}}},
                 {"id":"a500000000000002","trace_id":"1-5f84c7a9-000000000000000000000105","parent_id":"a500000000000001",
                  "name":"orders","origin":"AWS::Lambda::Function","start_time":1000.01,"end_time":1000.29,
                  "subsegments":[{"id":"a500000000000003","name":"Invocation","start_time":1000.01,"end_time":1000.28,
                    "error":true,"cause":{"exceptions":[{"id":"e1","message":"ValidationError: key missing"}]}}]}]
                """));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "service(\"data-plane\") {root = true and fault = true} | dataPlaneRootFault",
            "http.url BEGINSWITH \"http://api.example.com/\" AND http.url CONTAINS \"/v2/\" AND !service(\"api.example.com\")"
                    + " | gatewayV2Slow",
            "http.url AND responseTime > 2 | gatewayV2Slow",
            "ok !partial duration <3 | okWeb lambdaTs gatewayV2Slow",
            "edge(id(name: \"service-one\", type:\"service::type\"), id(name: \"service-two\", type:\"service::type\")) { error }"
                    + " | edgeOneTwo",
            "service(id(type: \"AWS::Lambda::Function\")) { error } | lambdaError",
            "annotation.gameid = \"817DL6VO\" | web",
            "!annotation.age | okWeb lambdaTs lambdaPyFault inProgress dataPlaneRootFault dataPlaneCalled gatewayV2Slow edgeOneTwo"
                    + " lambdaError",
            "user CONTAINS \"\" | web",
            // a trace without an HTTP status is not 200 either
            "http.status != 200 | lambdaPyFault inProgress dataPlaneRootFault dataPlaneCalled edgeOneTwo",
            "responsetime > -1 AND duration < 1e3 AND duration > .5 | web lambdaPyFault dataPlaneRootFault dataPlaneCalled"
                    + " gatewayV2Slow",
    })
    void examples_from_the_x_ray_documentation_select_what_they_say(String expression, String expected) {
        assertEquals(expected, Fixtures.matching(DOC_TRACES, expression));
    }
}
