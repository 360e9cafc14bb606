package io.xspy.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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
            "rootcause.fault.entity { last and name = \"deserialize\" } | 1 | not supported yet: rootcause.fault.entity",
            "group.name = \"high\" | 1 | not supported yet: group.name",
            "json = 1 | 1 | not supported yet: json",
            "coverage > 0.7 | 1 | not supported yet: \"coverage\" only applies inside rootcause.* filters",
            "ok AND last | 8 | not supported yet: \"last\"",
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

    @ParameterizedTest
    @ValueSource(strings = {
            "service(\"data-plane\") {root = true and fault = true}",
            "http.url BEGINSWITH \"http://api.example.com/\" AND http.url CONTAINS \"/v2/\" AND !service(\"api.example.com\")",
            "http.url AND responseTime > 2",
            "ok !partial duration <3",
            "edge(id(name: \"service-one\", type:\"service::type\"), id(name: \"service-two\", type:\"service::type\")) { error }",
            "service(id(type: \"AWS::Lambda::Function\")) { error }",
            "annotation.gameid = \"817DL6VO\"",
            "!annotation.age",
            "user CONTAINS \"\"",
            "http.status != 200",
            "responsetime > -1 AND duration < 1e3 AND duration > .5",
    })
    void examples_from_the_x_ray_documentation_parse(String expression) {
        FilterParser.parse(expression);
    }
}
