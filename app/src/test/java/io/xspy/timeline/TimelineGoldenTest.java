package io.xspy.timeline;

import io.xspy.testing.GoldenFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.trace.TestTraces;
import io.xspy.trace.Trace;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The timeline as text, compared with golden files (regenerate with -Dgolden.update=true). */
class TimelineGoldenTest {

    private static String render(Trace trace, Set<String> folded, TimelineOptions options) {
        Canvas canvas = TimelineRenderer.render(trace, TimelineLayout.rows(trace, folded), options);
        return AnsiText.of(canvas, false);
    }

    @ParameterizedTest(name = "{0} at {1} columns, ascii={2}")
    @CsvSource({
        "lambda-go.ndjson, 80, false",
        "lambda-go.ndjson, 80, true",
        "lambda-go.ndjson, 132, false",
        "lambda-go.ndjson, 132, true",
        "python-fault.json, 80, false",
        "python-fault.json, 132, true",
        "wide-names.ndjson, 80, false",
        "wide-names.ndjson, 60, true",
        "edge-cases.ndjson, 80, false",
        "edge-cases.ndjson, 100, true",
    })
    void wholeTrace(String fixture, int width, boolean ascii) {
        Trace trace = TestTraces.fixture(fixture);
        String text = render(trace, Set.of(), TimelineOptions.full(width, ascii));
        String name = fixture.substring(0, fixture.indexOf('.')) + "-" + width + (ascii ? "-ascii" : "") + ".txt";
        GoldenFiles.check("timeline", name, text);
        for (String line : text.split("\n")) assertTrue(Text.width(line) <= width, "too wide: " + line);
    }

    @Test
    void zoomedOnTheInvocation() {
        Trace trace = TestTraces.fixture("lambda-go.ndjson");
        // the Invocation runs from 224.1 ms to 307.3 ms after the trace start
        GoldenFiles.check("timeline", "lambda-go-zoomed-80.txt", render(trace, Set.of(), TimelineOptions.full(80, false).withView(0.220, 0.310)));
        GoldenFiles.check("timeline", "lambda-go-zoomed-80-ascii.txt", render(trace, Set.of(), TimelineOptions.full(80, true).withView(0.220, 0.310)));
    }

    @Test
    void foldedInvocation() {
        Trace trace = TestTraces.fixture("lambda-go.ndjson");
        GoldenFiles.check("timeline", "lambda-go-folded-80.txt", render(trace, Set.of("5e8a0b3c9d1f2746"), TimelineOptions.full(80, false)));
    }

    @Test
    void scrolledWindowWithSelection() {
        Trace trace = TestTraces.fixture("lambda-go.ndjson");
        List<TimelineRow> rows = TimelineLayout.rows(trace, Set.of());
        Canvas canvas = TimelineRenderer.render(trace, rows,
                TimelineOptions.full(80, false).withWindow(3, 4).withSelectedRow(4).withHeader(false));
        GoldenFiles.check("timeline", "lambda-go-window-80.txt", AnsiText.of(canvas, false));
        assertEquals(4, canvas.height());
        for (int x = 0; x < canvas.width(); x++) assertEquals(Style.SELECTED, canvas.cell(x, 1).style());
        assertEquals(Style.NORMAL, canvas.cell(canvas.width() - 1, 0).style());
    }

    /** The columns of a name with East Asian wide characters line up with the others. */
    @Test
    void wideNamesKeepColumnsAligned() {
        Trace trace = TestTraces.fixture("wide-names.ndjson");
        Canvas canvas = TimelineRenderer.render(trace, TimelineLayout.rows(trace, Set.of()), TimelineOptions.full(80, false));
        int barX = TimelineRenderer.nameWidth(80) + 1;
        for (int y = 1; y < canvas.height(); y++) {
            StringBuilder name = new StringBuilder();
            for (int x = 0; x < barX - 1; x++) name.append(canvas.cell(x, y).text());
            assertEquals(barX - 1, Text.width(name.toString()), "name column of row " + y);
            assertEquals(" ", canvas.cell(barX - 1, y).text(), "gap after the name column in row " + y);
            assertTrue(canvas.cell(79, y).text().matches("s"), "duration ends at the last column in row " + y);
        }
    }
}
