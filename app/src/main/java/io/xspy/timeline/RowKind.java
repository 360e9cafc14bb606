package io.xspy.timeline;

/** What a timeline row shows: a segment, an inferred segment, a local subsegment, or a call to another service. */
public enum RowKind {
    SEGMENT, INFERRED, SUBSEGMENT, REMOTE
}
