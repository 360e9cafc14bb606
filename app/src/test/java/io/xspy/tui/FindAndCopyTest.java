package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.timeline.Canvas;
import io.xspy.timeline.Style;
import io.xspy.trace.LogLine;
import io.xspy.trace.Segment;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 12 §3: / n N search the trace, y copies with OSC 52, a trace opened from a service lands on it, L narrows the logs. */
class FindAndCopyTest {

    private static final String FAULTY = Fixtures.traceId(1); // xraystarter-py, KeyError 'Records'

    private static Harness openTrace(Harness ui, String id) {
        return ui.keys(":").type("trace " + id).keys("Enter");
    }

    private static TraceScreen trace(Harness ui) {
        return (TraceScreen) ui.tui.app().top();
    }

    private static String selectedName(Harness ui) {
        return trace(ui).state.current().segment().name();
    }

    @Test
    void slashSearchesNamesAnnotationsAndErrorTextOpensFoldsAndNCycles() {
        try (Harness ui = openTrace(new Harness(FakeSource.world(), Harness.options(), 80, 24), FAULTY)) {
            ui.keys("-");
            assertEquals(1, trace(ui).state.rows.size(), "folded to the root: " + ui.screen());

            ui.keys("/").type("keyerror").keys("Enter");
            assertEquals("handler", selectedName(ui), "the error text's node: " + ui.screen());
            assertTrue(trace(ui).state.rows.size() > 1, "its folded ancestors opened");
            assertTrue(ui.screen().contains("match 1 of 1 for \"keyerror\""), ui.screen());
            ui.assertGolden("find-80x24-1-search");

            ui.keys("g", "/", "Ctrl-U").type("xraystarter").keys("Enter");
            assertTrue(ui.screen().contains("match 1 of 2 for \"xraystarter\""), ui.screen());
            assertEquals("AWS::Lambda", trace(ui).state.current().segment().origin());
            assertEquals(Style.ACCENT, nameStyle(ui.canvas(), "xraystarter-py (Function)"), "the other match is highlighted");
            ui.keys("n");
            assertTrue(ui.screen().contains("match 2 of 2"), ui.screen());
            assertEquals("AWS::Lambda::Function", trace(ui).state.current().segment().origin());
            ui.keys("n");
            assertTrue(ui.screen().contains("match 1 of 2"), "n wraps round: " + ui.screen());
            ui.keys("N");
            assertTrue(ui.screen().contains("match 2 of 2"), ui.screen());

            ui.keys("/", "Ctrl-U").type("upload-1.txt").keys("Enter");
            assertEquals("handler", selectedName(ui), "an annotation's value: " + ui.screen());
            ui.keys("/", "Ctrl-U").type("nothing-like-it").keys("Enter");
            assertTrue(ui.screen().contains("no node matches \"nothing-like-it\""), ui.screen());
        }
    }

    @Test
    void theServicesAndTracesScreensKeepSlashForTheFilter() {
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), 80, 24)) {
            ui.keys("/");
            assertTrue(ui.screen().contains("filter>"), ui.screen());
            ui.keys("Enter", "/");
            assertTrue(ui.screen().contains("filter>"), ui.screen());
        }
    }

    /** The style of the first cell of the row whose text contains {@code name}. */
    private static Style nameStyle(Canvas c, String name) {
        List<String> rows = c.toText().lines().toList();
        for (int y = 0; y < rows.size(); y++) {
            int x = rows.get(y).indexOf(name);
            if (x >= 0) return c.cell(x, y).style();
        }
        throw new AssertionError(name + " not on the screen:\n" + c.toText());
    }

    @Test
    void yCopiesTheTraceIdAndTheRawJsonWithOsc52() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Osc52 clipboard = new Osc52(out, () -> {}, false);
        try (Harness ui = openTrace(new Harness(FakeSource.world(), Harness.options(), 80, 24, Runnable::run, clipboard), FAULTY)) {
            ui.keys("y");
            assertEquals("\u001b]52;c;" + base64(FAULTY) + "\u0007", out.toString(StandardCharsets.US_ASCII));
            assertTrue(ui.screen().contains("copied trace id " + FAULTY + " to the clipboard"), ui.screen());
            ui.assertGolden("find-80x24-2-copied");

            out.reset();
            ui.keys("x", "y");
            String sent = out.toString(StandardCharsets.US_ASCII);
            assertTrue(sent.startsWith("\u001b]52;c;") && sent.endsWith("\u0007"), sent);
            String json = new String(Base64.getDecoder().decode(sent.substring(7, sent.length() - 1)), StandardCharsets.UTF_8);
            assertTrue(json.startsWith("{\n") && json.contains("\"trace_id\" : \"" + FAULTY + "\""), json);
            assertTrue(ui.screen().contains("copied raw JSON of xraystarter-py to the clipboard"), ui.screen());

            out.reset();
            ui.keys("Esc", "Esc").keys("/", "Enter", "j", "y");
            String selected = ((TracesScreen) ui.tui.app().top()).current().id();
            assertEquals("\u001b]52;c;" + base64(selected) + "\u0007", out.toString(StandardCharsets.US_ASCII), "y on the list");
        }
    }

    @Test
    void whereTheTerminalCannotCopyTheIdIsShownWholeForTheMouse() {
        try (Harness ui = openTrace(new Harness(FakeSource.world(), Harness.options(), 80, 24), FAULTY)) {
            ui.keys("y");
            assertTrue(ui.screen().contains("trace id " + FAULTY), "whole, on one line: " + ui.screen());
            assertTrue(ui.screen().contains("select it with the mouse"), ui.screen());
            ui.keys("x", "y");
            assertTrue(ui.screen().contains("select the raw JSON of xraystarter-py with the mouse"), ui.screen());
        }
        assertFalse(Osc52.supported(Map.of("TERM", "dumb")));
        assertFalse(Osc52.supported(Map.of()));
        assertFalse(Osc52.supported(Map.of("TERM", "xterm-256color", "XSPY_CLIPBOARD", "off")));
        assertTrue(Osc52.supported(Map.of("TERM", "screen-256color", "TMUX", "/tmp/tmux-0/default,1,0")));
    }

    @Test
    void osc52SendsOnlyBase64OfSanitizedTextAndRefusesWhatIsTooLong() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Osc52 clipboard = new Osc52(out, () -> {}, true);
        assertEquals(Clipboard.Result.COPIED, clipboard.copy("a\u001b]0;pwned\u0007b\u202e\nsecond line"));
        String sent = out.toString(StandardCharsets.US_ASCII);
        assertEquals(1, sent.chars().filter(c -> c == 0x1b).count(), "one ESC: the sequence's own");
        String text = new String(Base64.getDecoder().decode(sent.substring(7, sent.length() - 1)), StandardCharsets.UTF_8);
        assertEquals("a\uFFFD]0;pwned\uFFFDb\uFFFD\nsecond line", text);
        assertTrue(clipboard.note().contains("set -g set-clipboard on"));

        out.reset();
        assertEquals(Clipboard.Result.TOO_LONG, clipboard.copy("x".repeat(Osc52.MAX_BYTES + 1)));
        assertEquals(0, out.size(), "nothing half-sent");
        assertEquals(Clipboard.Result.COPIED, clipboard.copy("x".repeat(Osc52.MAX_BYTES)));
        assertTrue(out.size() <= 100_000, "within the common 100,000-byte limit: " + out.size());
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTraceOpenedFromAServiceListLandsOnThatServicesNode() {
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), 80, 24)) {
            ui.keys("j", "j", "Enter", "Enter"); // xraystarter-go, AWS::Lambda::Function
            Segment selected = trace(ui).state.current().segment();
            assertEquals("xraystarter-go", selected.name());
            assertEquals("AWS::Lambda::Function", selected.origin());
            ui.keys("Esc", "Esc", "k", "Enter", "Enter"); // xraystarter-go, AWS::Lambda
            assertEquals("AWS::Lambda", trace(ui).state.current().segment().origin());
        }
    }

    /** Two invocations in one trace: xraystarter-ts (trace 0) and xraystarter-py (trace 1's documents, renamed). */
    private static FakeSource twoInvocations() {
        Fixtures f = new Fixtures(2);
        String ndjson = f.ndjson().replace(Fixtures.traceId(1), Fixtures.traceId(0));
        List<LogLine> lines = new ArrayList<>();
        for (List<LogLine> l : f.logs().values()) lines.addAll(l);
        lines.sort(Comparator.comparingDouble(LogLine::timestamp));
        return new FakeSource(ndjson, Map.of(Fixtures.traceId(0), lines), 10);
    }

    @Test
    void theLandedInvocationsLogLinesComeFirstAndLNarrowsThePaneToTheSelectedInvocation() {
        try (Harness ui = new Harness(twoInvocations(), Harness.options(), 80, 24)) {
            App app = ui.tui.app();
            app.open(new TraceScreen(Fixtures.traceId(0), new TraceScreen.Landing("xraystarter-py", "AWS::Lambda::Function")));
            ui.step();
            TraceState t = trace(ui).state;
            assertEquals("xraystarter-py", t.current().segment().name());
            int all = t.logLines.size();
            assertTrue(t.logLines.get(0).text().contains("xraystarter-py"), "py's lines first: " + t.logLines);
            assertTrue(t.logLines.get(all - 1).text().contains("xraystarter-ts"), "then the others: " + t.logLines);

            ui.keys("L");
            assertTrue(ui.screen().contains("logs of this xraystarter-py invocation"), ui.screen());
            assertTrue(t.logLines.size() < all && t.logLines.stream().allMatch(l -> l.text().contains("xraystarter-py")
                    || l.text().startsWith(" ".repeat(9))), t.logLines.toString());
            ui.assertGolden("find-80x24-3-invocation-logs");
            ui.keys("L");
            assertFalse(ui.screen().contains("logs"), "L again hides the pane: " + ui.screen());
            ui.keys("L");
            assertTrue(ui.screen().contains("logs, " + t.logs.size() + " lines"), "and again shows every line: " + ui.screen());
        }
    }
}
