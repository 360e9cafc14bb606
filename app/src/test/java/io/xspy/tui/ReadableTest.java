package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.query.FilterParser;
import io.xspy.query.FilterSyntaxException;
import io.xspy.trace.LogLine;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nothing that matters is cut off: ids, names, long values, log lines, filter errors, depth. */
class ReadableTest {

    static final String ID = "1-6b085460-0123456789abcdef01234567";
    static final double T = Fixtures.T0 + 100;
    static final String ARN = "arn:aws:lambda:eu-central-1:123456789012:function:a-function-with-a-rather-long-name-TAILARN";
    static final String MESSAGE = "the item could not be written because the conditional check on attribute version failed"
            + " after three retries with exponential backoff TAILMSG";
    static final String LOG = "INFO a log line long enough to need more than one row of an eighty column pane, with its"
            + " end TAILLOG";
    static final int DEPTH = 14;

    /** One trace: a function segment with a long ARN and a long exception message, a chain 14 deep, logs. */
    static FakeSource source() {
        StringBuilder subs = new StringBuilder();
        for (int d = DEPTH; d >= 1; d--) {
            String inner = subs.toString();
            subs.setLength(0);
            subs.append(String.format(Locale.ROOT, "{\"id\":\"%016x\",\"name\":\"level-%d\",\"start_time\":%.3f,\"end_time\":%.3f%s}",
                    0x1000L + d, d, T + 0.001 * d, T + 0.2 - 0.001 * d, inner.isEmpty() ? "" : ",\"subsegments\":[" + inner + "]"));
        }
        String doc = String.format(Locale.ROOT, "{\"id\":\"00000000000000aa\",\"trace_id\":\"%s\",\"name\":\"checkout-function\","
                + "\"origin\":\"AWS::Lambda::Function\",\"start_time\":%.3f,\"end_time\":%.3f,\"fault\":true,"
                + "\"aws\":{\"function_arn\":\"%s\"},"
                + "\"cause\":{\"exceptions\":[{\"id\":\"00000000000000ee\",\"type\":\"ConditionalCheckFailedException\",\"message\":\"%s\"}]},"
                + "\"subsegments\":[%s]}", ID, T, T + 0.25, ARN, MESSAGE, subs);
        List<LogLine> logs = List.of(
                new LogLine(T + 0.01, "/aws/lambda/checkout-function", "s", "START RequestId: 1"),
                new LogLine(T + 0.02, "/aws/lambda/checkout-function", "s", LOG),
                new LogLine(T + 0.03, "/aws/lambda/checkout-function", "s", "Traceback:\n  line one\n  line two\n"),
                new LogLine(T + 0.04, "/aws/lambda/checkout-function", "s", "END RequestId: 1"));
        return new FakeSource(doc, Map.of(ID, logs), 10);
    }

    static Harness openTrace(int w, int h) {
        Harness ui = new Harness(source(), Harness.options(), w, h);
        ui.keys(":").type("trace " + ID);
        ui.keys("Enter");
        return ui;
    }

    @Test
    void theFullTraceIdIsReadableAt80Columns() {
        try (Harness ui = openTrace(80, 24)) {
            assertTrue(ui.screen().contains(ID), ui.screen());
        }
    }

    /** The column where the root's bar starts: one past the name column. */
    static int barStart(Harness ui) {
        String root = ui.screen().lines().filter(l -> l.startsWith("\u25BE ! check")).findFirst().orElseThrow();
        for (int i = 0; i < root.length(); i++) if ("\u2588\u2590\u2595".indexOf(root.charAt(i)) >= 0) return i;
        throw new AssertionError("no bar: " + root);
    }

    @Test
    void theNameColumnGrowsWithTheTerminalAndWithKeys() {
        int at80;
        try (Harness ui = openTrace(80, 24)) {
            at80 = barStart(ui);
            assertTrue(at80 > 30, "two fifths of 80: " + ui.screen());
            ui.keys(">", ">");
            assertEquals(at80 + 8, barStart(ui), "wider by key: " + ui.screen());
            ui.keys("<", "<", "<", "<", "<", "<", "<", "<", "<", "<");
            assertEquals(13, barStart(ui), "narrower by key, down to 12: " + ui.screen());
            ui.keys(">");
            assertEquals(17, barStart(ui), "and back: " + ui.screen());
        }
        try (Harness ui = openTrace(160, 48)) {
            assertTrue(barStart(ui) > at80, "a wide terminal has a wider name column: " + ui.screen());
            ui.keys("?");
            assertTrue(ui.screen().contains("wider name column"), ui.screen());
            assertTrue(ui.screen().lines().anyMatch(l -> l.strip().startsWith("> ")), ui.screen());
        }
    }

    @Test
    void aWidenedNameColumnSurvivesAResize() {
        try (Harness ui = openTrace(160, 48)) {
            ui.keys(">", ">", ">", ">", ">", ">", ">", ">");
            int widened = barStart(ui);
            ui.resize(80, 24); // too narrow for that width: shown narrower meanwhile
            assertTrue(barStart(ui) < widened, ui.screen());
            ui.resize(160, 48);
            assertEquals(widened, barStart(ui), "the width asked for is kept: " + ui.screen());
        }
    }

    @Test
    void theDetailPaneWrapsLongValues() {
        try (Harness ui = openTrace(80, 24)) {
            ui.keys("Tab");
            StringBuilder seen = new StringBuilder(ui.screen());
            for (int i = 0; i < 8; i++) seen.append(ui.keys("j").screen());
            assertTrue(seen.toString().contains("TAILARN"), seen.toString());
            assertTrue(seen.toString().contains("TAILMSG"), seen.toString());
        }
    }

    @Test
    void theLogPaneWrapsLongLinesAndCountsWhatTheHeaderCounts() {
        try (Harness ui = openTrace(80, 24)) {
            String screen = ui.screen();
            assertTrue(screen.contains("TAILLOG"), screen);
            assertTrue(screen.replaceAll(" +", " ").contains("+10.0ms checkout-function START"), "the function's name in full: " + screen);
            assertTrue(screen.contains("4 log lines"), "the header's count: " + screen);
            assertFalse(screen.contains("6 lines"), "one count, one meaning: " + screen);
        }
    }

    @Test
    void filterErrorsAreNeverCut() {
        for (int w : new int[] {80, 50}) {
            try (Harness ui = new Harness(source(), Harness.options(), w, 24)) {
                String filter = "service(\"checkout-function\") { responsetime > 1 } AND annotation.x = ";
                String message = assertThrows(FilterSyntaxException.class, () -> FilterParser.parse(filter.strip())).getMessage();
                assertTrue(message.length() > w, "a message longer than a line: " + message);
                ui.keys("/").type(filter);
                ui.keys("Enter");
                String flat = String.join(" ", ui.screen().lines().map(String::strip).toList()).replaceAll("\\s+", " ");
                assertTrue(flat.contains(message.replaceAll("\\s+", " ")), "the whole message at " + w + ":\n" + message + "\n" + ui.screen());
                List<String> lines = ui.screen().lines().toList();
                assertTrue(lines.get(lines.size() - 2).strip().equals("^"), "the caret alone above the prompt:\n" + ui.screen());
            }
        }
    }

    @Test
    void rowsTooDeepToIndentSayTheirDepth() {
        try (Harness ui = openTrace(80, 24)) {
            ui.keys("G");
            String screen = ui.screen();
            assertTrue(screen.contains("\u202614\u203A"), "depth as …14›: " + screen);
            assertFalse(screen.lines().anyMatch(l -> l.matches("\\s+1\\d \\S.*")), "no bare digit: " + screen);
        }
    }

    @Test
    void smallThings() {
        try (Harness ui = new Harness(source(), Harness.options().withWindow(java.time.Duration.ofSeconds(1888)), 100, 30)) {
            assertTrue(ui.screen().contains("last 31m "), ui.screen());
            ui.keys("?", "q");
            assertFalse(ui.tui.quitRequested(), "q closes help");
            assertFalse(ui.screen().contains("generated from the key map"), ui.screen());
            ui.keys("Enter");
            assertTrue(ui.screen().contains("1 trace,"), ui.screen());
            ui.keys("Enter");
            assertTrue(ui.screen().contains(DEPTH + 1 + " rows"), ui.screen());
            ui.keys("q");
            assertTrue(ui.tui.quitRequested());
        }
    }

    @Test
    void asciiOkAndFoldedLookDifferent() {
        TuiOptions ascii = new TuiOptions(TuiOptions.DEFAULT_WINDOW, "", true, false, false, null);
        try (Harness ui = new Harness(FakeSource.world(), ascii, 100, 30)) {
            String okMark = Symbols.status(io.xspy.trace.Status.OK, true);
            assertFalse(okMark.equals("+") || okMark.equals("-"), okMark);
            assertTrue(ui.screen().lines().anyMatch(l -> l.startsWith(okMark + " xraystarter")), ui.screen());
        }
        assertEquals("o", Symbols.status(io.xspy.trace.Status.OK, true));
    }
}
