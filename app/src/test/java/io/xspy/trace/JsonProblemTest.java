package io.xspy.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Problems are said in the words of the one who wrote the document, never in Jackson's. */
class JsonProblemTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"start_time\": NaN}       | NaN is not a valid number at column 16",
        "{\"start_time\": Infinity}  | Infinity is not a valid number at column 16",
        "{\"a\" 1}                   | unexpected character '1' (a colon after the field name was expected) at column 6",
        "{\"a\": 1 \"b\": 2}         | unexpected character '\"' (a comma or a closing bracket was expected) at column 9",
        "{\"a\": tru}                | unexpected text 'tru' at column 7",
        "{\"a\": [1}                 | unexpected '}' where ']' closes at column 9",
        "{\"a\": 1                   | ends before the JSON value is complete at column 8",
        "{\"a\": \"\\q\"}            | invalid escape \\q in a string at column 9",
        "{\"a\": 1} x                | unexpected text 'x' at column 10",
        "{\"a\": 1} {}               | more after the end of the JSON value at column 10",
    })
    void saysWhatIsWrongInTheUsersWords(String line, String expected) {
        ParseResult r = SegmentDocuments.parse(line, "f.ndjson");
        assertEquals(List.of("f.ndjson: line 1: not valid JSON: " + expected),
                r.diagnostics().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void nestingTooDeepIsSaidPlainly() {
        String deep = "{\"a\":" + "[".repeat(1001) + "]".repeat(1001) + "}";
        String d = SegmentDocuments.parse(deep, "deep.ndjson").diagnostics().get(0).toString();
        assertTrue(d.startsWith("deep.ndjson: line 1: not valid JSON: nesting deeper than 1000 levels"), d);
    }

    @Test
    void noDiagnosticNamesJacksonInternals() {
        for (String bad : List.of("{\"a\": NaN}", "{\"a\":" + "[".repeat(1001), "{\"a\": \"\u0001\"}", "\u0001", "{'a': 1}",
                "{\"a\": 01}", "{\"a\": -}", "[1, 2,]")) {
            for (Diagnostic d : SegmentDocuments.parse(bad, "x").diagnostics()) {
                String s = d.toString();
                assertFalse(s.contains("`") || s.contains("JsonReadFeature") || s.contains("StreamReadConstraints")
                        || s.contains("REDACTED") || s.contains("Source:") || s.contains("code "), s);
            }
        }
    }

    @Test
    void theReasonADocumentIsRejectedIsTheFatalDiagnosticNotTheFirstWarning() {
        ParseResult empty = SegmentDocuments.readDocument("{}", "PutTraceSegments[0]");
        assertEquals(List.of(), empty.segments());
        assertFalse(empty.diagnostics().get(0).fatal(), "missing id is only a warning: " + empty.diagnostics());
        assertEquals("missing required field trace_id; skipped", empty.rejection().orElseThrow().message());

        ParseResult notJson = SegmentDocuments.readDocument("{\"id\": NaN}", "PutTraceSegments[1]");
        assertEquals("not valid JSON: NaN is not a valid number at column 8", notJson.rejection().orElseThrow().message());

        ParseResult kept = SegmentDocuments.readDocument("{\"id\":\"a\",\"trace_id\":\"" + SegmentDocumentsTest.TRACE
                + "\",\"name\":7,\"start_time\":1478293361.1,\"end_time\":1478293361.2}", "PutTraceSegments[2]");
        assertEquals(1, kept.segments().size());
        assertTrue(kept.rejection().isEmpty());
        assertEquals(1, kept.warnings().size());
    }
}
