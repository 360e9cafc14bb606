package io.xspy.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

/**
 * The UDP receiver's fast path: a segment document read straight from its bytes with Jackson's
 * streaming parser, without building a JSON tree and writing it back out for {@link RawJson} (the
 * two were more than half of a datagram's CPU). The text kept is written token by token the way
 * Jackson writes the tree, so it is the same text. Only the small objects SegmentParser reads field
 * by field (http, aws, annotations, cause, precursor_ids) become trees, read as SegmentParser reads them.
 * The text is written by {@link TreeText}, not a JsonGenerator (which cost as much as the tree).
 * <p>Only a clean document takes this path: anything SegmentParser would report (a field of the
 * wrong type, a missing id, an impossible time, a duplicate field, bad JSON) makes {@link #parse}
 * return null, and the caller parses the document with SegmentParser, which reports it as always.
 * So the Segment is the same either way (SegmentStreamParserTest compares the two). One per thread.
 */
public final class SegmentStreamParser {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Json.MAX_DOCUMENT_CHARS).build())
            // the same doubles as the JDK's parser (both round correctly), without its BigInteger arithmetic
            // for the 16- and 17-digit times SDKs write (FDBigInteger was a tenth of a cold big trace's parse)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();
    /** Interned strings by value, in front of String.intern (a JVM call that was a fifth of the time). */
    private static final int NAMES = 4096;

    /** Thrown (without a stack) when the document needs SegmentParser. */
    private static final class NotClean extends RuntimeException {
        NotClean() {
            super(null, null, false, false);
        }
    }

    private static final NotClean NOT_CLEAN = new NotClean();

    /** A node's fields as read, turned into a Segment once its id and its document's text are known. */
    private static final class Node {
        String id;
        String traceId;
        String type;
        String parentId;
        String name;
        String origin;
        String namespace;
        String user;
        String resourceArn;
        /** The inferred field: null absent (or JSON null), else TRUE/FALSE, or NOT_BOOLEAN. */
        Object inferred;
        Boolean inProgress;
        boolean error;
        boolean throttle;
        boolean fault;
        Double start;
        Double end;
        JsonNode http;
        Aws aws;
        Map<String, Object> annotations = Map.of();
        JsonNode cause;
        JsonNode precursorIds;
        List<Node> subsegments = List.of();
        /** A field X-Ray's segment documents do not have (a caller's sink may take such an object for its own). */
        boolean foreign;
    }

    /** The fields of X-Ray's segment documents: a document given as text with any other takes SegmentParser's way. */
    private static final java.util.Set<String> DOCUMENT_FIELDS = java.util.Set.of("id", "trace_id", "type", "parent_id",
            "name", "origin", "namespace", "user", "resource_arn", "inferred", "in_progress", "error", "throttle", "fault",
            "start_time", "end_time", "subsegments", "service", "sql", "http", "aws", "annotations", "metadata", "cause",
            "precursor_ids", "links");

    private static final Object NOT_BOOLEAN = new Object();

    /** The aws fields SegmentParser reads as text, in AwsInfo's order (all but the first interned). */
    private static final String[] AWS_TEXTS = {"request_id", "operation", "region", "account_id", "table_name",
            "queue_url", "function_arn", "function_name", "bucket_name", "topic_arn"};

    /** An aws object's fields as read; its AwsInfo is made once the node's JSON is known. */
    private static final class Aws {
        final String[] texts = new String[AWS_TEXTS.length];
        List<String> resourceNames = List.of();
        String logGroup;
        String xraySdk;
    }

    private final TreeText text = new TreeText();
    /**
     * The field names of the objects being read, innermost last: a name twice in one object takes the
     * slow path (a tree keeps one of them). Jackson's own detection cost a hash set per object.
     */
    private String[] names = new String[64];
    private int namesSize;
    /** Where each open object's names start, for the objects {@link #copy} is inside. */
    private int[] opened = new int[16];
    private final List<Diagnostic> found = new ArrayList<>();
    private final SegmentParser nested = new SegmentParser("udp", found);
    /** More fields in one object, or subsegments nested deeper, take the slow path (no quadratic scan, no deep recursion). */
    private static final int MAX_FIELDS = 64;
    private static final int MAX_NESTING = 64;
    private int nesting;
    /** Names and the trace ids of recent documents; emptied when full (a trace's documents come together). */
    private final HashMap<String, String> interned = new HashMap<>();

    /** The document's Segment, or null when it is not clean (parse it with SegmentParser then). */
    public Segment parse(byte[] bytes, int offset, int length) {
        text.reset();
        found.clear();
        namesSize = 0;
        nesting = 0;
        try (JsonParser p = FACTORY.createParser(bytes, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            Node doc = object(p, text);
            if (p.nextToken() != null) return null; // trailing content: SegmentParser's error
            return document(doc, RawJson.document(text.text()));
        } catch (IOException | RuntimeException e) { // NotClean among them
            return null;
        }
    }

    /**
     * A document given as text, as BatchGetTraces gives each: the Segment SegmentParser.parseText gives,
     * keeping that text as it is (nothing is written anew), or null when it is not clean or has a field
     * X-Ray's documents do not have (parse it with SegmentParser then).
     */
    public Segment parseText(String json) {
        found.clear();
        namesSize = 0;
        nesting = 0;
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            Node doc = object(p, TreeText.NONE);
            if (p.nextToken() != null || doc.foreign) return null;
            return document(doc, RawJson.document(json));
        } catch (IOException | RuntimeException e) { // NotClean among them
            return null;
        }
    }

    /** The object starting at the current token, copied to {@code g}; the parser is left on its end. */
    private Node object(JsonParser p, TreeText g) throws IOException {
        Node n = new Node();
        g.startObject();
        int from = namesSize;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String field = p.currentName();
            name(from, field);
            g.field(field);
            t = p.nextToken();
            switch (field) {
                case "id" -> n.id = text(p, g, t);
                case "trace_id" -> n.traceId = text(p, g, t);
                case "type" -> n.type = text(p, g, t);
                case "parent_id" -> n.parentId = text(p, g, t);
                case "name" -> n.name = text(p, g, t);
                case "origin" -> n.origin = text(p, g, t);
                case "namespace" -> n.namespace = text(p, g, t);
                case "user" -> n.user = text(p, g, t);
                case "resource_arn" -> {
                    if (t == JsonToken.VALUE_STRING) n.resourceArn = p.getText(); // anything else: none, unreported
                    copy(p, g, t);
                }
                case "inferred" -> {
                    n.inferred = t == JsonToken.VALUE_NULL ? null : t == JsonToken.VALUE_TRUE ? Boolean.TRUE
                            : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : NOT_BOOLEAN; // reported only for a segment
                    copy(p, g, t);
                }
                case "in_progress" -> n.inProgress = bool(p, g, t);
                case "error" -> n.error = Boolean.TRUE.equals(bool(p, g, t));
                case "throttle" -> n.throttle = Boolean.TRUE.equals(bool(p, g, t));
                case "fault" -> n.fault = Boolean.TRUE.equals(bool(p, g, t));
                case "start_time" -> n.start = time(p, g, t);
                case "end_time" -> n.end = time(p, g, t);
                case "subsegments" -> n.subsegments = subsegments(p, g, t);
                case "service", "sql" -> {
                    if (t != JsonToken.START_OBJECT && t != JsonToken.VALUE_NULL) throw NOT_CLEAN;
                    copy(p, g, t);
                }
                case "http" -> n.http = tree(p, g);
                case "aws" -> n.aws = aws(p, g, t);
                case "annotations" -> n.annotations = annotations(p, g, t);
                case "cause" -> n.cause = tree(p, g);
                case "precursor_ids" -> n.precursorIds = tree(p, g);
                default -> {
                    if (!DOCUMENT_FIELDS.contains(field)) n.foreign = true;
                    copy(p, g, t);
                }
            }
        }
        namesSize = from;
        g.endObject();
        return n;
    }

    /** SegmentParser.aws for a clean object: its text fields strings, resource_names strings only. */
    private Aws aws(JsonParser p, TreeText g, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            g.nul();
            return null;
        }
        if (t != JsonToken.START_OBJECT) throw NOT_CLEAN;
        Aws a = new Aws();
        g.startObject();
        int from = namesSize;
        for (t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String field = p.currentName();
            name(from, field);
            g.field(field);
            t = p.nextToken();
            int k = java.util.Arrays.asList(AWS_TEXTS).indexOf(field);
            if (k >= 0) {
                a.texts[k] = text(p, g, t);
                continue;
            }
            switch (field) {
                case "resource_names" -> a.resourceNames = strings(p, g, t);
                case "xray" -> {
                    if (t != JsonToken.START_OBJECT) { // not an object: no SDK, unreported
                        copy(p, g, t);
                        break;
                    }
                    String[] sdk = texts(p, g, "sdk", "sdk_version");
                    a.xraySdk = sdk[0] == null ? sdk[1] : sdk[1] == null ? sdk[0] : sdk[0] + " " + sdk[1];
                }
                case "cloudwatch_logs" -> {
                    if (t != JsonToken.START_ARRAY) { // not an array: no log group, unreported
                        copy(p, g, t);
                        break;
                    }
                    g.startArray();
                    t = p.nextToken();
                    if (t == JsonToken.START_OBJECT) { // the first one's log group
                        a.logGroup = texts(p, g, "log_group")[0];
                        t = p.nextToken();
                    }
                    for (; t != JsonToken.END_ARRAY; t = p.nextToken()) copy(p, g, t);
                    g.endArray();
                }
                default -> copy(p, g, t);
            }
        }
        namesSize = from;
        g.endObject();
        return a;
    }

    /** The object at the current token, copied, with the wanted fields read as strict text. */
    private String[] texts(JsonParser p, TreeText g, String... wanted) throws IOException {
        String[] values = new String[wanted.length];
        g.startObject();
        int from = namesSize;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String field = p.currentName();
            name(from, field);
            g.field(field);
            t = p.nextToken();
            int k = java.util.Arrays.asList(wanted).indexOf(field);
            if (k >= 0) values[k] = text(p, g, t);
            else copy(p, g, t);
        }
        namesSize = from;
        g.endObject();
        return values;
    }

    /** SegmentParser.strings for a clean value: null, or an array of strings only. */
    private List<String> strings(JsonParser p, TreeText g, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            g.nul();
            return List.of();
        }
        if (t != JsonToken.START_ARRAY) throw NOT_CLEAN;
        List<String> out = new ArrayList<>();
        g.startArray();
        for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.VALUE_STRING) throw NOT_CLEAN; // SegmentParser reads other scalars as text: rare
            String s = p.getText();
            g.string(s);
            out.add(intern(s));
        }
        g.endArray();
        return List.copyOf(out);
    }

    /** SegmentParser.annotations for a clean object: strings, numbers and booleans as the tree holds them. */
    private Map<String, Object> annotations(JsonParser p, TreeText g, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            g.nul();
            return Map.of();
        }
        if (t != JsonToken.START_OBJECT) throw NOT_CLEAN;
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        g.startObject();
        int from = namesSize;
        for (t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String field = p.currentName();
            name(from, field);
            g.field(field);
            t = p.nextToken();
            Object value;
            switch (t) {
                case VALUE_STRING -> {
                    String s = p.getText();
                    g.string(s);
                    value = s;
                }
                case VALUE_NUMBER_INT -> value = integer(p, g);
                case VALUE_NUMBER_FLOAT -> {
                    double d = p.getDoubleValue();
                    g.number(d);
                    value = d;
                }
                case VALUE_TRUE, VALUE_FALSE -> {
                    g.bool(t == JsonToken.VALUE_TRUE);
                    value = t == JsonToken.VALUE_TRUE;
                }
                default -> throw NOT_CLEAN; // SegmentParser reports null, objects and arrays
            }
            out.put(field, value);
        }
        namesSize = from;
        g.endObject();
        return out;
    }

    /** Notes a field name of the object whose names start at {@code from}; a duplicate is not clean. */
    private void name(int from, String field) {
        if (namesSize - from >= MAX_FIELDS) throw NOT_CLEAN;
        for (int i = from; i < namesSize; i++) {
            if (names[i].equals(field)) throw NOT_CLEAN;
        }
        if (namesSize == names.length) names = java.util.Arrays.copyOf(names, namesSize * 2);
        names[namesSize++] = field;
    }

    private List<Node> subsegments(JsonParser p, TreeText g, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            g.nul();
            return List.of();
        }
        if (t != JsonToken.START_ARRAY || ++nesting > MAX_NESTING) throw NOT_CLEAN;
        g.startArray();
        List<Node> subs = new ArrayList<>();
        for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT) throw NOT_CLEAN;
            subs.add(object(p, g));
        }
        nesting--;
        g.endArray();
        return subs;
    }

    /** A string field (or null); a number or anything else SegmentParser reports. */
    private String text(JsonParser p, TreeText g, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            g.nul();
            return null;
        }
        if (t != JsonToken.VALUE_STRING) throw NOT_CLEAN;
        String s = p.getText();
        g.string(s);
        return s;
    }

    private Boolean bool(JsonParser p, TreeText g, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE && t != JsonToken.VALUE_NULL) throw NOT_CLEAN;
        copy(p, g, t);
        return t == JsonToken.VALUE_NULL ? null : t == JsonToken.VALUE_TRUE;
    }

    /** A time in seconds since the epoch (or null); SegmentParser reports any other number. */
    private Double time(JsonParser p, TreeText g, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            g.nul();
            return null;
        }
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) throw NOT_CLEAN;
        double v = copy(p, g, t);
        if (Double.isNaN(v) || Double.isInfinite(v) || v < 0 || v > SegmentParser.LATEST_PLAUSIBLE_TIME) throw NOT_CLEAN;
        return v;
    }

    /** The value at the current token as a tree (as Json reads it), written as Jackson writes that tree. */
    private static JsonNode tree(JsonParser p, TreeText g) throws IOException {
        JsonNode v = Json.readValue(p, Long.MAX_VALUE);
        if (g.writes()) write(v, g);
        return v;
    }

    private static void write(JsonNode v, TreeText g) throws IOException {
        switch (v.getNodeType()) {
            case OBJECT -> {
                g.startObject();
                for (Map.Entry<String, JsonNode> e : v.properties()) {
                    g.field(e.getKey());
                    write(e.getValue(), g);
                }
                g.endObject();
            }
            case ARRAY -> {
                g.startArray();
                for (JsonNode e : v) write(e, g);
                g.endArray();
            }
            case STRING -> g.string(v.textValue());
            case NUMBER -> {
                switch (v.numberType()) {
                    case INT -> g.number(v.intValue());
                    case LONG -> g.number(v.longValue());
                    case BIG_INTEGER -> g.number(v.bigIntegerValue());
                    default -> g.number(v.doubleValue());
                }
            }
            case BOOLEAN -> g.bool(v.booleanValue());
            case NULL -> g.nul();
            default -> throw NOT_CLEAN;
        }
    }

    /**
     * Copies the value at the current token (a container with all it holds) the way Json reads it into a
     * tree and Jackson writes that tree; for a number, returns it as SegmentParser reads it (asDouble).
     */
    private double copy(JsonParser p, TreeText g, JsonToken t) throws IOException {
        int depth = 0;
        double number = Double.NaN;
        while (true) {
            switch (t) {
                case START_OBJECT -> {
                    g.startObject();
                    open(depth++, namesSize);
                }
                case START_ARRAY -> {
                    g.startArray();
                    open(depth++, -1);
                }
                case END_OBJECT -> {
                    g.endObject();
                    namesSize = opened[--depth];
                }
                case END_ARRAY -> {
                    g.endArray();
                    depth--;
                }
                case FIELD_NAME -> {
                    name(opened[depth - 1], p.currentName());
                    g.field(p.currentName());
                }
                case VALUE_STRING -> {
                    if (g.writes()) g.string(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                }
                case VALUE_NUMBER_INT -> {
                    if (depth == 0 || g.writes()) number = integer(p, g).doubleValue(); // else not decoded: unused
                }
                case VALUE_NUMBER_FLOAT -> {
                    if (depth == 0 || g.writes()) {
                        number = p.getDoubleValue();
                        g.number(number);
                    }
                }
                case VALUE_TRUE -> g.bool(true);
                case VALUE_FALSE -> g.bool(false);
                case VALUE_NULL -> g.nul();
                default -> throw NOT_CLEAN;
            }
            if (depth == 0) return number;
            t = p.nextToken();
            if (t == null) throw NOT_CLEAN;
        }
    }

    private void open(int depth, int namesFrom) {
        if (depth == opened.length) opened = java.util.Arrays.copyOf(opened, depth * 2);
        opened[depth] = namesFrom;
    }

    /** SegmentParser.parseDocument for a clean document. */
    private Segment document(Node doc, RawJson json) {
        if (doc.id == null || doc.id.isEmpty()) throw NOT_CLEAN;
        if (doc.traceId == null || !isTraceId(doc.traceId)) throw NOT_CLEAN;
        boolean independent = "subsegment".equals(doc.type);
        if (independent && doc.parentId == null) throw NOT_CLEAN;
        Kind kind;
        if (independent) kind = Kind.SUBSEGMENT;
        else if (doc.inferred == NOT_BOOLEAN) throw NOT_CLEAN;
        else kind = Boolean.TRUE.equals(doc.inferred) ? Kind.INFERRED : Kind.SEGMENT;
        return segment(doc, json, intern(doc.traceId), doc.parentId, kind, independent);
    }

    /** SegmentParser.parseNode for a clean node. */
    private Segment segment(Node n, RawJson json, String traceId, String parentId, Kind kind, boolean independent) {
        if (n.name == null || n.name.isEmpty() || n.start == null) throw NOT_CLEAN;
        boolean inProgress = Boolean.TRUE.equals(n.inProgress);
        if (n.end != null ? inProgress || n.end < n.start : !inProgress) throw NOT_CLEAN;
        List<Segment> children = new ArrayList<>(n.subsegments.size());
        for (int i = 0; i < n.subsegments.size(); i++) {
            Node sub = n.subsegments.get(i);
            if (sub.id == null || sub.id.isEmpty()) throw NOT_CLEAN;
            children.add(segment(sub, json.subsegment(i), traceId, n.id, Kind.SUBSEGMENT, false));
        }
        children.sort(TraceAssembler.BY_START);
        HttpInfo http = nested.http(n.http, n.id);
        AwsInfo aws = n.aws == null ? AwsInfo.NONE : new AwsInfo(n.aws.texts[0], intern(n.aws.texts[1]),
                intern(n.aws.texts[2]), intern(n.aws.texts[3]), intern(n.aws.texts[4]), intern(n.aws.texts[5]),
                intern(n.aws.texts[6]), intern(n.aws.texts[7]), intern(n.aws.texts[8]), intern(n.aws.texts[9]),
                n.aws.resourceNames, intern(n.aws.logGroup), intern(n.aws.xraySdk), json);
        Cause cause = nested.cause(n.cause, n.id);
        List<String> precursorIds = strings(n.precursorIds);
        if (!found.isEmpty()) throw NOT_CLEAN;
        return new Segment(n.id, traceId, parentId, intern(n.name), n.start, n.end == null ? Double.NaN : n.end, inProgress,
                kind, independent, intern(n.origin), intern(n.namespace), precursorIds, intern(n.user), intern(n.resourceArn),
                http, aws, n.annotations, n.error, n.throttle, n.fault, cause, children, json);
    }

    /** SegmentParser.strings for a clean value: an array's scalars as text. */
    private List<String> strings(JsonNode v) {
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) throw NOT_CLEAN;
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) if (e.isValueNode() && !e.isNull()) out.add(intern(e.asText()));
        return List.copyOf(out);
    }

    private String intern(String s) {
        if (s == null) return null;
        String known = interned.get(s);
        if (known != null) return known;
        if (interned.size() >= NAMES) interned.clear();
        known = s.intern();
        interned.put(known, known);
        return known;
    }

    /** SegmentParser's 1-[0-9a-f]{8}-[0-9a-f]{24}, without a regular expression. */
    static boolean isTraceId(String s) {
        if (s.length() != 35 || s.charAt(0) != '1' || s.charAt(1) != '-' || s.charAt(10) != '-') return false;
        for (int i = 2; i < 35; i++) {
            char c = s.charAt(i);
            if (i != 10 && !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) return false;
        }
        return true;
    }

    /** The integer at the parser, written to {@code g} as Jackson would: an int, a long or a BigInteger (IntNode, LongNode, BigIntegerNode's numberValue). */
    private static Number integer(JsonParser p, TreeText g) throws IOException {
        switch (p.getNumberType()) {
            case INT -> {
                int i = p.getIntValue();
                g.number(i);
                return i;
            }
            case LONG -> {
                long l = p.getLongValue();
                g.number(l);
                return l;
            }
            default -> {
                java.math.BigInteger b = p.getBigIntegerValue();
                g.number(b);
                return b;
            }
        }
    }
}
