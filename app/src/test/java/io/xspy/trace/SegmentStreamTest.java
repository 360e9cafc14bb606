package io.xspy.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading as a stream: memory is one document, absurd input ends with one diagnostic. */
class SegmentStreamTest {

    static final String TRACE = SegmentDocumentsTest.TRACE;

    /** Collects what is read, and how far the input had been read when each segment arrived. */
    static final class Recorder implements SegmentDocuments.Sink {
        final List<Segment> segments = new ArrayList<>();
        final List<Diagnostic> diagnostics = new ArrayList<>();
        final List<Long> readAheadAtEachSegment = new ArrayList<>();
        Generated input;

        @Override
        public void segment(Segment s) {
            segments.add(s);
            if (input != null) readAheadAtEachSegment.add(input.produced - input.lineEndOf(segments.size()));
        }

        @Override
        public void diagnostic(Diagnostic d) {
            diagnostics.add(d);
        }
    }

    /** NDJSON documents made as they are read, never held whole. */
    static final class Generated extends InputStream {
        final int documents;
        long produced;
        private int next;
        private byte[] line = new byte[0];
        private int at;
        private final List<Long> lineEnds = new ArrayList<>();

        Generated(int documents) {
            this.documents = documents;
        }

        long lineEndOf(int document) {
            return lineEnds.get(document - 1);
        }

        @Override
        public int read() throws IOException {
            if (at == line.length) {
                if (next == documents) return -1;
                String id = String.format("%016x", next);
                String trace = String.format("1-581cf771-%024x", next++);
                line = ("{\"id\":\"" + id + "\",\"trace_id\":\"" + trace + "\",\"name\":\"n\",\"start_time\":1478293361.1,"
                        + "\"end_time\":1478293361.2,\"metadata\":{\"pad\":\"" + "x".repeat(400) + "\"}}\n")
                        .getBytes(StandardCharsets.UTF_8);
                at = 0;
                lineEnds.add(produced + line.length);
            }
            produced++;
            return line[at++] & 0xff;
        }
    }

    @Test
    void aLargeFileIsReadOneDocumentAtATime() throws IOException {
        Generated in = new Generated(5_000); // about 2.3 MB
        Recorder r = new Recorder();
        r.input = in;
        SegmentDocuments.read(in, "big.ndjson", r);
        assertEquals(5_000, r.segments.size());
        assertEquals(List.of(), r.diagnostics);
        long most = r.readAheadAtEachSegment.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(most <= 256 * 1024, "read at most a few buffers ahead of the document handed over, not the file: " + most);
    }

    @Test
    void anEndlessStreamOfZeroBytesEndsWithOneDiagnostic() throws IOException {
        InputStream zeros = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 0);
                return len;
            }
        };
        Recorder r = new Recorder();
        SegmentDocuments.read(zeros, "zero", r);
        assertEquals(1, r.diagnostics.size(), r.diagnostics.toString());
        assertEquals("zero: line 1: binary data (a NUL byte), not JSON text; the rest of the input is not read",
                r.diagnostics.get(0).toString());
    }

    /** A crash can leave a run of NUL bytes in a recording; what follows it is still read. */
    @Test
    void aLineOfNulBytesIsOneBadLineNotTheEndOfTheFile() throws IOException {
        String text = SegmentDocumentsTest.doc("a", "before") + "\n\0\0\0\0\n" + SegmentDocumentsTest.doc("b", "after") + "\n";
        Recorder r = new Recorder();
        SegmentDocuments.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "crash.ndjson", r);
        assertEquals(List.of("a", "b"), r.segments.stream().map(Segment::id).toList());
        assertEquals(1, r.diagnostics.size(), r.diagnostics.toString());
        String d = r.diagnostics.get(0).toString();
        assertTrue(d.startsWith("crash.ndjson: line 2: not valid JSON: binary data (a NUL byte), not JSON text"), d);
    }

    @Test
    void anOverLongLineIsRejectedAndTheFollowingLinesKept() throws IOException {
        String huge = "{\"id\":\"a\",\"trace_id\":\"" + TRACE + "\",\"name\":\"" + "x".repeat(Json.MAX_DOCUMENT_CHARS) + "\"}";
        String text = SegmentDocumentsTest.doc("b", "before") + "\n" + huge + "\n" + SegmentDocumentsTest.doc("c", "after") + "\n";
        Recorder r = new Recorder();
        SegmentDocuments.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "long.ndjson", r);
        assertEquals(List.of("b", "c"), r.segments.stream().map(Segment::id).toList());
        assertEquals(1, r.diagnostics.size(), r.diagnostics.toString());
        assertEquals("long.ndjson: line 2: longer than 4 MiB (X-Ray takes 64 KB per segment document); skipped",
                r.diagnostics.get(0).toString());
        assertTrue(r.diagnostics.get(0).fatal());
    }

    @Test
    void anOverLongDocumentInAnArrayIsSkippedAndTheNextKept() throws IOException {
        String huge = "{\"id\":\"a\",\"trace_id\":\"" + TRACE + "\",\"metadata\":{\"k\":[" + "1,".repeat(Json.MAX_DOCUMENT_CHARS / 2)
                + "1]},\"name\":\"x\"}";
        String text = "[\n" + huge + ",\n" + SegmentDocumentsTest.doc("c", "after") + "\n]\n";
        Recorder r = new Recorder();
        SegmentDocuments.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "long.json", r);
        assertEquals(List.of("c"), r.segments.stream().map(Segment::id).toList());
        assertEquals(List.of("long.json: line 2: document longer than 4 MiB (X-Ray takes 64 KB per segment document); skipped"),
                r.diagnostics.stream().map(Diagnostic::toString).toList());
    }

    /** The 4 MiB bound holds for a pretty-printed document made of countless plain fields, too. */
    @Test
    void anOverLongPrettyPrintedDocumentOfPlainFieldsIsSkippedAndTheNextKept() throws IOException {
        StringBuilder huge = new StringBuilder("{\n");
        for (int i = 0; huge.length() <= Json.MAX_DOCUMENT_CHARS; i++) huge.append("  \"k").append(i).append("\": 1,\n");
        huge.append("  \"id\": \"a\", \"trace_id\": \"").append(TRACE).append("\", \"name\": \"x\",")
                .append(" \"start_time\": 1478293361.1, \"end_time\": 1478293361.2\n}\n");
        String text = huge + SegmentDocumentsTest.doc("b", "after") + "\n";
        Recorder r = new Recorder();
        SegmentDocuments.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "big.json", r);
        assertEquals(List.of("b"), r.segments.stream().map(Segment::id).toList());
        assertEquals(List.of("big.json: line 1: document longer than 4 MiB (X-Ray takes 64 KB per segment document); skipped"),
                r.diagnostics.stream().map(Diagnostic::toString).toList());
    }

    @Test
    void aBrokenArrayKeepsWhatCameBeforeAndSaysWhereItBroke() throws IOException {
        String text = "[\n" + SegmentDocumentsTest.doc("a", "one") + ",\n{\"id\": x}\n]";
        Recorder r = new Recorder();
        SegmentDocuments.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "arr.json", r);
        assertEquals(List.of("a"), r.segments.stream().map(Segment::id).toList());
        assertEquals(1, r.diagnostics.size());
        String d = r.diagnostics.get(0).toString();
        assertTrue(d.startsWith("arr.json: line 3: not valid JSON: unexpected text 'x'"), d);
        assertTrue(d.endsWith("; the rest of the input is not read"), d);
    }

    @Test
    void aBrokenFirstLineIsOneBadLineOfNdjsonNotTheEndOfTheFile() throws IOException {
        String text = "{\"a\": NaN}\n" + SegmentDocumentsTest.doc("b", "kept") + "\n";
        Recorder r = new Recorder();
        SegmentDocuments.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "f.ndjson", r);
        assertEquals(List.of("b"), r.segments.stream().map(Segment::id).toList());
        assertEquals(List.of("f.ndjson: line 1: not valid JSON: NaN is not a valid number at column 7"),
                r.diagnostics.stream().map(Diagnostic::toString).toList());
    }

    @Test
    void prettyPrintedDocumentsOneAfterAnotherAreRead() throws IOException {
        String text = "{\n  \"id\": \"a\", \"trace_id\": \"" + TRACE + "\",\n  \"name\": \"one\", \"start_time\": 1478293361.1,"
                + " \"end_time\": 1478293361.2\n}\n" + SegmentDocumentsTest.doc("b", "two") + "\n";
        Recorder r = new Recorder();
        SegmentDocuments.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "jq.json", r);
        assertEquals(List.of("a", "b"), r.segments.stream().map(Segment::id).toList());
        assertEquals(List.of(), r.diagnostics);
    }
}
