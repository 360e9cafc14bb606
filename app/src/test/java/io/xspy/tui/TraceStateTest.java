package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Folding, zooming, panning and pane focus of the trace screen's state. */
class TraceStateTest {

    private static TraceState opened() {
        FakeSource source = FakeSource.world();
        Trace trace = source.traces(List.of(Fixtures.traceId(0))).get(0);
        TraceState t = new TraceState(trace.id());
        t.set(trace, List.of(), null, false);
        return t;
    }

    @Test
    void zoomStaysInsideTheTraceAndPanStopsAtItsEdges() {
        TraceState t = opened();
        double start = t.trace.startTime();
        double full = t.viewEnd - t.viewStart;
        t.zoom(0.5);
        assertEquals(full / 2, t.viewEnd - t.viewStart, 1e-6);
        t.pan(-10);
        assertEquals(start, t.viewStart, 1e-6, "panned to the start, no further");
        t.zoom(1000);
        assertEquals(full, t.viewEnd - t.viewStart, 1e-6, "never wider than the trace");
    }

    @Test
    void foldAllLeavesTheRootsAndUnfoldAllRestoresEveryRow() {
        TraceState t = opened();
        int all = t.rows.size();
        t.foldAll(true);
        assertTrue(t.rows.size() < all, "folded: " + t.rows.size() + " of " + all);
        t.foldAll(false);
        assertEquals(all, t.rows.size());
        t.toggleFold();
        assertTrue(t.rows.size() < all, "the selected root folds");
        t.toggleFold();
        assertEquals(all, t.rows.size());
    }

    @Test
    void tabSkipsTheLogPaneWhileItIsHidden() {
        TraceState t = opened();
        t.nextPane();
        assertEquals(Views.Pane.DETAIL, t.focus);
        t.nextPane();
        assertEquals(Views.Pane.LOGS, t.focus);
        t.showLogs = false;
        t.nextPane();
        t.nextPane();
        assertEquals(Views.Pane.DETAIL, t.focus);
    }
}
