package io.xspy.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.trace.TestTraces;
import io.xspy.trace.Trace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** rootcause.* evaluated on fixture traces; group.* and rootcause.json read for X-Ray, refused for embedded sources. */
class RootCauseFilterTest {

    private static final Map<String, Trace> TRACES = new LinkedHashMap<>();

    static {
        TRACES.put("okWeb", Fixtures.okWeb());
        TRACES.put("web", Fixtures.web()); // backend answers 404, DynamoDB table games throttles
        TRACES.put("lambdaPyFault", Fixtures.lambda("xraystarter-py", 2, 0.3, true));
        TRACES.put("pyImport", TestTraces.fixture("python-fault.json")); // the demo's ImportModuleError
    }

    private static String matching(String expression) {
        return Fixtures.matching(TRACES, expression);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "rootcause.fault.service | lambdaPyFault pyImport",
            "!rootcause.fault.service | okWeb web",
            "rootcause.error.service | web",
            "rootcause.fault.service { name = \"xraystarter-py\" } | lambdaPyFault pyImport",
            "rootcause.fault.service { index = 1 and type = \"AWS::Lambda::Function\" } | lambdaPyFault pyImport",
            "rootcause.fault.service { first and type = \"AWS::Lambda::Function\" } | NONE",
            "rootcause.fault.entity { last and name = \"Initialization\" } | pyImport",
            "rootcause.fault.entity { message CONTAINS \"No module named\" } | pyImport",
            "rootcause.fault.exception { last and name = \"Runtime.ImportModuleError\" } | pyImport",
            "rootcause.fault.exception { message BEGINSWITH \"AccessDenied\" } | lambdaPyFault",
            "rootcause.error.service { inferred and type = \"AWS::DynamoDB::Table\" and name = \"games\" } | web",
            "rootcause.error.entity { remote and name = \"DynamoDB\" } | web",
            "rootcause.error.service { last and name = \"backend.example.com\" and !inferred } | web",
            "rootcause.error.exception { message CONTAINS \"throughput\" } | web",
            "rootcause.fault.entity { remote } | NONE",
            "rootcause.responsetime.entity { last and name = \"Initialization\" and coverage > 0.9 } | pyImport",
            "rootcause.responsetime.service { last and type = \"AWS::Lambda::Function\" } | pyImport",
            "rootcause.responsetime.entity { index >= 1 AND (name = \"Attempt #1\" OR name = \"Initialization\") } | lambdaPyFault pyImport",
            "rootcause.fault.service OR rootcause.error.service | web lambdaPyFault pyImport",
            "RootCause.Fault.Service { Name = \"xraystarter-py\" } | lambdaPyFault pyImport",
    })
    void selects(String expression, String expected) {
        assertEquals(expected == null ? "" : expected, matching(expression));
    }

    @Test
    void groups_exist_only_in_aws() {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class,
                () -> FilterParser.parse("ok AND group.name = \"high_response_time\""));
        assertEquals(8, e.column());
        assertTrue(e.getMessage().contains("groups exist only in AWS X-Ray"), e.getMessage());
    }

    @Test
    void json_root_cause_patterns_match_root_causes_member_by_member() {
        assertEquals("pyImport", matching("rootcause.json = #[{ \"Services\": ["
                + " { \"Name\": \"xraystarter-py\", \"EntityPath\": [{ \"Name\": \"xraystarter-py\" }, { \"Name\": \"Attempt #1\" }] },"
                + " { \"Name\": \"xraystarter-py\", \"EntityPath\": [{ \"Name\": \"xraystarter-py\" }, { \"Name\": \"Initialization\" }] } ] }]"));
        assertEquals("web", matching("json = #{ \"ClientImpacting\": false, \"Services\": [ { \"Name\": \"api.example.com\" },"
                + " { \"Name\": \"games\", \"Inferred\": true, \"Type\": \"AWS::DynamoDB::Table\" } ] }"));
        assertEquals("okWeb web lambdaPyFault", matching("rootcause.json != #[{ \"Services\": [ {}, { \"EntityPath\": [ {},"
                + " { \"Name\": \"Initialization\", \"Coverage\": 0.949 } ] } ] }]"));
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> FilterParser.parse("rootcause.json = #[1]"));
        assertEquals(18, e.column());
    }

    /** The X-Ray developer guide's examples that only X-Ray can evaluate pass the syntax check for AWS. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "rootcause.fault.entity { last and name = \"deserialize\" }",
            "rootcause.responsetime.entity { remote and coverage > 0.7 and name = \"traces\" }",
            "rootcause.fault.service { index > 5 }",
            "rootcause.responsetime.entity { last and coverage > 0.8 }",
            "rootcause.fault.service { name = \"Auth\" }",
            "rootcause.responsetime.service { last and type = \"AWS::DynamoDB\" }",
            "rootcause.fault.exception { last and message = \"Access Denied for account_id: 1234567890\" }",
            "group.name = \"high_response_time\" AND user = \"alice\"",
            "group.arn != \"arn:aws:xray:us-east-1:123456789012:group/slow/ABC\"",
            "rootcause.json = #[{ \"Services\": [ { \"Name\": \"GetWeatherData\", \"EntityPath\": [{ \"Name\": \"GetWeatherData\" },"
                    + " { \"Name\": \"get_temperature\" } ] }, { \"Name\": \"GetTemperature\", \"EntityPath\": [ { \"Name\":"
                    + " \"GetTemperature\" } ] } ] }]",
    })
    void xray_only_expressions_pass_the_syntax_check(String expression) {
        FilterParser.check(expression);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "rootcause.fault.servce | 17 | expected service, entity or exception after \"rootcause.fault.\" but found \"servce\"",
            "rootcause.fautl.service | 11 | expected fault, error or responsetime",
            "rootcause.fault | 1 | expected rootcause.fault, rootcause.error or rootcause.responsetime",
            "rootcause.responsetime.exception | 24 | response-time root causes list no exceptions",
            "rootcause.fault.service { http.url } | 27 | \"http.url\" cannot be used inside rootcause.fault.service { }",
            "rootcause.fault.entity { coverage > 0.5 } | 26 | applies only to response-time root causes",
            "rootcause.fault.service { name = Auth } | 34 | values must be in double quotes",
            "rootcause.fault.service { index > } | 35 | expected a number after \">\"",
            "rootcause.fault.service { last | 31 | expected \"}\" to close the \"{\" at column 25",
            "service(\"a\") { rootcause.fault.service } | 16 | cannot be used inside service() or edge() braces",
            "last | 1 | only applies inside rootcause.* braces",
            "group.name = slow | 14 | values must be in double quotes",
            "group.colour = \"x\" | 1 | expected group.name or group.arn",
            "rootcause.json = #[{\"Services\": }] | 33 | not valid JSON",
            "rootcause.json = #[{\"Services\": [] } | 18 | never closed",
            "rootcause.json = [] | 18 | expected a JSON value written #[ ... ] or #{ ... }",
            "rootcause.json = # | 18 | must be followed by [ or {",
            "responsetime > AND json = #[1] | 16 | expected a number after \">\"",
    })
    void mistakes_are_reported_at_their_column_by_the_syntax_check_too(String expression, int column, String message) {
        for (Runnable read : List.<Runnable>of(() -> FilterParser.check(expression), () -> FilterParser.parse(expression))) {
            FilterSyntaxException e = assertThrows(FilterSyntaxException.class, read::run);
            assertEquals(column, e.column(), e::getMessage);
            assertTrue(e.getMessage().contains(message), e::getMessage);
        }
    }
}
