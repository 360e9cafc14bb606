package io.xspy.query;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What xspy shell completes from Keywords is what the parser reads: every word, in a term of its own. */
class KeywordsVocabularyTest {
    @Test
    void everyKeywordReadsWithEveryOperatorItIsOffered() {
        for (Map.Entry<String, List<String>> e : Keywords.operatorsByKeyword().entrySet()) {
            for (String op : e.getValue()) {
                String value = e.getValue().contains("CONTAINS") ? "\"x\"" : e.getValue().contains("<") ? "1" : "true";
                String where = e.getKey().equals("root") ? "service(\"a\") { root " + op + " true }" : e.getKey() + " " + op + " " + value;
                assertDoesNotThrow(() -> FilterParser.check(where), where);
            }
        }
        assertTrue(Keywords.operatorsByKeyword().containsKey("responsetime"));
    }

    @Test
    void everyOpeningStartsATermThatReads() {
        for (String opening : Keywords.openings()) {
            String term = switch (opening) {
                case "service(" -> "service(\"a\")";
                case "edge(" -> "edge(\"a\", \"b\")";
                case "id(" -> "id(name: \"a\")";
                case "annotation." -> "annotation.k = \"v\"";
                case "rootcause.json" -> "rootcause.json = #[{}]";
                default -> opening;
            };
            assertTrue(term.startsWith(opening), term);
            assertDoesNotThrow(() -> FilterParser.check(term), term);
        }
        for (String c : Keywords.CONNECTIVES) {
            String term = c.equals("NOT") ? "NOT fault" : "fault " + c + " error";
            assertDoesNotThrow(() -> FilterParser.check(term), term);
        }
    }
}
