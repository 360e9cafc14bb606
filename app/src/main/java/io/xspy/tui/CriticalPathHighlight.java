package io.xspy.tui;

import io.xspy.stats.CriticalPath;
import io.xspy.statsview.CriticalPathTable;
import io.xspy.timeline.Durations;
import io.xspy.timeline.Style;
import io.xspy.timeline.TimelineRenderer;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.Set;

/**
 * The trace screen's critical path (key p): whether it is highlighted, the path of the trace shown
 * (worked out once a trace, when first asked), and what the detail pane says of the selected node.
 */
final class CriticalPathHighlight {
    boolean on;
    private Trace of;
    private CriticalPath path;

    /** p: on or off, saying on the status line what the marks mean. */
    void toggle(App app, Trace trace) {
        on = !on;
        if (!on || trace == null) {
            app.info(on ? "" : "critical path hidden");
            return;
        }
        app.info(mark(app.ascii()) + " " + CriticalPathTable.title(path(trace), app.ascii()));
    }

    CriticalPath path(Trace trace) {
        if (trace != of) {
            of = trace;
            path = CriticalPath.of(trace);
        }
        return path;
    }

    /** The ids to highlight: none while off. */
    Set<String> ids(Trace trace) {
        return on && trace != null ? path(trace).ids() : Set.of();
    }

    /** The detail pane's first line for a node while the highlight is on, else null. */
    Line line(Trace trace, Segment node, boolean ascii) {
        if (!on || trace == null || node == null) return null;
        CriticalPath p = path(trace);
        CriticalPath.Contribution c = p.of(node.id());
        if (c == null) return new Line("not on the critical path", Style.DIM);
        return new Line(mark(ascii) + " critical path: " + Durations.format(c.seconds(), ascii) + " of "
                + Durations.format(p.duration(), ascii) + ", " + CriticalPathTable.share(c.share()) + " of the trace"
                + (c.sections().size() > 1 ? " (in " + c.sections().size() + " stretches)" : ""), Style.ACCENT);
    }

    static String mark(boolean ascii) {
        return ascii ? TimelineRenderer.HIGHLIGHT_MARK_ASCII : TimelineRenderer.HIGHLIGHT_MARK;
    }
}
