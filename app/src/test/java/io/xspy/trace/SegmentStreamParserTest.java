package io.xspy.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The streaming fast path gives the Segment SegmentParser gives, field for field (the raw JSON text
 * included), or declines: over every segment document in the test resources, and over variants of
 * them with each field removed or given a value of every JSON type.
 */
class SegmentStreamParserTest {

    /** A Lambda segment as SDKs send it over UDP (UdpIngestBenchmark's), in compact form. */
    static final String LAMBDA = "{\"id\":\"0000000001000000\",\"trace_id\":\"1-65000000-000000000000000000000000\","
            + "\"parent_id\":\"0000000002000000\",\"name\":\"resize\",\"origin\":\"AWS::Lambda::Function\","
            + "\"start_time\":1700000000.000000,\"end_time\":1700000000.120000,\"aws\":{\"account_id\":\"123456789012\","
            + "\"function_arn\":\"arn:aws:lambda:eu-central-1:123456789012:function:resize\",\"resource_names\":[\"resize\"],"
            + "\"xray\":{\"sdk\":\"X-Ray for Go\",\"sdk_version\":\"1.8.4\"}},\"annotations\":{\"key\":\"uploads/0.png\"},"
            + "\"subsegments\":[{\"id\":\"0000000003000000\",\"name\":\"DynamoDB\",\"namespace\":\"aws\","
            + "\"start_time\":1700000000.010000,\"end_time\":1700000000.030000,\"http\":{\"response\":{\"status\":200}},"
            + "\"aws\":{\"operation\":\"PutItem\",\"region\":\"eu-central-1\",\"table_name\":\"items\",\"retries\":0}}]}";

    /** Spellings the tree writes differently from how they came: whitespace, escapes, exponents, big numbers. */
    static final String ODD_SPELLINGS = """
            { "id" : "abc\\u0041", "trace_id":"1-581cf771-a006649127e371903a2de979", "name":"caf\\u00e9 \\"q\\" \\/ \\t",
              "start_time": 1.478293361271E9, "end_time": 1478293362,
              "metadata": {"big": 123456789012345678901234567890, "long": 12345678901234, "neg": -0.0, "e": 1e-7,
                           "nested": [[], {}, [null, true, false, "\\ud83d\\ude00"]], "emoji": "😀",
                           "control": "a\\u0001\\n\\r\\b\\f\\u001f\\"\\\\\\u007f end", "we\\u0009ird \\"key\\"": 1,
                           "overflow": 1e400, "lone": "\\ud800", "zero": -0, "tiny": 4.9e-324},
              "annotations": {"n": 1.50, "i": 7, "b": false, "s": "x"},
              "precursor_ids": ["a", 1, 2.5, true, null, {"x": 1}],
              "http": {"request": {"method": "GET"}, "response": {"status": 200.0, "content_length": 1e3}},
              "subsegments": [{"id": "s2", "name": "later", "start_time": 1478293361.5, "end_time": 1478293361.6},
                              {"id": "s1", "name": "earlier", "start_time": 1478293361.3, "in_progress": true}] }
            """;

    private static final Object[] VALUES = {"x", "", 1, -1, 1.5, 1e300, 12345678901234567890.0, true, false, null,
            Map.of(), List.of(), List.of(1, "a"), Map.of("k", "v")};

    @Test
    void everyResourceDocumentTakesTheFastPathAndGivesWhatSegmentParserGives() throws IOException {
        List<String> documents = resourceDocuments();
        assertTrue(documents.size() >= 40, "found only " + documents.size() + " documents in the test resources");
        for (String doc : documents) {
            Outcome o = compare(doc);
            if (o == Outcome.CLEAN_DECLINED) fail("a clean document took the slow path: " + doc);
        }
    }

    @Test
    void theBenchmarkDocumentAndOddSpellingsTakeTheFastPath() throws IOException {
        String sameNamesApart = LAMBDA.replace("{\"id\"", "{\"metadata\":{\"a\":{\"b\":1,\"c\":[{\"b\":2}]},\"b\":{\"b\":3}},\"id\"");
        String duplicateInATree = LAMBDA.replace("\"status\":", "\"status\":1,\"status\":"); // a tree keeps the last, both ways
        String awsRich = LAMBDA.replace("\"resource_names\":[\"resize\"]", "\"resource_names\":[\"resize\",\"b\"],"
                + "\"cloudwatch_logs\":[{\"arn\":\"x\",\"log_group\":\"/g\"},{\"log_group\":\"/h\"}],\"ecs\":{\"container\":\"c\"}");
        for (String doc : List.of(LAMBDA, ODD_SPELLINGS, SegmentParserTest.FULL, sameNamesApart, duplicateInATree, awsRich)) {
            assertEquals(Outcome.FAST, compare(doc), doc);
        }
        for (String logs : List.of("[\"s\",{\"log_group\":\"/g\"}]", "[]", "{\"log_group\":\"/g\"}", "[{\"log_group\":5}]",
                "[{\"log_group\":null},[1]]", "[[{\"log_group\":\"/g\"}]]", "null")) {
            compare(awsRich.replace("[{\"arn\":\"x\",\"log_group\":\"/g\"},{\"log_group\":\"/h\"}]", logs));
        }
        for (String xray : List.of("{\"sdk\":\"a\"}", "{\"sdk_version\":\"1\"}", "{}", "\"s\"", "[]", "null", "{\"sdk\":1}",
                "{\"sdk\":\"a\",\"sdk\":\"b\"}", "{\"sdk\":\"a\",\"more\":{\"sdk\":2}}")) {
            compare(LAMBDA.replace("{\"sdk\":\"X-Ray for Go\",\"sdk_version\":\"1.8.4\"}", xray));
        }
    }

    @Test
    void aFieldOfAnyTypeOrMissingGivesTheSameSegmentOrTheSlowPath() throws IOException {
        int fast = 0;
        int slow = 0;
        for (String base : List.of(LAMBDA, ODD_SPELLINGS, SegmentParserTest.FULL)) {
            for (String doc : variants(base)) {
                Outcome o = compare(doc);
                if (o == Outcome.FAST) fast++;
                else slow++;
            }
        }
        assertTrue(fast > 100 && slow > 100, "fast " + fast + ", slow " + slow + ": the variants should take both paths");
    }

    @Test
    void whatIsNotAOneObjectDocumentTakesTheSlowPath() throws IOException {
        for (String doc : List.of("", "[]", "null", "{\"id\":", "{} {}", LAMBDA + " x", "{\"id\":\"a\",\"id\":\"b\"}",
                LAMBDA.replace("\"name\":\"resize\"", "\"name\":\"resize\",\"name\":\"again\""),
                LAMBDA.replace("\"name\":\"DynamoDB\"", "\"name\":\"DynamoDB\",\"name\":\"again\""),
                LAMBDA.replace("{\"id\"", "{\"metadata\":{\"a\":[{\"b\":1,\"b\":2}]},\"id\""))) {
            assertNull(new SegmentStreamParser().parse(bytes(doc), 0, bytes(doc).length), doc);
            assertNull(new SegmentStreamParser().parseText(doc), doc);
        }
    }

    @Test
    void manyFieldsInOneObjectOrDeeplyNestedSubsegmentsTakeTheSlowPathAndLoseNothing() throws IOException {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 200; i++) fields.append("\"f").append(i).append("\":").append(i).append(',');
        String wide = LAMBDA.replace("{\"id\"", "{\"metadata\":{" + fields + "\"last\":0},\"id\"");
        String node = "{\"id\":\"d%d\",\"name\":\"n\",\"start_time\":1700000000.02,\"end_time\":1700000000.021%s}";
        String inner = String.format(node, 100, "");
        for (int i = 99; i >= 0; i--) inner = String.format(node, i, ",\"subsegments\":[" + inner + "]");
        String deep = LAMBDA.replace("\"subsegments\":[", "\"subsegments\":[" + inner + ",");
        for (String doc : List.of(wide, deep)) assertEquals(Outcome.CLEAN_DECLINED, compare(doc));
    }

    @Test
    void aDocumentInsideALargerBufferIsReadFromItsOffset() {
        byte[] datagram = bytes("{\"format\":\"json\",\"version\":1}\n" + LAMBDA);
        int at = datagram.length - bytes(LAMBDA).length;
        Segment s = new SegmentStreamParser().parse(datagram, at, datagram.length - at);
        assertNotNull(s);
        assertEquals("resize", s.name());
        assertEquals("DynamoDB", s.subsegments().get(0).name());
    }

    @Test
    void traceIdsAreCheckedAsSegmentParsersPatternChecksThem() {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile("1-[0-9a-f]{8}-[0-9a-f]{24}");
        String good = "1-581cf771-a006649127e371903a2de979";
        List<String> ids = new ArrayList<>(List.of(good, "", "1-", good + "0", good.substring(1), "2" + good.substring(1),
                good.replace('-', '_'), good.toUpperCase(), "1-581cf771a-006649127e371903a2de979"));
        for (int i = 0; i < good.length(); i++) {
            for (char c : new char[] {'g', 'A', '/', ':', '`', '-', '0'}) {
                ids.add(good.substring(0, i) + c + good.substring(i + 1));
            }
        }
        for (String id : ids) assertEquals(pattern.matcher(id).matches(), SegmentStreamParser.isTraceId(id), id);
    }

    private enum Outcome { FAST, DECLINED, CLEAN_DECLINED }

    /** Parses a document both ways; the fast path's Segment must equal SegmentParser's, or be declined. */
    private static Outcome compare(String doc) throws IOException {
        byte[] b = bytes(doc);
        List<Diagnostic> found = new ArrayList<>();
        Segment expected;
        try {
            expected = new SegmentParser("udp", found).parseDocument(Json.read(b, 0, b.length));
        } catch (IOException | RuntimeException e) {
            assertNull(new SegmentStreamParser().parse(b, 0, b.length), "not JSON for SegmentParser, read anyway: " + doc);
            return Outcome.DECLINED;
        }
        Segment actual = new SegmentStreamParser().parse(b, 0, b.length);
        boolean clean = expected != null && found.isEmpty();
        Outcome text = compareText(doc, clean);
        if (actual == null) {
            Outcome o = clean ? Outcome.CLEAN_DECLINED : Outcome.DECLINED;
            assertEquals(o, text, "the text path declines what the bytes path declines: " + doc);
            return o;
        }
        assertTrue(clean, "the fast path read a document SegmentParser reports (" + found + "): " + doc);
        assertSameSegment(expected, actual, doc);
        if (!hasForeignField(doc)) assertEquals(Outcome.FAST, text, "the text path reads what the bytes path reads: " + doc);
        else assertEquals(Outcome.CLEAN_DECLINED, text, "a field X-Ray's documents lack takes SegmentParser's way: " + doc);
        return Outcome.FAST;
    }

    /**
     * A document given as text (BatchGetTraces' Document strings): the fast path's Segment must equal
     * SegmentParser.parseText's, the text kept as given, or be declined.
     */
    private static Outcome compareText(String doc, boolean clean) {
        Segment actual = new SegmentStreamParser().parseText(doc);
        if (actual == null) return clean ? Outcome.CLEAN_DECLINED : Outcome.DECLINED;
        assertTrue(clean, "the text path read a document SegmentParser reports: " + doc);
        Segment expected;
        try {
            expected = new SegmentParser("file", new ArrayList<>()).parseText(Json.read(doc), doc);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertSameSegment(expected, actual, doc);
        assertEquals(new String(bytes(doc), StandardCharsets.UTF_8), actual.json().text(), "the text is kept as given");
        return Outcome.FAST;
    }

    /** A top-level field that segment documents do not have (a sink may take such an object for its own). */
    private static boolean hasForeignField(String doc) throws IOException {
        List<String> names = new ArrayList<>();
        Json.read(doc).fieldNames().forEachRemaining(names::add);
        return !List.of("id", "trace_id", "type", "parent_id", "name", "origin", "namespace", "user", "resource_arn",
                "inferred", "in_progress", "error", "throttle", "fault", "start_time", "end_time", "subsegments", "service",
                "sql", "http", "aws", "annotations", "metadata", "cause", "precursor_ids", "links").containsAll(names);
    }

    @Test
    void aDocumentGivenAsTextWithAFieldOfAnOtlpRequestIsLeftToTheCallersSink() {
        for (String field : List.of("resourceSpans", "resource_spans", "result", "Dummy")) {
            String doc = LAMBDA.replace("{\"id\"", "{\"" + field + "\":[],\"id\"");
            assertNull(new SegmentStreamParser().parseText(doc), doc);
            assertNotNull(new SegmentStreamParser().parse(bytes(doc), 0, bytes(doc).length), doc);
        }
        assertNotNull(new SegmentStreamParser().parseText(LAMBDA));
    }

    /** Record components compared one by one; the JSON by its text (RawJson is compared by identity). */
    private static void assertSameSegment(Segment expected, Segment actual, String doc) {
        assertSameRecord(expected, actual, doc + "\n at " + expected.id());
    }

    private static void assertSameRecord(Record expected, Record actual, String where) {
        for (RecordComponent c : expected.getClass().getRecordComponents()) {
            Object e;
            Object a;
            try {
                e = c.getAccessor().invoke(expected);
                a = c.getAccessor().invoke(actual);
            } catch (ReflectiveOperationException x) {
                throw new AssertionError(x);
            }
            String at = where + "." + c.getName();
            if (e instanceof RawJson je) {
                assertEquals(je.text(), ((RawJson) a).text(), at);
            } else if (e instanceof AwsInfo ae) {
                assertSameRecord(ae, (AwsInfo) a, at);
            } else if (c.getName().equals("subsegments")) {
                List<?> el = (List<?>) e;
                List<?> al = (List<?>) a;
                assertEquals(el.size(), al.size(), at);
                for (int i = 0; i < el.size(); i++) assertSameRecord((Segment) el.get(i), (Segment) al.get(i), at + "[" + i + "]");
            } else {
                assertEquals(e, a, at);
            }
        }
    }

    /** The document with each field (top level, first subsegment, http, aws) removed or set to each of VALUES. */
    private static List<String> variants(String base) throws IOException {
        List<String> out = new ArrayList<>();
        ObjectNode doc = (ObjectNode) Json.read(base);
        List<ObjectNode> places = new ArrayList<>(List.of(doc));
        JsonNode subs = doc.get("subsegments");
        if (subs != null && subs.size() > 0) places.add((ObjectNode) subs.get(0));
        for (String nested : List.of("http", "aws", "cause")) {
            if (doc.get(nested) instanceof ObjectNode o) places.add(o);
        }
        List<String> extraFields = List.of("inferred", "type", "in_progress", "parent_id", "service", "resource_arn");
        for (ObjectNode place : places) {
            List<String> fields = new ArrayList<>();
            place.fieldNames().forEachRemaining(fields::add);
            for (String f : extraFields) if (!fields.contains(f)) fields.add(f);
            for (String field : fields) {
                JsonNode was = place.get(field);
                place.remove(field);
                out.add(doc.toString());
                for (Object v : VALUES) {
                    place.set(field, Json.mapper().valueToTree(v));
                    out.add(doc.toString());
                }
                if (was != null) place.set(field, was);
                else place.remove(field);
            }
        }
        out.add(doc.toPrettyString());
        return out;
    }

    /** Every segment document in the test resources: NDJSON lines, and objects with a trace_id in JSON files. */
    private static List<String> resourceDocuments() throws IOException {
        List<String> out = new ArrayList<>();
        Path root = Path.of("src/test/resources");
        List<Path> files;
        try (Stream<Path> all = Files.walk(root)) {
            files = all.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".ndjson"))
                    .filter(p -> !p.toString().contains("sdk-spans")).sorted().toList();
        }
        for (Path f : files) {
            String text = Files.readString(f);
            if (f.toString().endsWith(".ndjson")) {
                for (String line : text.split("\n")) {
                    if (line.startsWith("{") && line.contains("\"trace_id\"")) out.add(line);
                }
            } else {
                collect(Json.read(text), out);
            }
        }
        return out;
    }

    /** Objects with a trace_id, and strings holding one (BatchGetTraces' Document fields), as found. */
    private static void collect(JsonNode n, List<String> out) {
        if (n.isTextual() && n.asText().startsWith("{") && n.asText().contains("\"trace_id\"")) out.add(n.asText());
        else if (n.isObject() && n.has("trace_id")) out.add(n.toString());
        else for (JsonNode child : n) collect(child, out);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
