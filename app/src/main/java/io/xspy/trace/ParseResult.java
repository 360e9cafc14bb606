package io.xspy.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

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

    /**
     * Why a document was not kept: the first {@link Diagnostic#fatal() fatal} diagnostic (for
     * {@link SegmentDocuments#readDocument} the reason PutTraceSegments gives), or empty when
     * nothing was rejected. Warnings before it (a missing id, a string where a number belongs) are
     * not the reason.
     */
    public Optional<Diagnostic> rejection() {
        return diagnostics.stream().filter(Diagnostic::fatal).findFirst();
    }

    /** The diagnostics that only warn: their documents were kept. */
    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.fatal()).toList();
    }
}
