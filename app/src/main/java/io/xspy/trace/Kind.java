package io.xspy.trace;

/** What a node of a trace tree is. */
public enum Kind {
    /** A segment document sent by a service. */
    SEGMENT,
    /** A segment X-Ray inferred from a downstream call (for example a DynamoDB table). */
    INFERRED,
    /** A subsegment, embedded in its segment or sent on its own (type "subsegment"). */
    SUBSEGMENT
}
