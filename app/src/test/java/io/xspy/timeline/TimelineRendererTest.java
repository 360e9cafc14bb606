package io.xspy.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.trace.TestTraces;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimelineRendererTest {

    private static final String TRACE = "1-5f000000-000000000000000000000003";

    /** A root from 0 to 1 s with one child per (start, end) pair. */
    private static Trace trace(double[]... children) {
        StringBuilder subs = new StringBuilder();
        for (int i = 0; i < children.length; i++) {
            if (i > 0) subs.append(',');
            subs.append("{\"id\":\"c").append(i).append("\",\"name\":\"child").append(i)
                    .append("\",\"start_time\":").append(1600000000 + children[i][0])
                    .append(",\"end_time\":").append(1600000000 + children[i][1]).append('}');
        }
        return TestTraces.traces("{\"id\":\"r\",\"name\":\"root\",\"trace_id\":\"" + TRACE
                + "\",\"start_time\":1600000000,\"end_time\":1600000001,\"subsegments\":[" + subs + "]}", "t").get(0);
    }

    private static String bar(Canvas c, int y, int width) {
        int x0 = TimelineRenderer.nameWidth(width) + 1;
        StringBuilder s = new StringBuilder();
        for (int x = x0; x < x0 + TimelineRenderer.barWidth(width); x++) s.append(c.cell(x, y).text());
        return s.toString();
    }

    @Test
    void geometry() {
        assertEquals(32, TimelineRenderer.nameWidth(80));
        assertEquals(38, TimelineRenderer.barWidth(80));
        assertEquals(44, TimelineRenderer.barWidth(90));
        assertEquals(12, TimelineRenderer.nameWidth(20));
        assertEquals(64, TimelineRenderer.nameWidth(160), "the name column grows with the terminal");
        assertEquals(160, TimelineRenderer.nameWidth(400));
        assertEquals(0, TimelineRenderer.barWidth(10));
        // a requested width, kept between 12 and what leaves 10 columns of bar
        assertEquals(50, TimelineRenderer.nameWidth(80, 50));
        assertEquals(60, TimelineRenderer.nameWidth(80, 75));
        assertEquals(12, TimelineRenderer.nameWidth(80, 3));
        assertEquals(10, TimelineRenderer.barWidth(80, 200));
    }

    @Test
    void eighthsOfACell() {
        // width 90: 44 bar cells for 1 s, so 1/88 s is half a cell
        Trace t = trace(new double[] {0, 0.5 / 44}, new double[] {0, 10.75 / 44}, new double[] {2.5 / 44, 5.0 / 44});
        Canvas c = TimelineRenderer.render(t, TimelineLayout.rows(t, Set.of()), TimelineOptions.full(90, false));
        assertEquals("\u2588".repeat(44), bar(c, 1, 90));
        assertEquals("\u258C" + " ".repeat(43), bar(c, 2, 90), "half a cell");
        assertEquals("\u2588".repeat(10) + "\u258A" + " ".repeat(33), bar(c, 3, 90), "10 and 6/8 cells");
        assertEquals("  \u2590\u2588\u2588" + " ".repeat(39), bar(c, 4, 90), "starts mid-cell: right half block");
        Canvas a = TimelineRenderer.render(t, TimelineLayout.rows(t, Set.of()), TimelineOptions.full(90, true));
        assertEquals("#".repeat(10) + "=" + " ".repeat(33), bar(a, 3, 90));
    }

    @Test
    void zeroLengthAndTinyNodesStayVisible() {
        Trace t = trace(new double[] {0.5, 0.5}, new double[] {0.25, 0.25 + 2e-6}, new double[] {1, 1});
        Canvas c = TimelineRenderer.render(t, TimelineLayout.rows(t, Set.of()), TimelineOptions.full(90, false));
        assertEquals(" ".repeat(11) + "\u258F" + " ".repeat(32), bar(c, 2, 90), "a microsecond still gets an eighth");
        assertEquals(" ".repeat(22) + "\u2502" + " ".repeat(21), bar(c, 3, 90));
        assertEquals(" ".repeat(43) + "\u2502", bar(c, 4, 90), "zero length at the very end");
    }

    @Test
    void clippedBarsPointOutOfTheView() {
        Trace t = trace(new double[] {0, 0.1}, new double[] {0.9, 1}, new double[] {0.3, 0.7}, new double[] {0.45, 0.55});
        TimelineOptions zoom = TimelineOptions.full(90, true).withView(0.4, 0.6);
        Canvas c = TimelineRenderer.render(t, TimelineLayout.rows(t, Set.of()), zoom);
        assertEquals("<" + "#".repeat(42) + ">", bar(c, 1, 90), "root spans the view");
        // children in start order: 0-0.1, 0.3-0.7, 0.45-0.55, 0.9-1
        assertEquals("<" + " ".repeat(43), bar(c, 2, 90), "left of the view");
        assertEquals("<" + "#".repeat(42) + ">", bar(c, 3, 90), "around the view");
        assertEquals(" ".repeat(11) + "#".repeat(22) + " ".repeat(11), bar(c, 4, 90), "inside the view");
        assertEquals(" ".repeat(43) + ">", bar(c, 5, 90), "right of the view");
        assertTrue(c.line(0).contains("400ms"), c.line(0));
    }

    @Test
    void inProgressRunsToTheViewEnd() {
        Trace t = TestTraces.fixture("edge-cases.ndjson");
        List<TimelineRow> rows = TimelineLayout.rows(t, Set.of());
        Canvas c = TimelineRenderer.render(t, rows, TimelineOptions.full(80, false));
        String b = bar(c, 5, 80);
        assertTrue(b.endsWith("\u2588\u2026"), b);
        assertTrue(c.line(5).endsWith("\u2265600ms"), c.line(5));
        assertTrue(c.line(5).contains("\u00BB long-poll"), c.line(5));
    }

    @Test
    void barsAreColouredByStatus() {
        Trace t = TestTraces.fixture("edge-cases.ndjson");
        Canvas c = TimelineRenderer.render(t, TimelineLayout.rows(t, Set.of()), TimelineOptions.full(80, false));
        int x0 = TimelineRenderer.nameWidth(80) + 1;
        assertEquals(Style.THROTTLE, c.cell(x0, 1).style());
        assertEquals(Style.OK, c.cell(x0, 2).style());
        assertEquals(Style.THROTTLE, c.cell(x0 + 1, 3).style());
        assertEquals(Style.DIM, c.cell(x0, 0).style());
        assertEquals(Style.HEADER, c.cell(0, 0).style());
        Trace py = TestTraces.fixture("python-fault.json");
        Canvas p = TimelineRenderer.render(py, TimelineLayout.rows(py, Set.of()), TimelineOptions.full(80, false));
        assertEquals(Style.FAULT, p.cell(x0 + 10, 5).style());
        Trace go = TestTraces.fixture("lambda-go.ndjson");
        Canvas g = TimelineRenderer.render(go, TimelineLayout.rows(go, Set.of()), TimelineOptions.full(80, false));
        assertEquals(Style.COLD, g.cell(x0 + 10, 5).style(), "Initialization bar");
    }

    @Test
    void onlyVisibleRowsAreDrawn() {
        Trace t = TestTraces.fixture("lambda-go.ndjson");
        List<TimelineRow> rows = TimelineLayout.rows(t, Set.of());
        assertEquals(1, TimelineRenderer.render(t, rows, TimelineOptions.full(80, false).withWindow(50, 10)).height());
        assertEquals(4, TimelineRenderer.render(t, rows, TimelineOptions.full(80, false).withWindow(6, 10)).height(), "header and the last three rows");
        assertEquals(0, TimelineRenderer.render(t, rows, TimelineOptions.full(80, false).withWindow(-3, -1).withHeader(false)).height());
        // a list that fails on any row outside the window proves the renderer never reads it
        List<TimelineRow> guarded = new ArrayList<>(rows) {
            @Override
            public TimelineRow get(int index) {
                if (index < 2 || index > 3) throw new AssertionError("read row " + index);
                return super.get(index);
            }
        };
        Canvas c = TimelineRenderer.render(t, guarded, TimelineOptions.full(80, false).withWindow(2, 2));
        assertTrue(c.line(1).contains("Attempt #1"));
    }

    @Test
    void anyWidthAtAll() {
        Trace t = TestTraces.fixture("wide-names.ndjson");
        List<TimelineRow> rows = TimelineLayout.rows(t, Set.of());
        for (int w = 0; w <= 400; w++) {
            Canvas c = TimelineRenderer.render(t, rows, TimelineOptions.full(w, w % 2 == 0));
            assertEquals(w, c.width());
            for (String line : c.lines()) assertTrue(Text.width(line) <= w, w + ": " + line);
        }
    }

    @Test
    void emptyTraceHasOnlyTheAxis() {
        Trace empty = io.xspy.trace.TraceAssembler.assemble(TRACE, List.of());
        Canvas c = TimelineRenderer.render(empty, TimelineLayout.rows(empty, Set.of()), TimelineOptions.full(80, false));
        assertEquals(1, c.height());
        assertTrue(c.line(0).startsWith(TRACE.substring(0, 20)), c.line(0));
    }
}
