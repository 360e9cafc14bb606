package io.xspy.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the containers users actually have: {@code aws xray batch-get-traces} output (documents as
 * JSON strings inside {@code Traces[].Segments[].Document}), {@code get-trace-summaries} output, a
 * JSON array of segment documents, a single document, and newline-delimited documents (including
 * a recorded X-Ray daemon stream with its {@code {"format":"json","version":1}} header lines).
 */
public final class SegmentDocuments {


    private SegmentDocuments() {}

    public static ParseResult parse(String text, String source) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Segment> segments = new ArrayList<>();
        List<JsonNode> summaries = new ArrayList<>();
        SegmentParser parser = new SegmentParser(source, diagnostics);
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            diagnostics.add(new Diagnostic(source, null, "empty input: no segment documents"));
            return new ParseResult(segments, summaries, diagnostics);
        }
        JsonNode whole = null;
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                whole = Json.read(trimmed);
            } catch (JsonProcessingException e) {
                whole = null; // not one JSON value: read it line by line below
            }
        }
        if (whole != null && whole.isArray()) {
            List<Located> documents = new ArrayList<>(whole.size());
            int i = 0;
            for (JsonNode element : whole) documents.add(new Located(element, source + "[" + i++ + "]"));
            readAll(documents, segments, diagnostics);
        } else if (whole != null && whole.isObject() && whole.has("Traces")) {
            readBatchGetTraces(whole, source, segments, diagnostics);
        } else if (whole != null && whole.isObject() && whole.has("TraceSummaries")) {
            JsonNode list = whole.get("TraceSummaries");
            if (list.isArray()) list.forEach(summaries::add);
            else diagnostics.add(new Diagnostic(source, null, "TraceSummaries is not an array; ignored"));
        } else if (whole != null && whole.isObject()) {
            add(parser.parseDocument(whole), segments);
        } else {
            readLines(text, source, segments, diagnostics);
        }
        return new ParseResult(segments, summaries, diagnostics);
    }

    private static void readBatchGetTraces(JsonNode root, String source, List<Segment> segments,
            List<Diagnostic> diagnostics) {
        JsonNode traces = root.get("Traces");
        if (!traces.isArray()) {
            diagnostics.add(new Diagnostic(source, null, "Traces is not an array; ignored"));
            return;
        }
        List<Located> documents = new ArrayList<>();
        for (JsonNode trace : traces) {
            String traceId = trace.path("Id").asText("?");
            int i = 0;
            for (JsonNode s : trace.path("Segments")) {
                String where = source + " trace " + traceId + " segment " + i++;
                documents.add(new Located(s.has("Document") ? s.get("Document") : s, where));
            }
        }
        readAll(documents, segments, diagnostics);
        JsonNode unprocessed = root.get("UnprocessedTraceIds");
        if (unprocessed != null && unprocessed.isArray() && unprocessed.size() > 0) {
            diagnostics.add(new Diagnostic(source, null,
                    unprocessed.size() + " trace ids were unprocessed in this output: " + unprocessed));
        }
    }

    /** A document as found (a line of NDJSON is its text), and where it was found (for diagnostics). */
    private record Located(JsonNode node, String where, boolean line) {
        Located(JsonNode node, String where) {
            this(node, where, false);
        }
    }

    /** What one document gave: a segment or null, and its diagnostics. */
    private record Read(Segment segment, List<Diagnostic> diagnostics) {}

    /** Below this many documents a file is read on one thread. */
    private static final int PARALLEL_THRESHOLD = 32;

    /**
     * Reads documents in order; many of them (a large trace) are parsed on all cores, since each
     * document has a parser of its own. Results and diagnostics keep the input's order.
     */
    private static void readAll(List<Located> documents, List<Segment> segments, List<Diagnostic> diagnostics) {
        var stream = documents.stream();
        if (documents.size() >= PARALLEL_THRESHOLD) stream = stream.parallel();
        for (Read r : stream.map(SegmentDocuments::read).toList()) {
            diagnostics.addAll(r.diagnostics());
            if (r.segment() != null) segments.add(r.segment());
        }
    }

    /** One document, given as an object or as a string holding the JSON (as BatchGetTraces does). */
    private static Read read(Located located) {
        List<Diagnostic> found = new ArrayList<>(0);
        JsonNode doc = located.node();
        if (doc.isTextual()) {
            try {
                doc = Json.read(doc.asText());
            } catch (JsonProcessingException e) {
                found.add(new Diagnostic(located.where(), null,
                        (located.line() ? "not JSON: " : "Document is not JSON: ") + brief(e)));
                return new Read(null, found);
            }
            if (isDaemonHeader(doc)) return new Read(null, found);
        }
        return new Read(new SegmentParser(located.where(), found).parseDocument(doc), found);
    }

    private static void readLines(String text, String source, List<Segment> segments, List<Diagnostic> diagnostics) {
        String[] lines = text.split("\r?\n", -1);
        List<Located> documents = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty()) documents.add(new Located(TextNode.valueOf(line), source + ":" + (i + 1), true));
        }
        readAll(documents, segments, diagnostics);
    }

    /** The header line the X-Ray daemon protocol puts before each document. */
    public static boolean isDaemonHeader(JsonNode doc) {
        return doc != null && doc.isObject() && doc.has("format") && doc.has("version") && !doc.has("trace_id")
                && !doc.has("id");
    }

    private static void add(Segment s, List<Segment> segments) {
        if (s != null) segments.add(s);
    }

    /** The first line of a Jackson message, without the source excerpt it appends. */
    public static String brief(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) m = e.getClass().getSimpleName();
        int nl = m.indexOf('\n');
        if (nl >= 0) m = m.substring(0, nl);
        if (e.getLocation() != null) m += " at column " + e.getLocation().getColumnNr();
        return m;
    }
}
