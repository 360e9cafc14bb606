package io.xspy.tui;

import io.xspy.timeline.Canvas;
import io.xspy.timeline.TimelineOptions;
import io.xspy.timeline.TimelineRenderer;
import io.xspy.timeline.TimelineRow;
import io.xspy.trace.Trace;
import java.util.List;
import java.util.Set;

/**
 * The timeline pane through the shared layout and renderer (the same code path as the CLI's
 * {@code trace} command): rows are laid out once per fold change, and only the rows in view are
 * drawn. The view is kept in absolute seconds here and passed as offsets from the trace start.
 */
final class TimelinePane {
    private TimelinePane() {}

    static Canvas render(Trace trace, List<TimelineRow> rows, int width, boolean ascii, double viewStart, double viewEnd,
            int selected, int first, int maxRows, int nameWidth) {
        return render(trace, rows, width, ascii, viewStart, viewEnd, selected, first, maxRows, nameWidth, Set.of());
    }

    /** As above, the nodes of {@code highlighted} marked (the critical path). */
    static Canvas render(Trace trace, List<TimelineRow> rows, int width, boolean ascii, double viewStart, double viewEnd,
            int selected, int first, int maxRows, int nameWidth, Set<String> highlighted) {
        double t0 = trace.startTime();
        return TimelineRenderer.render(trace, rows, new TimelineOptions(width, ascii, viewStart - t0, viewEnd - t0, selected,
                first, maxRows, true, nameWidth, highlighted));
    }
}
