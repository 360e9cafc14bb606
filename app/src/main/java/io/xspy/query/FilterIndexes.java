package io.xspy.query;

import io.xspy.trace.Trace;

/**
 * What filters read instead of walking a trace: its service nodes (service() and edge()) and its
 * annotations, kept with the trace. A store builds them when it stores a trace, so the first filter
 * over freshly stored traces costs what a repeat costs; traces from other sources build them on first
 * use. Root causes (rootcause.* filters) are kept with the trace too, but built on first use: every
 * complete trace has a response-time root cause, and holding one for each stored trace costs more
 * heap than the rare rootcause filter saves.
 */
public final class FilterIndexes {

    private FilterIndexes() {}

    public static void build(Trace trace) {
        ServiceNodes.of(trace);
        AnnotationIndex.of(trace);
    }
}
