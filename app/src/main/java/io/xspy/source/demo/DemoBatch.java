package io.xspy.source.demo;

import io.xspy.trace.LogLine;
import java.util.List;

/** What the demo world produced for a stretch of time: segment documents (JSON) and log events. */
public record DemoBatch(List<String> segmentDocuments, List<LogLine> logEvents) {
    public DemoBatch {
        segmentDocuments = List.copyOf(segmentDocuments);
        logEvents = List.copyOf(logEvents);
    }
}
