package io.xspy.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.trace.Trace;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterEvaluationTest {

    private static final Map<String, Trace> TRACES = new LinkedHashMap<>();

    static {
        TRACES.put("okWeb", Fixtures.okWeb());
        TRACES.put("web", Fixtures.web());
        TRACES.put("lambdaTs", Fixtures.lambda("xraystarter-ts", 1, 0.05, false));
        TRACES.put("lambdaPyFault", Fixtures.lambda("xraystarter-py", 2, 0.3, true));
        TRACES.put("inProgress", Fixtures.inProgress());
        TRACES.put("inferred", Fixtures.inferred());
    }

    /** The names of the fixture traces the expression matches, in fixture order. */
    private static String matching(String expression) {
        return Fixtures.matching(TRACES, expression);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            // boolean keywords on the trace's flags
            "ok | okWeb lambdaTs inProgress inferred",
            "!ok | web lambdaPyFault",
            "ok = false | web lambdaPyFault",
            "ok != true | web lambdaPyFault",
            "error | web",
            "throttle | web",
            "fault | lambdaPyFault",
            "fault = true | lambdaPyFault",
            "partial | inProgress",
            "!partial AND ok | okWeb lambdaTs inferred",
            "inferred | web lambdaTs lambdaPyFault inferred",
            // numbers
            "responsetime > 1 | web",
            "responseTime >= 0.25 AND responsetime <= 0.25 | okWeb",
            "responsetime = 0.25 | okWeb",
            "responsetime != 0.25 | web lambdaTs lambdaPyFault inProgress inferred",
            "duration < 0.3 | okWeb lambdaTs inProgress",
            "duration >= 1.5 AND duration <= 1.5 | web",
            "http.status = 200 | okWeb web lambdaTs",
            "http.status >= 500 | lambdaPyFault",
            "http.status != 200 | lambdaPyFault inProgress inferred",
            // strings
            "http.url CONTAINS \"/v2/\" | web",
            "http.url BEGINSWITH \"https://shop.\" | okWeb",
            "http.url ENDSWITH \"id=7\" | web",
            "http.url | okWeb web",
            "http.method = \"POST\" | okWeb",
            "http.method != \"POST\" | web lambdaTs lambdaPyFault inProgress inferred",
            "http.useragent beginswith \"curl/\" | web",
            "http.clientip = \"10.0.0.9\" | web",
            "user = \"alice\" | web",
            "user = \"svc-backend\" | web",
            "user CONTAINS \"\" | web",
            "user != \"alice\" | okWeb lambdaTs lambdaPyFault inProgress inferred",
            "name = \"games\" | web",
            "type = \"AWS::SQS::Queue\" | inferred",
            "type = \"AWS::Lambda::Function\" | lambdaTs lambdaPyFault",
            "message CONTAINS \"AccessDenied\" | lambdaPyFault",
            "availabilityzone = \"eu-central-1a\" | web",
            "instance.id = \"i-0abc\" | web",
            "resource.arn ENDSWITH \":function:xraystarter-py\" | lambdaPyFault",
            // annotations
            "annotation.gameid = \"817DL6VO\" | web",
            "annotation[gameid] = \"817DL6VO\" | web",
            "annotation[\"odd key\"] = \"x\" | web",
            "annotation.age | web",
            "!annotation.age | okWeb lambdaTs lambdaPyFault inProgress inferred",
            "annotation.age > 29 | web",
            "annotation.age <= 29 | NONE",
            "annotation.age = 31 | web",
            "annotation.age = \"31\" | NONE",
            "annotation.vip = true | web",
            "annotation.vip = false | NONE",
            "annotation.runtime = \"ts\" AND annotation.objects = 2 | lambdaTs lambdaPyFault",
            "annotation.key BEGINSWITH \"test-\" | lambdaTs lambdaPyFault",
            "annotation.gameid != \"817DL6VO\" | okWeb lambdaTs lambdaPyFault inProgress inferred",
            // boolean structure
            "ok AND responsetime > 0.2 OR fault | okWeb lambdaTs lambdaPyFault inferred",
            "ok AND (responsetime > 0.3 OR fault) | inferred",
            "NOT ok OR partial | web lambdaPyFault inProgress",
            "not (ok or partial) | web lambdaPyFault",
            "ok !partial duration < 0.3 | okWeb lambdaTs",
            "!!fault | lambdaPyFault",
            "NOT NOT NOT fault | okWeb web lambdaTs inProgress inferred",
    })
    void trace_level_keywords(String expression, String expected) {
        assertEquals(expected == null ? "" : expected, matching(expression));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "service(\"api.example.com\") | web",
            "service(\"backend.example.com\") | web",
            "service(\"games\") | web",
            "service(\"jobs\") | inferred",
            "service(\"https://sqs.eu-central-1.amazonaws.com/123456789012/jobs\") | inferred",
            "service(\"DynamoDB\") | inferred",
            "service(\"api.example.com\") { fault } | NONE",
            "service(\"api.example.com\") { ok } | web",
            "service(\"api.example.com\") { root } | web",
            "service(\"backend.example.com\") { root } | NONE",
            "service(\"backend.example.com\") { error } | web",
            "service(\"backend.example.com\") { http.status = 404 } | web",
            "service(\"games\") { throttle } | web",
            "service(\"games\") { inferred AND responsetime > 0.15 } | web",
            "service(\"backend.example.com\") { inferred } | NONE",
            "service(\"games\") { message CONTAINS \"throughput\" } | web",
            "service() { fault } | lambdaPyFault",
            "service() { throttle } | web",
            "service() { partial } | inProgress",
            "service() { user = \"svc-backend\" } | web",
            "service(id(type: \"AWS::SQS::Queue\")) { inferred } | inferred",
            "service(id(name: \"items\", type: \"AWS::DynamoDB::Table\")) | lambdaTs lambdaPyFault",
            "service(id(name: \"backend.example.com\", type: \"AWS::ECS::Container\")) { error } | web",
            "service(id(name: \"backend.example.com\", type: \"remote\")) { http.url ENDSWITH \"/scores\" } | web",
            "service(id(name: \"api.example.com\", account.id: \"123456789012\")) | web",
            "service(id(name: \"api.example.com\", account.id: \"000000000000\")) | NONE",
            "!service(\"api.example.com\") AND !service(\"jobs\") | okWeb lambdaTs lambdaPyFault inProgress",
            "http.url BEGINSWITH \"http://api.example.com/\" AND http.url CONTAINS \"/v2/\" AND !service(\"games\") | NONE",
            "id(name: \"games\") | web",
            "id(type: \"AWS::Lambda\") | lambdaTs lambdaPyFault",
            "service() { id(type: \"AWS::Lambda::Function\") AND fault } | lambdaPyFault",
            // edges: caller is the nearest enclosing segment of the call
            "edge(\"api.example.com\", \"backend.example.com\") | web",
            "edge(\"api.example.com\", \"backend.example.com\") { error } | web",
            "edge(\"api.example.com\", \"backend.example.com\") { fault } | NONE",
            "edge(\"backend.example.com\", \"api.example.com\") | NONE",
            "edge(\"api.example.com\", \"games\") { responsetime > 0.1 AND throttle } | web",
            "edge(\"api.example.com\", \"games\") { responsetime > 0.3 } | NONE",
            "edge(\"worker\", \"jobs\") | inferred",
            "edge(id(name: \"worker\"), id(type: \"AWS::DynamoDB::Table\")) | inferred",
    })
    void service_edge_and_id(String expression, String expected) {
        assertEquals(expected == null ? "" : expected, matching(expression));
    }

    @Test
    void blank_expression_matches_everything() {
        assertTrue(FilterParser.parse("") == Filter.ALL);
        assertTrue(FilterParser.parse("  \t ") == Filter.ALL);
        assertTrue(FilterParser.parse(null) == Filter.ALL);
    }

    @Test
    void keywords_and_operators_ignore_case() {
        assertEquals(matching("fault or throttle"), matching("FAULT OR Throttle"));
        assertEquals("web", matching("HTTP.URL contains \"/v2/\" and Service(\"games\") { THROTTLE = TRUE }"));
    }

    @Test
    void string_values_and_names_are_case_sensitive() {
        assertEquals("", matching("http.method = \"get\""));
        assertEquals("", matching("service(\"API.example.com\")"));
    }

    @Test
    void escapes_in_strings() {
        Trace t = Fixtures.trace("""
                [{"id":"f000000000000001","trace_id":"1-5f84c7a9-000000000000000000000009","name":"q",
                  "start_time":1.0,"end_time":2.0,"user":"say \\"hi\\"\\\\now\\u00e9"}]
                """);
        assertTrue(FilterParser.parse("user = \"say \\\"hi\\\"\\\\now\\u00e9\"").matches(t));
        assertTrue(FilterParser.parse("user ENDSWITH \"nowé\"").matches(t));
    }

    @Test
    void filter_prints_as_its_expression() {
        assertEquals("responsetime > 5", FilterParser.parse("  responsetime > 5 ").toString());
    }

    @Test
    void deep_trees_are_walked_to_the_bottom() {
        int depth = 300;
        StringBuilder json = new StringBuilder("[{\"id\":\"9000000000000000\",\"trace_id\":\"1-5f84c7a9-000000000000000000000010\","
                + "\"name\":\"deep\",\"start_time\":1.0,\"end_time\":2.0,\"subsegments\":[");
        for (int i = 1; i < depth; i++) {
            String name = i == depth - 1 ? "DynamoDB" : "level " + i;
            json.append(String.format("{\"id\":\"9%015x\",\"name\":\"%s\",\"start_time\":1.0,\"end_time\":2.0,", i, name));
            if (i == depth - 1) {
                json.append("\"annotations\":{\"bottom\":true},\"namespace\":\"aws\",\"aws\":{\"table_name\":\"t\"},");
            }
            json.append("\"subsegments\":[");
        }
        json.append("]}".repeat(depth)).append("]");
        Trace deep = Fixtures.trace(json.toString());
        assertTrue(FilterParser.parse("annotation.bottom = true").matches(deep));
        assertTrue(FilterParser.parse("edge(\"deep\", \"t\")").matches(deep));
        assertFalse(FilterParser.parse("annotation.bottom = false").matches(deep));
    }
}
