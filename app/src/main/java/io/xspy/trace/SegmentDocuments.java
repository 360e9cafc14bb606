package io.xspy.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the containers users actually have: {@code aws xray batch-get-traces} output (documents as
 * JSON strings inside {@code Traces[].Segments[].Document}), {@code get-trace-summaries} output, a
 * JSON array of segment documents, a single document, and newline-delimited documents (including
 * a recorded X-Ray daemon stream with its {@code {"format":"json","version":1}} header lines).
 */
public final class SegmentDocuments {

    public static final ObjectMapper JSON = new ObjectMapper();
    /** Reads exactly one JSON value: NDJSON must not pass for its first line. */
    private static final ObjectReader ONE_VALUE =
            JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
                whole = ONE_VALUE.readTree(trimmed);
            } catch (JsonProcessingException e) {
                whole = null; // not one JSON value: read it line by line below
            }
        }
        if (whole != null && whole.isArray()) {
            int i = 0;
            for (JsonNode element : whole) {
                readDocument(element, source + "[" + i++ + "]", segments, diagnostics);
            }
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
        for (JsonNode trace : traces) {
            String traceId = trace.path("Id").asText("?");
            JsonNode list = trace.path("Segments");
            int i = 0;
            for (JsonNode s : list) {
                String where = source + " trace " + traceId + " segment " + i++;
                readDocument(s.has("Document") ? s.get("Document") : s, where, segments, diagnostics);
            }
        }
        JsonNode unprocessed = root.get("UnprocessedTraceIds");
        if (unprocessed != null && unprocessed.isArray() && unprocessed.size() > 0) {
            diagnostics.add(new Diagnostic(source, null,
                    unprocessed.size() + " trace ids were unprocessed in this output: " + unprocessed));
        }
    }

    /** One document, given as an object or as a string holding the JSON (as BatchGetTraces does). */
    private static void readDocument(JsonNode node, String where, List<Segment> segments,
            List<Diagnostic> diagnostics) {
        JsonNode doc = node;
        if (node.isTextual()) {
            try {
                doc = JSON.readTree(node.asText());
            } catch (JsonProcessingException e) {
                diagnostics.add(new Diagnostic(where, null, "Document is not JSON: " + brief(e)));
                return;
            }
        }
        add(new SegmentParser(where, diagnostics).parseDocument(doc), segments);
    }

    private static void readLines(String text, String source, List<Segment> segments, List<Diagnostic> diagnostics) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) continue;
            String where = source + ":" + (i + 1);
            JsonNode doc;
            try {
                doc = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                diagnostics.add(new Diagnostic(where, null, "not JSON: " + brief(e)));
                continue;
            }
            if (isDaemonHeader(doc)) continue;
            readDocument(doc, where, segments, diagnostics);
        }
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
