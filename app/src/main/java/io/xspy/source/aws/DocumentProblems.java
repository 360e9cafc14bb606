package io.xspy.source.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.xspy.trace.Diagnostic;
import io.xspy.trace.Json;
import io.xspy.trace.Segment;
import io.xspy.trace.SegmentDocuments;
import io.xspy.trace.SegmentParser;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Problems in the documents AWS returned: counted, and the latest kept, as the embedded store does
 * for files. Also parses one document, recording what is wrong with it.
 */
final class DocumentProblems {

    private static final int KEPT = 100;

    private final AtomicLong count = new AtomicLong();
    private final ArrayDeque<Diagnostic> recent = new ArrayDeque<>();

    void keep(List<Diagnostic> found) {
        if (found.isEmpty()) return;
        count.addAndGet(found.size());
        synchronized (recent) {
            for (Diagnostic d : found) {
                recent.addLast(d);
                if (recent.size() > KEPT) recent.removeFirst();
            }
        }
    }

    long count() {
        return count.get();
    }

    /** The latest problems (at most 100), oldest first. */
    List<Diagnostic> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** One segment document as text; null (and a diagnostic) when it is not JSON. */
    static Segment parse(SegmentParser parser, String document, List<Diagnostic> diagnostics, String where) {
        if (document == null) return null;
        try {
            JsonNode node = Json.read(document);
            return parser.parseDocument(node);
        } catch (JsonProcessingException e) {
            diagnostics.add(Diagnostic.fatal(where, 0, null, "Document is not valid JSON: " + SegmentDocuments.brief(e)));
            return null;
        }
    }
}
