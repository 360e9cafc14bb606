package io.xspy.timeline;

import io.xspy.trace.Segment;
import io.xspy.trace.Status;

/**
 * One line of the timeline: a node of the trace tree with what the renderer needs to draw it.
 * Offsets are seconds from the trace start; an in-progress node ends at the trace's last known time.
 */
public record TimelineRow(
        Segment segment,
        int depth,
        String label,
        double startOffset,
        double endOffset,
        Status status,
        RowKind kind,
        boolean hasChildren,
        boolean folded,
        boolean orphan,
        boolean inProgress,
        boolean coldStart) {

    /** The node's own duration in seconds (0 while in progress). */
    public double duration() {
        return segment.duration();
    }
}
