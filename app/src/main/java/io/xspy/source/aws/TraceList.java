package io.xspy.source.aws;

import java.util.Locale;

/**
 * Where the AWS source lists traces from. AUTO asks X-Ray where segments go
 * (GetTraceSegmentDestination): with Transaction Search on (CloudWatchLogs, ACTIVE) every span is in
 * the log group aws/spans while X-Ray indexes only a share (1% by default) as trace summaries, so AUTO
 * lists from aws/spans; otherwise from X-Ray's summaries. SPANS and SUMMARIES force one: SUMMARIES
 * keeps X-Ray's own evaluation of every filter expression (groups included) over the indexed share.
 */
public enum TraceList {
    AUTO, SPANS, SUMMARIES;

    /** From the command line: auto, spans or summaries. */
    public static TraceList parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--trace-list must be auto, spans or summaries, not \"" + text + "\"");
        }
    }
}
