package io.xspy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.testing.GoldenFiles;
import io.xspy.timeline.AnsiText;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.Style;
import io.xspy.timeline.TimelineLayout;
import io.xspy.timeline.TimelineOptions;
import io.xspy.timeline.TimelineRenderer;
import io.xspy.timeline.TimelineRow;
import io.xspy.trace.TestTraces;
import io.xspy.trace.Trace;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The timeline with the critical path highlighted: a mark (readable without colour) and a bold label. */
class CriticalPathTimelineTest {

    @ParameterizedTest(name = "at {0} columns, ascii={1}")
    @CsvSource({"80, false", "80, true", "132, false"})
    void theBlogsColdGoInvocationWithItsCriticalPath(int width, boolean ascii) {
        Trace trace = TestTraces.fixture("lambda-go.ndjson");
        CriticalPath path = CriticalPath.of(trace);
        List<TimelineRow> rows = TimelineLayout.rows(trace, Set.of());
        Canvas canvas = TimelineRenderer.render(trace, rows, TimelineOptions.full(width, ascii).withHighlighted(path.ids()));
        GoldenFiles.check("timeline", "lambda-go-critical-" + width + (ascii ? "-ascii" : "") + ".txt", AnsiText.of(canvas, false));

        String mark = ascii ? TimelineRenderer.HIGHLIGHT_MARK_ASCII : TimelineRenderer.HIGHLIGHT_MARK;
        int marked = 0;
        for (int i = 0; i < rows.size(); i++) {
            String line = canvas.line(i + 1);
            int name = TimelineRenderer.nameWidth(width);
            boolean onPath = path.ids().contains(rows.get(i).segment().id());
            assertEquals(onPath, line.substring(0, Math.min(name, line.length())).contains(mark), line);
            if (onPath) {
                marked++;
                int labelEnd = name - 1; // the label's last cell
                while (canvas.cell(labelEnd, i + 1).text().isBlank()) labelEnd--;
                assertEquals(Style.HEADER, canvas.cell(labelEnd, i + 1).style(), "the label of a critical span is bold: " + line);
            }
        }
        assertTrue(marked >= 5, "the path runs from the Lambda service segment down to the PutItem: " + marked);

        Canvas plain = TimelineRenderer.render(trace, rows, TimelineOptions.full(width, ascii));
        assertTrue(plain.lines().stream().noneMatch(l -> l.substring(0, Math.min(TimelineRenderer.nameWidth(width), l.length())).contains(mark)),
                "nothing marked unless asked");
    }
}
