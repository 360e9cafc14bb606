package io.xspy.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * JSON trees read straight from Jackson's streaming parser. Reading segment documents is on the
 * start-up path of every command; this avoids the ObjectMapper's deserializer machinery (hundreds
 * of classes to load) and recursion (documents may nest deeply). One value per call: trailing
 * content is an error, so NDJSON never passes for its first line.
 */
public final class Json {
    /**
     * The longest segment document (or NDJSON line) read: 4 MiB. X-Ray itself takes at most 64 KB per
     * segment document (PutTraceSegments) and 500 KB per trace, so anything X-Ray or a daemon ever
     * produced fits many times over, while one absurd document costs tens of MB at most, not the heap.
     */
    public static final int MAX_DOCUMENT_CHARS = 4 * 1024 * 1024;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_DOCUMENT_CHARS).build())
            .disable(com.fasterxml.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    /** An ObjectMapper for writing and pretty-printing, made on first use. */
    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper();
    }

    public static JsonNode read(String text) throws JsonProcessingException {
        try (JsonParser p = FACTORY.createParser(text)) {
            return read(p);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode read(byte[] bytes, int offset, int length) throws JsonProcessingException {
        try (JsonParser p = FACTORY.createParser(bytes, offset, length)) {
            return read(p);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A streaming parser over text; closing it leaves the reader open. */
    public static JsonParser parser(Reader reader) throws IOException {
        return FACTORY.createParser(reader);
    }

    /** A value longer than the limit; the parser has been moved past it. */
    public static final class TooLarge extends IOException {
        public TooLarge(long limit) {
            super("longer than " + limit + " characters");
        }
    }

    private static JsonNode read(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) throw new JsonParseException(p, "no JSON value");
        return end(p, readValue(p, Long.MAX_VALUE));
    }

    /**
     * The value whose first token is the parser's current one, as a tree; the parser is left on its
     * last token. A value longer than {@code maxChars} is skipped to its end and thrown as {@link TooLarge}.
     */
    public static JsonNode readValue(JsonParser p, long maxChars) throws IOException {
        Deque<ContainerNode<?>> open = new ArrayDeque<>();
        long start = offset(p);
        JsonNode root = null;
        String field = null;
        JsonToken t = p.currentToken();
        while (true) {
            JsonNode value;
            switch (t) {
                case FIELD_NAME -> {
                    field = p.currentName();
                    t = next(p);
                    continue;
                }
                case END_OBJECT, END_ARRAY -> {
                    open.pop();
                    if (open.isEmpty()) return root;
                    t = next(p);
                    continue;
                }
                case START_OBJECT -> value = new ObjectNode(NODES, new FieldMap()); // compact: documents are kept as read
                case START_ARRAY -> value = NODES.arrayNode();
                case VALUE_STRING -> value = NODES.textNode(p.getText());
                case VALUE_NUMBER_INT -> value = switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
                case VALUE_NUMBER_FLOAT -> value = NODES.numberNode(p.getDoubleValue());
                case VALUE_TRUE -> value = NODES.booleanNode(true);
                case VALUE_FALSE -> value = NODES.booleanNode(false);
                case VALUE_NULL -> value = NODES.nullNode();
                default -> throw new JsonParseException(p, "unexpected " + t);
            }
            if (open.isEmpty()) root = value;
            else if (open.peek() instanceof ObjectNode o) o.set(field, value);
            else ((ArrayNode) open.peek()).add(value);
            if (value instanceof ContainerNode<?> c) open.push(c);
            // checked for a lone scalar too: a caller reading field by field passes what room is left
            if (offset(p) - start > maxChars) {
                int enclosing = open.size(); // drop the tree, skip to the value's end
                if (value instanceof ContainerNode<?>) {
                    p.skipChildren();
                    enclosing--;
                }
                for (; enclosing > 0; enclosing--) skipToEnd(p);
                throw new TooLarge(maxChars);
            }
            if (open.isEmpty()) return root;
            t = next(p);
        }
    }

    /** From inside a container to its end token. */
    private static void skipToEnd(JsonParser p) throws IOException {
        for (JsonToken t = next(p); t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY; t = next(p)) {
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) p.skipChildren();
        }
    }

    private static long offset(JsonParser p) {
        var at = p.currentLocation();
        return at.getCharOffset() >= 0 ? at.getCharOffset() : at.getByteOffset();
    }

    private static JsonToken next(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) throw new JsonParseException(p, "unexpected end of input");
        return t;
    }

    private static JsonNode end(JsonParser p, JsonNode root) throws IOException {
        if (p.nextToken() != null) throw new JsonParseException(p, "trailing content after the JSON value", p.currentTokenLocation());
        return root;
    }
}
