package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.timeline.Text;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A filter error shows the expression with a caret under the problem, and no raw control or bidi character. */
class FilterErrorEchoTest {

    private static void assertPrintable(String err) {
        err.codePoints().forEach(cp -> assertFalse(cp != '\n' && Text.isUnsafe(cp),
                () -> String.format("U+%04X reached stderr: %s", cp, err)));
    }

    /** The echoed expression line and the caret line of the error. */
    private static List<String> echo(String err) {
        List<String> lines = err.lines().toList();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("^")) return List.of(lines.get(i - 1), lines.get(i));
        }
        throw new AssertionError("no caret line in: " + err);
    }

    @Test
    void a_bidi_override_in_a_string_is_shown_as_a_placeholder_and_the_caret_stays_under_the_problem() {
        String expression = "user = \"\u202Eeman\" AND responsetime >";
        CliTest.Run r = CliTest.run("--demo", "traces", "--filter", expression);
        assertEquals(2, r.exit(), r.err());
        assertPrintable(r.err());
        List<String> echo = echo(r.err());
        assertTrue(echo.get(0).contains("user = \"" + Text.PLACEHOLDER + "eman\" AND responsetime >"), r.err());
        int caret = echo.get(1).indexOf('^');
        assertEquals(echo.get(0).indexOf("responsetime") + "responsetime >".length(), caret, r.err()); // just past ">"
    }

    @Test
    void an_unexpected_control_character_is_named_by_its_code_point() {
        CliTest.Run r = CliTest.run("--demo", "traces", "--filter", "ok \u202E fault");
        assertEquals(2, r.exit(), r.err());
        assertPrintable(r.err());
        assertTrue(r.err().contains("U+202E"), r.err());
        List<String> echo = echo(r.err());
        assertEquals(Text.PLACEHOLDER, String.valueOf(echo.get(0).charAt(echo.get(1).indexOf('^'))), r.err());
    }

    @Test
    void escape_sequences_and_wide_characters_before_the_problem_keep_the_caret_aligned() {
        String expression = "user = \"\u001B[31m\u7530\u4E2D\" AND fault > 1";
        CliTest.Run r = CliTest.run("--demo", "traces", "--filter", expression);
        assertEquals(2, r.exit(), r.err());
        assertPrintable(r.err());
        List<String> echo = echo(r.err());
        String shown = echo.get(0);
        int caretColumn = echo.get(1).indexOf('^');
        // the caret sits under ">" counting display columns (each CJK character takes two)
        int gt = shown.indexOf('>');
        assertEquals(Text.width(shown.substring(0, gt)), caretColumn, r.err());
    }

    @Test
    void a_group_filter_on_an_embedded_source_says_groups_exist_only_in_aws() {
        CliTest.Run r = CliTest.run("--demo", "traces", "--filter", "fault AND group.name = \"slow\"");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("groups exist only in AWS X-Ray"), r.err());
        List<String> echo = echo(r.err());
        assertEquals("fault AND ".length(), echo.get(1).indexOf('^') - echo.get(0).indexOf("fault"), r.err());
    }

    @Test
    void export_reports_a_filter_error_as_traces_does_and_writes_nothing(@TempDir Path dir) {
        Path output = dir.resolve("out.ndjson");
        for (String expression : List.of("responsetime >", "fault AND group.name = \"slow\"")) {
            CliTest.Run r = CliTest.run("--demo", "export", "-o", output.toString(), "--filter", expression);
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().startsWith("xspy: --filter: "), r.err());
            echo(r.err());
            assertFalse(Files.exists(output), r.err());
        }
    }

    @Test
    void a_root_cause_filter_runs_on_the_demo() {
        CliTest.Run r = CliTest.run("--demo", "traces", "--filter",
                "rootcause.fault.exception { name = \"Runtime.ImportModuleError\" }", "--output", "json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"HasFault\" : true") || r.out().contains("\"HasFault\":true"), r.out());
        assertFalse(r.out().contains("\"HasFault\" : false") || r.out().contains("\"HasFault\":false"), r.out());
    }

    @Test
    void picocli_usage_errors_echo_the_argument_sanitized() {
        CliTest.Run r = CliTest.run("--demo", "--no-such-option-\u001B]0;owned\u0007\u202E");
        assertEquals(2, r.exit(), r.err());
        assertPrintable(r.err());
        assertTrue(r.err().contains("--no-such-option-"), r.err());
    }
}
