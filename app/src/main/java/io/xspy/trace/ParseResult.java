package io.xspy.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a file or stream held: the segment documents that could be read, the trace summaries of a
 * {@code get-trace-summaries} output, and a diagnostic for everything that could not.
 */
public record ParseResult(List<Segment> segments, List<JsonNode> traceSummaries, List<Diagnostic> diagnostics) {
    public ParseResult {
        segments = List.copyOf(segments);
        traceSummaries = List.copyOf(traceSummaries);
        diagnostics = List.copyOf(diagnostics);
    }
}
