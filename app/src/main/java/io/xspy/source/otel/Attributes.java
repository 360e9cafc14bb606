package io.xspy.source.otel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A span's or resource's attributes by key, in their order, with the reads the translation needs.
 * Rules take what they translate out of the map ({@link #take}); what is left becomes metadata.
 */
final class Attributes {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final LinkedHashMap<String, AnyValue> values = new LinkedHashMap<>();

    Attributes(List<KeyValue> list) {
        for (KeyValue kv : list) values.put(kv.getKey(), kv.getValue());
    }

    Attributes copy() {
        Attributes a = new Attributes(List.of());
        a.values.putAll(values);
        return a;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    AnyValue get(String key) {
        return values.get(key);
    }

    /** The value as text (numbers and booleans spelled out), or null when absent or a structure. */
    String string(String key) {
        AnyValue v = values.get(key);
        return v == null ? null : text(v);
    }

    /** The first of the keys present, as text: old and new semantic conventions name one thing twice. */
    String first(String... keys) {
        for (String k : keys) {
            String s = string(k);
            if (s != null) return s;
        }
        return null;
    }

    /** The value as a whole number, or null (a string of digits counts: some SDKs send ports so). */
    Long number(String... keys) {
        for (String k : keys) {
            AnyValue v = values.get(k);
            if (v == null) continue;
            switch (v.getValueCase()) {
                case INT_VALUE: return v.getIntValue();
                case DOUBLE_VALUE: return (long) v.getDoubleValue();
                case STRING_VALUE:
                    try {
                        return Long.parseLong(v.getStringValue().strip());
                    } catch (NumberFormatException e) {
                        continue;
                    }
                default:
            }
        }
        return null;
    }

    /** The strings of an array value, or of a single string; empty otherwise. */
    List<String> strings(String key) {
        AnyValue v = values.get(key);
        List<String> out = new ArrayList<>();
        if (v == null) return out;
        if (v.hasArrayValue()) {
            for (AnyValue e : v.getArrayValue().getValuesList()) {
                String s = text(e);
                if (s != null) out.add(s);
            }
        } else if (text(v) != null) {
            out.add(text(v));
        }
        return out;
    }

    /** Removes the keys; the translated ones are not repeated as metadata. */
    void take(String... keys) {
        for (String k : keys) values.remove(k);
    }

    Map<String, AnyValue> all() {
        return values;
    }

    static String text(AnyValue v) {
        switch (v.getValueCase()) {
            case STRING_VALUE: return v.getStringValue();
            case BOOL_VALUE: return String.valueOf(v.getBoolValue());
            case INT_VALUE: return String.valueOf(v.getIntValue());
            case DOUBLE_VALUE: return String.valueOf(v.getDoubleValue());
            default: return null;
        }
    }

    /** An annotation value (string, number, boolean), or null for a structure, as the exporter does. */
    static JsonNode annotation(AnyValue v) {
        switch (v.getValueCase()) {
            case STRING_VALUE: return NODES.textNode(v.getStringValue());
            case BOOL_VALUE: return NODES.booleanNode(v.getBoolValue());
            case INT_VALUE: return NODES.numberNode(v.getIntValue());
            case DOUBLE_VALUE: return NODES.numberNode(v.getDoubleValue());
            default: return null;
        }
    }

    /** Any value as JSON (arrays and maps as such, bytes as base64): what metadata holds. */
    static JsonNode json(AnyValue v) {
        switch (v.getValueCase()) {
            case ARRAY_VALUE: {
                ArrayNode a = NODES.arrayNode();
                for (AnyValue e : v.getArrayValue().getValuesList()) a.add(json(e));
                return a;
            }
            case KVLIST_VALUE: {
                ObjectNode o = NODES.objectNode();
                for (KeyValue kv : v.getKvlistValue().getValuesList()) o.set(kv.getKey(), json(kv.getValue()));
                return o;
            }
            case BYTES_VALUE: return NODES.textNode(Base64.getEncoder().encodeToString(v.getBytesValue().toByteArray()));
            case VALUE_NOT_SET: return NODES.nullNode();
            default: return annotation(v);
        }
    }

    static ObjectNode json(List<KeyValue> list) {
        ObjectNode o = NODES.objectNode();
        for (KeyValue kv : list) o.set(kv.getKey(), json(kv.getValue()));
        return o;
    }

    /** Copies every value as JSON into {@code into}, in order. */
    static Map<String, JsonNode> jsonValues(Map<String, AnyValue> values) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, json(v)));
        return out;
    }
}
