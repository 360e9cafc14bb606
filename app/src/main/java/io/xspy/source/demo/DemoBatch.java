package io.xspy.source.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.trace.LogLine;
import java.util.List;

/** What the demo world produced for a stretch of time: segment documents (JSON objects, as an SDK would send them) and log events. */
public record DemoBatch(List<ObjectNode> segmentDocuments, List<LogLine> logEvents) {
    public DemoBatch {
        segmentDocuments = List.copyOf(segmentDocuments);
        logEvents = List.copyOf(logEvents);
    }
}
