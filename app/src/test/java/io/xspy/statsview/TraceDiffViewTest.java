package io.xspy.statsview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.source.demo.DemoWorld;
import io.xspy.stats.TraceDiff;
import io.xspy.testing.GoldenFiles;
import io.xspy.timeline.AnsiText;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.Style;
import io.xspy.timeline.Text;
import io.xspy.trace.LambdaInvocation;
import io.xspy.trace.TestTraces;
import io.xspy.trace.Trace;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The demo's cold and warm invocation of the Go function drawn against each other. The two traces are
 * the demo world's (seed 1, history ending 2026-11-26T16:00:00Z), kept in a file so the README's
 * command runs as written.
 */
class TraceDiffViewTest {
    static final String FILE = "/cli/demo-go-cold-warm.ndjson";
    static final String COLD = "1-6b0852ee-310c43fc398820efda0df446";
    static final String WARM = "1-6b0852f5-fc1a784556cce4bbe715e2a1";

    static TraceDiff coldAgainstWarm() {
        List<Trace> traces = TestTraces.traces(TestTraces.resource(FILE), "demo-go-cold-warm.ndjson");
        Trace cold = traces.stream().filter(t -> t.id().equals(COLD)).findFirst().orElseThrow();
        Trace warm = traces.stream().filter(t -> t.id().equals(WARM)).findFirst().orElseThrow();
        return TraceDiff.of(cold, warm);
    }

    @ParameterizedTest(name = "{0} columns, ascii={1}")
    @CsvSource({"80, false", "80, true", "160, false", "160, true"})
    void coldAgainstWarmGo(int width, boolean ascii) {
        TraceDiff diff = coldAgainstWarm();
        Canvas canvas = new TraceDiffView(diff).render(width, ascii);
        String text = AnsiText.of(canvas, false);
        GoldenFiles.check("statsview", "diff-go-cold-warm-" + width + (ascii ? "-ascii" : "") + ".txt", text);
        assertEquals(new TraceDiffView(diff).height(), canvas.height());
        for (String line : text.split("\n")) assertTrue(Text.width(line) <= width, "too wide: " + line);
        if (ascii) assertTrue(text.chars().allMatch(c -> c < 128), "ASCII only");
        assertTrue(text.contains("only A"), "the cold start's Initialization is only in A:\n" + text);
        assertTrue(text.contains("not in B"), text);
    }

    @Test
    void theFileHoldsTheDemoWorldsTraces() {
        Instant now = Instant.parse("2026-11-26T16:00:00Z");
        String regenerated = DemoWorld.endingAt(1, now, 1800).advance(now).segmentDocuments().stream()
                .filter(d -> Set.of(COLD, WARM).contains(d.get("trace_id").asText()))
                .map(Object::toString).collect(Collectors.joining("\n", "", "\n"));
        assertEquals(regenerated, TestTraces.resource(FILE));
        TraceDiff diff = coldAgainstWarm();
        List<String> coldA = LambdaInvocation.of(diff.a()).stream().filter(LambdaInvocation::coldStart)
                .map(LambdaInvocation::functionName).toList();
        assertEquals(List.of("xraystarter-go"), coldA, "only the Go function starts cold in A");
        assertTrue(LambdaInvocation.of(diff.b()).stream().noneMatch(LambdaInvocation::coldStart), "all warm in B");
    }

    @Test
    void aWindowOfRowsWithTheSelectionAndColouredChanges() {
        TraceDiff diff = coldAgainstWarm();
        TraceDiffView view = new TraceDiffView(diff);
        Canvas canvas = view.render(80, false, 2, 3, 3);
        assertEquals(TraceDiffView.HEADER_LINES + 6, canvas.height());
        Canvas whole = view.render(80, false);
        for (int y = TraceDiffView.HEADER_LINES; y < canvas.height(); y++) {
            assertEquals(whole.line(y + 4), canvas.line(y), "the rows of a window are the whole's");
        }
        for (int x = 0; x < 80; x++) {
            assertEquals(Style.SELECTED, canvas.cell(x, TraceDiffView.HEADER_LINES + 2).style());
            assertEquals(Style.SELECTED, canvas.cell(x, TraceDiffView.HEADER_LINES + 3).style());
        }
        // slower is drawn as a fault, faster as ok; the sign says it without colour
        assertEquals(Style.FAULT, TraceDiffView.deltaStyle(0.001));
        assertEquals(Style.OK, TraceDiffView.deltaStyle(-0.001));
        assertEquals("+4.60ms", TraceDiffView.signed(0.0046, false));
        assertEquals("-157ms", TraceDiffView.signed(-0.157, false));
        assertEquals("-30%", TraceDiffView.percent(-0.2968));
        assertEquals(">+999%", TraceDiffView.percent(12));
        assertEquals("", TraceDiffView.percent(Double.NaN));
    }
}
