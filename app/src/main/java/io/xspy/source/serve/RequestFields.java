package io.xspy.source.serve;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed members of a request body. A member of the wrong JSON type is refused as X-Ray's front end
 * refuses it (400 SerializationException), never read as if it were absent.
 */
final class RequestFields {

    private RequestFields() {}

    /** A string member; null when absent or JSON null. */
    static String string(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (n.isTextual()) return n.asText();
        throw new ApiError(400, "SerializationException", field + " must be a string; " + found(n));
    }

    private static String found(JsonNode n) {
        if (n.isObject()) return "start of structure or map found where not expected";
        if (n.isArray()) return "start of list found where not expected";
        return (n.isNumber() ? "a number" : n.isBoolean() ? "a boolean" : "a " + n.getNodeType()) + " found where not expected";
    }
}
