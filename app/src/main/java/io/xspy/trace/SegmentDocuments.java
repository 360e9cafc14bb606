package io.xspy.trace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;

/**
 * Reads the containers users actually have, as a stream, one document at a time:
 * {@code aws xray batch-get-traces} output (documents as JSON strings inside
 * {@code Traces[].Segments[].Document}), {@code get-trace-summaries} output, a JSON array of segment
 * documents, a single document, and newline-delimited documents (including a recorded X-Ray daemon
 * stream with its {@code {"format":"json","version":1}} header lines). Memory is one document (at most
 * {@link Json#MAX_DOCUMENT_CHARS}), whatever the size of the input; what cannot be read becomes a
 * {@link Diagnostic} with its line, and reading goes on with the next document.
 */
public final class SegmentDocuments {

    /** Where the documents go as they are read. */
    public interface Sink {
        void segment(Segment segment);

        /** An entry of get-trace-summaries output. */
        default void summary(JsonNode summary) {}

        /**
         * A JSON object that is no segment document but the caller's (log event lines); true when taken.
         * Not asked about a clean segment document made only of X-Ray's fields that was given as text.
         */
        default boolean other(JsonNode object) {
            return false;
        }

        void diagnostic(Diagnostic diagnostic);
    }

    /** The top-level fields of the AWS CLI's outputs: a file starting with one of them is a container. */
    private static final Set<String> CONTAINER_FIELDS = Set.of("Traces", "TraceSummaries", "UnprocessedTraceIds",
            "NextToken", "ApproximateTime", "TracesProcessedCount");
    /** Unprocessed trace ids named in a warning; the others are counted. */
    private static final int NAMED_IDS = 5;
    /** How much of the input is looked at to tell NDJSON from one JSON value. */
    private static final int HEAD = 64 * 1024;

    private SegmentDocuments() {}

    /** Reads UTF-8 from a stream (a byte-order mark is skipped; bytes that are not UTF-8 are reported by line). */
    public static void read(InputStream in, String source, Sink sink) throws IOException {
        read(in, source, sink, PARALLEL);
    }

    /** Reads with or without a second core for the documents given as text (the same calls either way). */
    static void read(InputStream in, String source, Sink sink, boolean parallel) throws IOException {
        InOrder ordered = new InOrder(sink, parallel);
        try {
            new Reading(source, ordered).read(new Utf8Text(in, line -> ordered.diagnostic(Diagnostic.warning(source, line,
                    null, "bytes that are not UTF-8, read as \uFFFD"))));
        } finally {
            ordered.drain();
        }
    }

    public static void read(Reader in, String source, Sink sink) throws IOException {
        InOrder ordered = new InOrder(sink, PARALLEL);
        try {
            new Reading(source, ordered).read(in);
        } finally {
            ordered.drain();
        }
    }

    /** Reads text whole (small inputs and tests); the result holds every document. */
    public static ParseResult parse(String text, String source) {
        Collected c = new Collected();
        try {
            read(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text), source, c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return c.result();
    }

    /**
     * One segment document given as text, as in PutTraceSegments or a daemon datagram: the segment, or
     * none and the reason in {@link ParseResult#rejection()}; warnings about a kept document beside it.
     */
    public static ParseResult readDocument(String text, String source) {
        Collected c = new Collected();
        InOrder ordered = new InOrder(c, false);
        Reading r = new Reading(source, ordered);
        try {
            JsonNode doc = Json.read(text);
            r.document(doc, 0, null);
        } catch (JsonProcessingException e) {
            ordered.diagnostic(Diagnostic.fatal(source, 0, null, "not valid JSON: " + JsonProblem.describe(e)));
        }
        ordered.drain();
        return c.result();
    }

    /** A sink that keeps everything, for {@link ParseResult}. */
    private static final class Collected implements Sink {
        final List<Segment> segments = new ArrayList<>();
        final List<JsonNode> summaries = new ArrayList<>();
        final List<Diagnostic> diagnostics = new ArrayList<>();

        @Override
        public void segment(Segment segment) {
            segments.add(segment);
        }

        @Override
        public void summary(JsonNode summary) {
            summaries.add(summary);
        }

        @Override
        public void diagnostic(Diagnostic diagnostic) {
            diagnostics.add(diagnostic);
        }

        ParseResult result() {
            return new ParseResult(segments, summaries, diagnostics);
        }
    }

    /** The header line the X-Ray daemon protocol puts before each document. */
    public static boolean isDaemonHeader(JsonNode doc) {
        return doc != null && doc.isObject() && doc.has("format") && doc.has("version") && !doc.has("trace_id")
                && !doc.has("id");
    }

    /** What is wrong with the JSON, in the user's words, with the column (kept for callers of old). */
    public static String brief(JsonProcessingException e) {
        return JsonProblem.describe(e);
    }

    /** The streaming parser of each thread that parses documents given as text. */
    private static final ThreadLocal<SegmentStreamParser> PARSERS = ThreadLocal.withInitial(SegmentStreamParser::new);
    /** Whether there is a second core to parse documents on while this one reads on. */
    private static final boolean PARALLEL = Runtime.getRuntime().availableProcessors() > 1;

    /**
     * The sink's calls in the order of the input while documents given as text (BatchGetTraces') are
     * parsed on another core as this one reads on: every call first hands over the documents read
     * before it. What the streaming parser declines is read the usual way, on this thread, in its place.
     */
    private static final class InOrder implements Sink {
        /** Text of the documents read ahead at most (a 10,000-node trace is 1.7 M). */
        private static final long MAX_PENDING_CHARS = 8L << 20;

        private record Pending(FutureTask<Segment> fast, int chars, Runnable declined) {}

        private final Sink sink;
        private final boolean parallel;
        private final ArrayDeque<Pending> pending = new ArrayDeque<>();
        private long pendingChars;
        /** Handing over a pending document: what it says goes straight to the sink. */
        private boolean emitting;

        InOrder(Sink sink, boolean parallel) {
            this.sink = sink;
            this.parallel = parallel;
        }

        /** A document given as text: parsed now on another core, handed over in its turn ({@code declined} if not clean). */
        void parse(String text, Runnable declined) {
            if (!parallel || emitting) {
                Segment clean = PARSERS.get().parseText(text);
                if (clean != null) segment(clean);
                else declined.run();
                return;
            }
            FutureTask<Segment> task = new FutureTask<>(new Parse(text));
            pending.addLast(new Pending(task, text.length(), declined));
            pendingChars += text.length();
            ForkJoinPool.commonPool().execute(task);
            while (pendingChars > MAX_PENDING_CHARS) handOverFirst();
        }

        /** A document's parse on the other core (a class: a lambda would be spun up at run time, see Main). */
        private record Parse(String text) implements java.util.concurrent.Callable<Segment> {
            @Override
            public Segment call() {
                return PARSERS.get().parseText(text);
            }
        }

        /** Hands over every pending document; this thread parses the last ones while the other core has the first. */
        void drain() {
            if (emitting) return;
            for (Iterator<Pending> last = pending.descendingIterator(); last.hasNext(); ) last.next().fast.run();
            while (!pending.isEmpty()) handOverFirst();
        }

        private void handOverFirst() {
            Pending p = pending.removeFirst();
            pendingChars -= p.chars;
            p.fast.run(); // parses it here unless the other core has begun it
            Segment clean;
            try {
                clean = p.fast.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                clean = null; // read the usual way then: nothing is lost
            } catch (ExecutionException e) { // parseText returns null for any exception: an Error
                if (e.getCause() instanceof Error error) throw error;
                throw new IllegalStateException(e.getCause());
            }
            emitting = true;
            try {
                if (clean != null) sink.segment(clean);
                else p.declined.run();
            } finally {
                emitting = false;
            }
        }

        @Override
        public void segment(Segment segment) {
            drain();
            sink.segment(segment);
        }

        @Override
        public void summary(JsonNode summary) {
            drain();
            sink.summary(summary);
        }

        @Override
        public boolean other(JsonNode object) {
            drain();
            return sink.other(object);
        }

        @Override
        public void diagnostic(Diagnostic diagnostic) {
            drain();
            sink.diagnostic(diagnostic);
        }
    }

    /** One input being read. */
    private static final class Reading {
        private final String source;
        private final InOrder sink;

        Reading(String source, InOrder sink) {
            this.source = source;
            this.sink = sink;
        }

        void read(Reader in) throws IOException {
            char[] head = new char[HEAD];
            int n = 0;
            for (int r; n < head.length && (r = in.read(head, n, head.length - n)) > 0; ) n += r;
            Reader all = new PrefixedReader(head, n, in);
            int first = 0;
            while (first < n && Character.isWhitespace(head[first])) first++;
            if (first == n && n < head.length) {
                fatal(0, null, "empty input: no segment documents");
                return;
            }
            if (looksLikeOneValue(head, first, n)) values(all);
            else lines(all);
        }

        /**
         * Whether the input is one JSON value (an array, an AWS CLI output, a pretty-printed document)
         * rather than one document a line: it starts with '[', or with an object that names a field of
         * the AWS CLI's outputs, or with an object that does not end on its first line.
         */
        private static boolean looksLikeOneValue(char[] head, int first, int n) {
            if (first >= n) return false;
            if (head[first] == '[') return true;
            if (head[first] != '{') return false;
            String text = new String(head, first, n - first);
            try (JsonParser p = Json.parser(new StringReader(text))) {
                p.nextToken();
                if (p.nextToken() == JsonToken.FIELD_NAME && CONTAINER_FIELDS.contains(p.currentName())) return true;
            } catch (IOException e) {
                // not even the first field reads: the line-by-line reading says what is wrong
            }
            int nl = text.indexOf('\n');
            if (nl < 0) return false;
            try {
                Json.read(text.substring(0, nl));
                return false;
            } catch (JsonProcessingException e) {
                // an object going on past its first line is pretty-printed; a broken line is one bad line of NDJSON
                String m = e.getOriginalMessage();
                return m != null && m.startsWith("Unexpected end-of-input");
            }
        }

        // ---- one document a line ----

        private void lines(Reader in) throws IOException {
            Lines lines = new Lines(in);
            for (String line; (line = lines.next()) != null; ) {
                int at = lines.number();
                if (lines.binary()) {
                    fatal(at, null, "binary data (a NUL byte), not JSON text; the rest of the input is not read");
                    return;
                }
                if (lines.tooLong()) {
                    fatal(at, null, "longer than " + mib(Json.MAX_DOCUMENT_CHARS)
                            + " (X-Ray takes 64 KB per segment document); skipped");
                    continue;
                }
                String text = line.strip();
                if (text.isEmpty()) continue;
                JsonNode node;
                try {
                    node = Json.read(text);
                } catch (JsonProcessingException e) {
                    fatal(at, null, "not valid JSON: " + JsonProblem.describe(e));
                    continue;
                }
                if (node.isArray()) node.forEach(d -> document(d, at, null));
                else if (node.isObject() && (node.has("Traces") || node.has("TraceSummaries"))) container((ObjectNode) node, at);
                else document(node, at, null);
            }
        }

        /** A batch-get-traces or get-trace-summaries output that fit on one line. */
        private void container(ObjectNode root, int line) {
            JsonNode traces = root.get("Traces");
            if (traces != null) {
                if (!traces.isArray()) warn(line, "Traces is not an array; ignored");
                else for (JsonNode t : traces) for (JsonNode s : t.path("Segments")) segmentEntry(s, line);
            }
            JsonNode summaries = root.get("TraceSummaries");
            if (summaries != null) {
                if (!summaries.isArray()) warn(line, "TraceSummaries is not an array; ignored");
                else summaries.forEach(sink::summary);
            }
            unprocessed(root.get("UnprocessedTraceIds"), line);
        }

        // ---- one JSON value (or several), streamed ----

        private void values(Reader in) throws IOException {
            try (JsonParser p = Json.parser(in)) {
                for (JsonToken t; (t = p.nextToken()) != null; ) {
                    int line = line(p);
                    if (t == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            int at = line(p);
                            JsonNode d = bounded(p);
                            if (d != null) document(d, at, null);
                        }
                    } else if (t == JsonToken.START_OBJECT) {
                        object(p, line);
                    } else {
                        JsonNode d = bounded(p);
                        if (d != null) document(d, line, null);
                    }
                }
            } catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                fatal(line, null, "not valid JSON: " + JsonProblem.describe(e) + "; the rest of the input is not read");
            }
        }

        /** A top-level object: an AWS CLI output streamed field by field, or else one segment document. */
        private void object(JsonParser p, int line) throws IOException {
            ObjectNode fields = JsonNodeFactory.instance.objectNode();
            boolean container = false;
            boolean tooLarge = false;
            long start = offset(p);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("Traces") && value == JsonToken.START_ARRAY) {
                    container = true;
                    traces(p);
                } else if (name.equals("TraceSummaries") && value == JsonToken.START_ARRAY) {
                    container = true;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        JsonNode s = bounded(p);
                        if (s != null) sink.summary(s);
                    }
                } else if (name.equals("UnprocessedTraceIds")) {
                    container = true;
                    unprocessed(bounded(p), line(p));
                } else if (container || tooLarge) {
                    p.skipChildren();
                } else {
                    try {
                        fields.set(name, Json.readValue(p, Json.MAX_DOCUMENT_CHARS - (offset(p) - start)));
                    } catch (Json.TooLarge e) {
                        tooLarge = true;
                        fields.removeAll();
                    }
                }
            }
            if (container) return;
            if (tooLarge) fatal(line, null, tooLargeMessage());
            else document(fields, line, null);
        }

        /** {@code Traces}: each trace's {@code Segments}, one at a time. */
        private void traces(JsonParser p) throws IOException {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    bounded(p);
                    warn(line(p), "an entry of Traces is not an object; ignored");
                    continue;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (name.equals("Segments") && value == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            int line = line(p);
                            JsonNode s = bounded(p);
                            if (s != null) segmentEntry(s, line);
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
        }

        /** An entry of {@code Segments}: {@code {"Id": …, "Document": "<the document as a string>"}}. */
        private void segmentEntry(JsonNode entry, int line) {
            String id = entry.path("Id").isTextual() ? entry.get("Id").asText() : null;
            document(entry.has("Document") ? entry.get("Document") : entry, line, id);
        }

        /** A warning that names the first few ids and counts the rest (the CLI merges every page's). */
        private void unprocessed(JsonNode ids, int line) {
            if (ids != null && ids.isArray() && ids.size() > 0) {
                ArrayNode named = JsonNodeFactory.instance.arrayNode();
                for (int i = 0; i < Math.min(ids.size(), NAMED_IDS); i++) named.add(ids.get(i));
                String more = ids.size() > NAMED_IDS ? " and " + (ids.size() - NAMED_IDS) + " more" : "";
                warn(line, ids.size() + (ids.size() == 1 ? " trace id was" : " trace ids were")
                        + " unprocessed in this output: " + named + more);
            }
        }

        /** The value at the parser, or null (with a diagnostic) when it is longer than a document may be. */
        private JsonNode bounded(JsonParser p) throws IOException {
            int line = line(p);
            try {
                return Json.readValue(p, Json.MAX_DOCUMENT_CHARS);
            } catch (Json.TooLarge e) {
                fatal(line, null, tooLargeMessage());
                return null;
            }
        }

        // ---- one document ----

        /** One document, given as an object or as a string holding the JSON (as BatchGetTraces does). */
        void document(JsonNode doc, int line, String id) {
            if (doc.isTextual()) {
                String text = doc.asText(); // what the streaming parser declines is read below, and reported as always
                sink.parse(text, new Declined(text, line, id));
                return;
            }
            document(doc, null, line, id);
        }

        /** A document given as text that the streaming parser declined, read the usual way in its turn. */
        private final class Declined implements Runnable {
            private final String text;
            private final int line;
            private final String id;

            Declined(String text, int line, String id) {
                this.text = text;
                this.line = line;
                this.id = id;
            }

            @Override
            public void run() {
                declined(text, line, id);
            }
        }

        private void declined(String text, int line, String id) {
            JsonNode doc;
            try {
                doc = Json.read(text);
            } catch (JsonProcessingException e) {
                fatal(line, id, "Document is not valid JSON: " + JsonProblem.describe(e));
                return;
            }
            document(doc, text, line, id);
        }

        /** A document as a tree ({@code text}: what it was read from, or null). */
        private void document(JsonNode doc, String text, int line, String id) {
            if (isDaemonHeader(doc)) return;
            if (doc.isObject() && sink.other(doc)) return;
            List<Diagnostic> found = new ArrayList<>(0);
            SegmentParser parser = new SegmentParser(source, line, found);
            Segment s = text != null ? parser.parseText(doc, text) : parser.parseDocument(doc);
            found.forEach(sink::diagnostic);
            if (s != null) sink.segment(s);
        }

        private void fatal(int line, String id, String message) {
            sink.diagnostic(Diagnostic.fatal(source, line, id, message));
        }

        private void warn(int line, String message) {
            sink.diagnostic(Diagnostic.warning(source, line, null, message));
        }

        private static String tooLargeMessage() {
            return "document longer than " + mib(Json.MAX_DOCUMENT_CHARS) + " (X-Ray takes 64 KB per segment document); skipped";
        }

        private static int line(JsonParser p) {
            return p.currentTokenLocation().getLineNr();
        }

        private static long offset(JsonParser p) {
            return p.currentTokenLocation().getCharOffset();
        }
    }

    static String mib(long chars) {
        return chars / (1024 * 1024) + " MiB";
    }

    /** Lines of at most {@link Json#MAX_DOCUMENT_CHARS}; a longer one is skipped to its end, unread. */
    private static final class Lines {
        private final Reader in;
        private final char[] buf = new char[64 * 1024];
        private int pos;
        private int len;
        private int number;
        private boolean tooLong;
        private boolean binary;

        Lines(Reader in) {
            this.in = in;
        }

        /** The next line without its end, or null at the end of the input. */
        String next() throws IOException {
            StringBuilder line = new StringBuilder();
            tooLong = false;
            boolean any = false;
            boolean nul = false;
            while (true) {
                if (pos == len) {
                    len = Math.max(0, in.read(buf, 0, buf.length));
                    pos = 0;
                    if (len == 0) {
                        if (!any) return null;
                        break;
                    }
                }
                any = true;
                int start = pos;
                while (pos < len && buf[pos] != '\n') {
                    if (buf[pos] == 0) nul = true;
                    pos++;
                }
                if (!tooLong && line.length() + (pos - start) > Json.MAX_DOCUMENT_CHARS) {
                    tooLong = true;
                    line = new StringBuilder();
                }
                if (!tooLong) line.append(buf, start, pos - start);
                if (nul && tooLong) { // no line end to wait for (/dev/zero); a short line of NULs is one bad line
                    binary = true;
                    break;
                }
                if (pos < len) {
                    pos++; // the newline
                    break;
                }
            }
            number++;
            return line.toString();
        }

        int number() {
            return number;
        }

        boolean tooLong() {
            return tooLong;
        }

        /** A line over the limit holds a NUL byte: binary data, not text with lines, so reading stops. */
        boolean binary() {
            return binary;
        }
    }

    /** What was read ahead to decide the format, then the rest. */
    private static final class PrefixedReader extends Reader {
        private final char[] head;
        private final int headLength;
        private int at;
        private final Reader rest;

        PrefixedReader(char[] head, int headLength, Reader rest) {
            this.head = head;
            this.headLength = headLength;
            this.rest = rest;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (at < headLength) {
                int n = Math.min(len, headLength - at);
                System.arraycopy(head, at, buf, off, n);
                at += n;
                return n;
            }
            return rest.read(buf, off, len);
        }

        @Override
        public void close() throws IOException {
            rest.close();
        }
    }
}
