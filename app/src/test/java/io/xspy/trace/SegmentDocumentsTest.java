package io.xspy.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The containers users have, and what bad input turns into. */
class SegmentDocumentsTest {

    static final String TRACE = "1-581cf771-a006649127e371903a2de979";

    static String doc(String id, String name) {
        return "{\"id\":\"" + id + "\",\"trace_id\":\"" + TRACE + "\",\"name\":\"" + name
                + "\",\"start_time\":1478293361.1,\"end_time\":1478293361.2}";
    }

    private static List<String> ids(ParseResult r) {
        return r.segments().stream().map(Segment::id).toList();
    }

    private static String messages(ParseResult r) {
        return r.diagnostics().toString();
    }

    @Test
    void batchGetTracesWithDocumentStrings() {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode traces = root.putArray("Traces");
        ObjectNode t = traces.addObject();
        t.put("Id", TRACE).put("Duration", 0.1).put("LimitExceeded", false);
        ArrayNode segs = t.putArray("Segments");
        segs.addObject().put("Id", "a").put("Document", doc("a", "one"));
        segs.addObject().put("Id", "b").put("Document", doc("b", "two"));
        segs.addObject().put("Id", "c").put("Document", "{not json");
        root.putArray("UnprocessedTraceIds").add("1-00000000-000000000000000000000000");
        ParseResult r = SegmentDocuments.parse(root.toString(), "batch.json");
        assertEquals(List.of("a", "b"), ids(r));
        assertEquals(2, r.diagnostics().size(), messages(r));
        assertTrue(r.diagnostics().get(0).toString().startsWith("batch.json: line 1: segment c: Document is not valid JSON"),
                messages(r));
        assertTrue(r.diagnostics().get(1).message().contains("1 trace id was unprocessed"), messages(r));
    }

    /** A Document string is kept as it was written (not as Jackson would write the tree anew), its subsegments within it. */
    @Test
    void aDocumentStringIsKeptAsWritten() {
        String written = "{ \"id\": \"a\", \"trace_id\": \"" + TRACE + "\", \"name\": \"one\", \"start_time\": 1478293361.100,"
                + " \"end_time\": 1478293361.2, \"subsegments\": [{\"id\": \"s\", \"name\": \"DynamoDB\","
                + " \"start_time\": 1478293361.15, \"end_time\": 1478293361.16}] }";
        ObjectNode root = Json.mapper().createObjectNode();
        root.putArray("Traces").addObject().put("Id", TRACE).putArray("Segments").addObject().put("Id", "a").put("Document", written);
        ParseResult r = SegmentDocuments.parse(root.toString(), "batch.json");
        Segment a = r.segments().get(0);
        assertEquals(written, a.json().text());
        assertEquals("DynamoDB", a.subsegments().get(0).json().node().get("name").asText());
    }

    /** batch-get-traces of a thousand expired ids: the warning names a few, not all 38 KB of them. */
    @Test
    void manyUnprocessedIdsAreCountedAndAFewNamed() {
        ObjectNode root = Json.mapper().createObjectNode();
        root.putArray("Traces");
        ArrayNode ids = root.putArray("UnprocessedTraceIds");
        for (int i = 0; i < 1000; i++) ids.add(String.format("1-00000000-%024d", i));
        ParseResult r = SegmentDocuments.parse(root.toString(), "batch.json");
        assertEquals(1, r.diagnostics().size(), messages(r));
        String m = r.diagnostics().get(0).message();
        assertTrue(m.startsWith("1000 trace ids were unprocessed in this output: [\"1-00000000-000000000000000000000000\","), m);
        assertTrue(m.endsWith(" and 995 more"), m);
    }

    @Test
    void arrayOfDocuments() {
        ParseResult r = SegmentDocuments.parse("[" + doc("a", "one") + ",\n " + doc("b", "two") + ", 42]", "arr.json");
        assertEquals(List.of("a", "b"), ids(r));
        assertEquals(1, r.diagnostics().size());
        assertEquals("arr.json: line 2: not a JSON object but a number; skipped", r.diagnostics().get(0).toString());
    }

    @Test
    void ndjsonWithDaemonHeadersBlankLinesAndGarbage() {
        String text = "{\"format\":\"json\",\"version\":1}\n" + doc("a", "one") + "\n\n"
                + "{\"format\":\"json\",\"version\":1}\r\n" + doc("b", "two") + "\r\n" + "this is not json\n" + doc("c", "three");
        ParseResult r = SegmentDocuments.parse(text, "daemon.log");
        assertEquals(List.of("a", "b", "c"), ids(r));
        assertEquals(1, r.diagnostics().size(), messages(r));
        assertTrue(r.diagnostics().get(0).toString().startsWith("daemon.log: line 6: not valid JSON: unexpected text 'this' at column 1"), messages(r));
    }

    /** The first line is a complete JSON value; the rest must not be dropped. */
    @Test
    void ndjsonIsNotReadAsItsFirstDocument() {
        ParseResult r = SegmentDocuments.parse(doc("a", "one") + "\n" + doc("b", "two") + "\n", "two.ndjson");
        assertEquals(List.of("a", "b"), ids(r));
        assertEquals(List.of(), r.diagnostics());
    }

    @Test
    void singleDocumentAndTraceSummaries() {
        assertEquals(List.of("a"), ids(SegmentDocuments.parse(doc("a", "one"), "one.json")));
        ParseResult s = SegmentDocuments.parse("{\"TraceSummaries\":[{\"Id\":\"" + TRACE + "\",\"Duration\":0.3}]}", "sum.json");
        assertEquals(1, s.traceSummaries().size());
        assertEquals(0, s.segments().size());
    }

    @Test
    void emptyInput() {
        ParseResult r = SegmentDocuments.parse("  \n ", "empty.json");
        assertEquals("empty.json: empty input: no segment documents", r.diagnostics().get(0).toString());
    }

    /** A broken field gives a diagnostic naming the document and the problem; the rest is kept. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "name missing        | name      | <remove>         | segment a: missing required field name",
        "name a number       | name      | 7                | segment a: name is a number, expected a string; read as text",
        "start_time a string | start_time| \"soon\"         | segment a: start_time is a string, expected a number; ignored",
        "start_time missing  | start_time| <remove>         | segment a: missing start_time; placed at its end time",
        "start_time in ms    | start_time| 1478293361100    | segment a: start_time 1.4782933611E12 is not a time in seconds since the epoch; ignored",
        "end before start    | end_time  | 1478293360.1     | segment a: end_time before start_time by 1.000000 s; shown as zero length",
        "end_time negative   | end_time  | -5               | segment a: end_time -5.0 is not a time in seconds since the epoch; ignored",
        "fault a string      | fault     | \"yes\"          | segment a: fault is a string, expected true or false; ignored",
        "http an array       | http      | []               | segment a: http is an array, not an object; ignored",
        "aws a string        | aws       | \"x\"            | segment a: aws is a string, not an object; ignored",
        "annotations nested  | annotations| {\"k\":{}}      | segment a: annotation k is an object; annotations are strings, numbers or booleans",
        "subsegments object  | subsegments| {}              | segment a: subsegments is an object, not an array; ignored",
        "bad trace_id form   | trace_id  | \"abc\"          | segment a: trace_id \"abc\" is not in X-Ray's 1-xxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx form",
    })
    void badFieldKeepsTheDocument(String what, String field, String value, String expected) {
        ParseResult r = SegmentDocuments.parse(mutate(field, value), "bad.json");
        assertEquals(1, r.segments().size(), what);
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.toString().equals("bad.json: line 1: " + expected)), messages(r));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "trace_id missing | trace_id   | <remove> | segment a: missing required field trace_id; skipped",
        "trace_id object  | trace_id   | {}       | segment a: missing required field trace_id; skipped",
    })
    void unplaceableDocumentIsSkipped(String what, String field, String value, String expected) {
        ParseResult r = SegmentDocuments.parse("[" + mutate(field, value) + "," + doc("b", "two") + "]", "bad.json");
        assertEquals(List.of("b"), ids(r), what);
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.toString().equals("bad.json: line 1: " + expected)), messages(r));
    }

    @Test
    void missingIdIsNamedAndNoTimeAtAllSkips() {
        ParseResult r = SegmentDocuments.parse(mutate("id", "<remove>"), "x.json");
        assertEquals("missing-id#1", r.segments().get(0).id());
        assertTrue(messages(r).contains("missing required field id; called missing-id#1"), messages(r));
        ParseResult none = SegmentDocuments.parse(edit(o -> { o.remove("start_time"); o.remove("end_time"); }), "x.json");
        assertEquals(0, none.segments().size());
        assertTrue(messages(none).contains("segment a: no usable start_time or end_time; skipped"), messages(none));
    }

    @Test
    void missingEndMeansInProgressAndBothMeansEnded() {
        ParseResult open = SegmentDocuments.parse(edit(o -> o.remove("end_time")), "x.json");
        assertTrue(open.segments().get(0).inProgress());
        assertTrue(messages(open).contains("no end_time and not in_progress; shown as in progress"));
        ParseResult both = SegmentDocuments.parse(edit(o -> o.put("in_progress", true)), "x.json");
        assertTrue(!both.segments().get(0).inProgress());
        assertTrue(messages(both).contains("in_progress with an end_time; the end time is kept"));
    }

    @Test
    void notJsonAtAll() {
        ParseResult r = SegmentDocuments.parse("<html>503 Service Unavailable</html>", "page.html");
        assertEquals(0, r.segments().size());
        assertTrue(r.diagnostics().get(0).toString().startsWith("page.html: line 1: not valid JSON: unexpected character '<' at column 1"), messages(r));
    }

    @Test
    void aBadSubsegmentIsSkippedAndItsSiblingsKept() {
        ParseResult r = SegmentDocuments.parse(edit(o -> {
            ArrayNode subs = o.putArray("subsegments");
            subs.add("oops");
            subs.addObject().put("id", "s1").put("name", "ok").put("start_time", 1478293361.15).put("end_time", 1478293361.16);
            subs.addObject().put("id", "s2").put("name", "no time");
        }), "x.json");
        Segment s = r.segments().get(0);
        assertEquals(List.of("s2", "s1"), s.subsegments().stream().map(Segment::id).toList(), "s2 placed at its parent's start, so first");
        assertEquals(s.startTime(), s.subsegments().get(0).startTime());
        assertTrue(messages(r).contains("segment a: a subsegment is a string, not an object; skipped"), messages(r));
    }

    private static String mutate(String field, String value) {
        return edit(o -> {
            if (value.equals("<remove>")) o.remove(field);
            else {
                try {
                    o.set(field, Json.mapper().readTree(value));
                } catch (Exception e) {
                    throw new IllegalArgumentException(value, e);
                }
            }
        });
    }

    private static String edit(Consumer<ObjectNode> change) {
        try {
            ObjectNode o = (ObjectNode) Json.mapper().readTree(doc("a", "one"));
            change.accept(o);
            return o.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Documents given as text are parsed on a second core while reading goes on: the sink must get the
     * same calls in the same order as from one core, whatever is clean, bad, warned about or not UTF-8.
     */
    @Test
    void parsingOnASecondCoreGivesTheSinkTheSameCallsInTheSameOrder() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        write(file, "{\"Traces\": [{\"Id\": \"" + TRACE + "\", \"Segments\": [\n");
        for (int i = 0; i < 2_000; i++) {
            String document = switch (i % 13) {
                case 3 -> "{not json " + i;
                case 5 -> doc("d" + i, "warned").replace("\"end_time\"", "\"error\":\"yes\",\"end_time\""); // kept, warned
                case 7 -> doc("d" + i, "no trace").replace("\"trace_id\":\"" + TRACE + "\",", ""); // rejected
                case 11 -> doc("d" + i, "foreign").replace("{\"id\"", "{\"resourceSpans\":[],\"id\""); // the tree's way
                default -> doc("d" + i, "clean-" + i).replace("\"end_time\"", "\"subsegments\":[{\"id\":\"s" + i
                        + "\",\"name\":\"sub\",\"start_time\":1478293361.15,\"end_time\":1478293361.16}],\"end_time\"");
            };
            write(file, (i == 0 ? "" : ",\n") + "{\"Id\": \"d" + i + "\", \"Document\": " + Json.mapper().writeValueAsString(document) + "}");
            if (i == 1_000) file.write(new byte[] {',', '\n', '{', '"', 'I', 'd', '"', ':', '"', (byte) 0xFF, '"', '}'}); // not UTF-8, and no document
            if (i == 1_500) write(file, ",\n\"not an entry\"");
        }
        write(file, "\n]}, 7], \"UnprocessedTraceIds\": [\"1-00000000-000000000000000000000000\"]}\n");
        byte[] bytes = file.toByteArray();
        List<String> oneCore = calls(bytes, false);
        assertTrue(oneCore.size() > 2_000 && oneCore.stream().anyMatch(c -> c.contains("not UTF-8"))
                && oneCore.stream().anyMatch(c -> c.contains("not valid JSON")), oneCore.subList(0, 20).toString());
        for (int round = 0; round < 3; round++) assertEquals(oneCore, calls(bytes, true));
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Every call the sink gets, in order, as text. */
    private static List<String> calls(byte[] input, boolean parallel) throws IOException {
        List<String> calls = new ArrayList<>();
        SegmentDocuments.read(new ByteArrayInputStream(input), "batch.json", new SegmentDocuments.Sink() {
            @Override
            public void segment(Segment s) {
                calls.add("segment " + s.id() + " " + s.name() + " " + s.subsegments().size() + " " + s.json().text());
            }

            @Override
            public boolean other(com.fasterxml.jackson.databind.JsonNode object) {
                calls.add("other " + object);
                return false;
            }

            @Override
            public void diagnostic(Diagnostic d) {
                calls.add("diagnostic " + d);
            }
        }, parallel);
        return calls;
    }
}
