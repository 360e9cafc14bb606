package io.xspy.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The UDP receiver's fast path: a segment document read straight from its bytes with Jackson's
 * streaming parser, without building a JSON tree and writing it back out for {@link RawJson} (the
 * two were more than half of a datagram's CPU). The text kept is written token by token the way
 * Jackson writes the tree, so it is the same text. Only the small objects SegmentParser reads field
 * by field (http, aws, annotations, cause, precursor_ids) become trees, and SegmentParser reads them.
 * <p>Only a clean document takes this path: anything SegmentParser would report (a field of the
 * wrong type, a missing id, an impossible time, a duplicate field, bad JSON) makes {@link #parse}
 * return null, and the caller parses the document with SegmentParser, which reports it as always.
 * So the Segment is the same either way (SegmentStreamParserTest compares the two). One per thread.
 */
public final class SegmentStreamParser {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Json.MAX_DOCUMENT_CHARS).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION) // duplicates: SegmentParser's way
            .build();
    private static final Pattern TRACE_ID = Pattern.compile("1-[0-9a-f]{8}-[0-9a-f]{24}");

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
        JsonNode aws;
        JsonNode annotations;
        JsonNode cause;
        JsonNode precursorIds;
        List<Node> subsegments = List.of();
    }

    private static final Object NOT_BOOLEAN = new Object();

    private final StringWriter text = new StringWriter(1024);
    private final List<Diagnostic> found = new ArrayList<>();
    private final SegmentParser nested = new SegmentParser("udp", found);

    /** The document's Segment, or null when it is not clean (parse it with SegmentParser then). */
    public Segment parse(byte[] bytes, int offset, int length) {
        text.getBuffer().setLength(0);
        found.clear();
        try (JsonParser p = FACTORY.createParser(bytes, offset, length); JsonGenerator g = FACTORY.createGenerator(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            Node doc = object(p, g);
            if (p.nextToken() != null) return null; // trailing content: SegmentParser's error
            g.flush();
            return document(doc, RawJson.document(text.toString()));
        } catch (IOException | RuntimeException e) { // NotClean among them
            return null;
        }
    }

    /** The object starting at the current token, copied to {@code g}; the parser is left on its end. */
    private Node object(JsonParser p, JsonGenerator g) throws IOException {
        Node n = new Node();
        g.writeStartObject();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String field = p.currentName();
            g.writeFieldName(field);
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
                    if (t == JsonToken.VALUE_STRING) n.resourceArn = p.getText().intern(); // anything else: none, unreported
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
                case "aws" -> n.aws = tree(p, g);
                case "annotations" -> n.annotations = tree(p, g);
                case "cause" -> n.cause = tree(p, g);
                case "precursor_ids" -> n.precursorIds = tree(p, g);
                default -> copy(p, g, t);
            }
        }
        g.writeEndObject();
        return n;
    }

    private List<Node> subsegments(JsonParser p, JsonGenerator g, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            g.writeNull();
            return List.of();
        }
        if (t != JsonToken.START_ARRAY) throw NOT_CLEAN;
        g.writeStartArray();
        List<Node> subs = new ArrayList<>();
        for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT) throw NOT_CLEAN;
            subs.add(object(p, g));
        }
        g.writeEndArray();
        return subs;
    }

    /** A string field (or null); a number or anything else SegmentParser reports. */
    private static String text(JsonParser p, JsonGenerator g, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            g.writeNull();
            return null;
        }
        if (t != JsonToken.VALUE_STRING) throw NOT_CLEAN;
        String s = p.getText();
        g.writeString(s);
        return s;
    }

    private static Boolean bool(JsonParser p, JsonGenerator g, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE && t != JsonToken.VALUE_NULL) throw NOT_CLEAN;
        copy(p, g, t);
        return t == JsonToken.VALUE_NULL ? null : t == JsonToken.VALUE_TRUE;
    }

    /** A time in seconds since the epoch (or null); SegmentParser reports any other number. */
    private static Double time(JsonParser p, JsonGenerator g, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            g.writeNull();
            return null;
        }
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) throw NOT_CLEAN;
        double v = copy(p, g, t);
        if (Double.isNaN(v) || Double.isInfinite(v) || v < 0 || v > SegmentParser.LATEST_PLAUSIBLE_TIME) throw NOT_CLEAN;
        return v;
    }

    /** The value at the current token as a tree (as Json reads it), written as Jackson writes that tree. */
    private static JsonNode tree(JsonParser p, JsonGenerator g) throws IOException {
        JsonNode v = Json.readValue(p, Long.MAX_VALUE);
        write(v, g);
        return v;
    }

    private static void write(JsonNode v, JsonGenerator g) throws IOException {
        switch (v.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> e : v.properties()) {
                    g.writeFieldName(e.getKey());
                    write(e.getValue(), g);
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode e : v) write(e, g);
                g.writeEndArray();
            }
            case STRING -> g.writeString(v.textValue());
            case NUMBER -> {
                switch (v.numberType()) {
                    case INT -> g.writeNumber(v.intValue());
                    case LONG -> g.writeNumber(v.longValue());
                    case BIG_INTEGER -> g.writeNumber(v.bigIntegerValue());
                    default -> g.writeNumber(v.doubleValue());
                }
            }
            case BOOLEAN -> g.writeBoolean(v.booleanValue());
            case NULL -> g.writeNull();
            default -> throw NOT_CLEAN;
        }
    }

    /**
     * Copies the value at the current token (a container with all it holds) the way Json reads it into a
     * tree and Jackson writes that tree; for a number, returns it as SegmentParser reads it (asDouble).
     */
    private static double copy(JsonParser p, JsonGenerator g, JsonToken t) throws IOException {
        int depth = 0;
        double number = Double.NaN;
        while (true) {
            switch (t) {
                case START_OBJECT -> {
                    g.writeStartObject();
                    depth++;
                }
                case START_ARRAY -> {
                    g.writeStartArray();
                    depth++;
                }
                case END_OBJECT -> {
                    g.writeEndObject();
                    depth--;
                }
                case END_ARRAY -> {
                    g.writeEndArray();
                    depth--;
                }
                case FIELD_NAME -> g.writeFieldName(p.currentName());
                case VALUE_STRING -> g.writeString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                case VALUE_NUMBER_INT -> {
                    switch (p.getNumberType()) {
                        case INT -> {
                            int i = p.getIntValue();
                            g.writeNumber(i);
                            number = i;
                        }
                        case LONG -> {
                            long l = p.getLongValue();
                            g.writeNumber(l);
                            number = l;
                        }
                        default -> {
                            java.math.BigInteger b = p.getBigIntegerValue();
                            g.writeNumber(b);
                            number = b.doubleValue();
                        }
                    }
                }
                case VALUE_NUMBER_FLOAT -> {
                    number = p.getDoubleValue();
                    g.writeNumber(number);
                }
                case VALUE_TRUE -> g.writeBoolean(true);
                case VALUE_FALSE -> g.writeBoolean(false);
                case VALUE_NULL -> g.writeNull();
                default -> throw NOT_CLEAN;
            }
            if (depth == 0) return number;
            t = p.nextToken();
            if (t == null) throw NOT_CLEAN;
        }
    }

    /** SegmentParser.parseDocument for a clean document. */
    private Segment document(Node doc, RawJson json) {
        if (doc.id == null || doc.id.isEmpty()) throw NOT_CLEAN;
        if (doc.traceId == null || !TRACE_ID.matcher(doc.traceId).matches()) throw NOT_CLEAN;
        boolean independent = "subsegment".equals(doc.type);
        if (independent && doc.parentId == null) throw NOT_CLEAN;
        Kind kind;
        if (independent) kind = Kind.SUBSEGMENT;
        else if (doc.inferred == NOT_BOOLEAN) throw NOT_CLEAN;
        else kind = Boolean.TRUE.equals(doc.inferred) ? Kind.INFERRED : Kind.SEGMENT;
        return segment(doc, json, doc.traceId.intern(), doc.parentId, kind, independent);
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
        AwsInfo aws = nested.aws(n.aws, json, n.id);
        Map<String, Object> annotations = nested.annotations(n.annotations, n.id);
        Cause cause = nested.cause(n.cause, n.id);
        List<String> precursorIds = strings(n.precursorIds);
        if (!found.isEmpty()) throw NOT_CLEAN;
        return new Segment(n.id, traceId, parentId, n.name.intern(), n.start, n.end == null ? Double.NaN : n.end, inProgress,
                kind, independent, intern(n.origin), intern(n.namespace), precursorIds, intern(n.user), n.resourceArn,
                http, aws, annotations, n.error, n.throttle, n.fault, cause, children, json);
    }

    /** SegmentParser.strings for a clean value: an array's scalars as text. */
    private static List<String> strings(JsonNode v) {
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) throw NOT_CLEAN;
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) if (e.isValueNode() && !e.isNull()) out.add(e.asText().intern());
        return List.copyOf(out);
    }

    private static String intern(String s) {
        return s == null ? null : s.intern();
    }
}
