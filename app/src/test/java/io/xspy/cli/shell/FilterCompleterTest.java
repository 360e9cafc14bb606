package io.xspy.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.query.FilterParser;
import io.xspy.query.Keywords;
import java.util.List;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.Test;

class FilterCompleterTest {
    private final FilterCompleter completer = new FilterCompleter(() -> List.of("xraystarter-py", "xraystarter-go", "a\"b"));

    private List<String> values(String typed) {
        return completer.complete(typed).stream().map(Candidate::value).toList();
    }

    @Test
    void insideServiceParenthesesItOffersTheGraphsNamesClosedWithTheParenthesis() {
        assertEquals(List.of("service(\"xraystarter-py\")", "service(\"xraystarter-go\")", "service(\"a\\\"b\")"),
                values("service(\"xr"));
        assertEquals("fault AND service(\"xraystarter-go\")", values("fault AND service(\"xr").get(1));
        // edge("a", "b"): the first name goes on to the comma, the second closes the call
        assertEquals("edge(\"xraystarter-py\"", values("edge(\"").get(0));
        assertEquals("edge(\"a\", \"xraystarter-py\")", values("edge(\"a\", \"").get(0));
        assertEquals("id(name: \"xraystarter-py\"", values("id(name: \"").get(0));
        assertEquals("name CONTAINS \"xraystarter-py\"", values("name CONTAINS \"").get(0));
        // a string that names no service: nothing to offer
        assertEquals(List.of(), values("http.url CONTAINS \"x"));
    }

    @Test
    void everyOfferedNameParses() {
        for (String v : values("service(\"")) FilterParser.check(v);
        for (String v : values("edge(\"a\", \"")) FilterParser.check(v);
    }

    @Test
    void afterAKeywordItOffersTheOperatorsThatKeywordTakes() {
        List<String> number = completer.complete("responsetime").stream().filter(c -> "operators".equals(c.group()))
                .map(Candidate::displ).toList();
        assertEquals(List.of("=", "!=", "<", "<=", ">", ">="), number);
        assertEquals(List.of("http.url = ", "http.url != ", "http.url CONTAINS ", "http.url BEGINSWITH ", "http.url ENDSWITH ",
                "http.url AND ", "http.url OR "), values("http.url "));
    }

    @Test
    void elsewhereItOffersKeywordsCallsAndConnectivesFromTheOneTable() {
        List<String> start = values("");
        assertTrue(start.containsAll(Keywords.operatorsByKeyword().keySet()), start.toString());
        assertTrue(start.containsAll(Keywords.openings()), start.toString());
        assertTrue(start.stream().noneMatch(v -> v.startsWith("AND")), "no AND before a term");
        assertTrue(start.contains("NOT "), "NOT opens one");
        List<String> after = values("fault ");
        assertTrue(after.contains("fault AND ") && after.contains("fault OR "), after.toString());
        assertTrue(values("service(\"a\") { fa").contains("service(\"a\") { fault"), "keywords inside braces too");
    }

    @Test
    void anOpenStringIsFoundPastEscapedQuotes() {
        assertEquals(-1, FilterCompleter.openString("name = \"a\\\"b\""));
        assertEquals(7, FilterCompleter.openString("name = \"a\\\"b"));
    }
}
