package io.xspy.source.local;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.nio.charset.StandardCharsets;

/** The receiver's answers in OTLP JSON: the response, and a google.rpc.Status for a refusal. */
final class OtlpJsonResponses {

    private OtlpJsonResponses() {}

    static byte[] response(ExportTraceServiceResponse r) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (r.hasPartialSuccess()) {
            ObjectNode p = n.putObject("partialSuccess");
            p.put("rejectedSpans", String.valueOf(r.getPartialSuccess().getRejectedSpans()));
            p.put("errorMessage", r.getPartialSuccess().getErrorMessage());
        }
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] status(int httpCode, String message) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("code", grpcCode(httpCode));
        n.put("message", message);
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The gRPC status code OTLP pairs with an HTTP status. */
    static int grpcCode(int httpCode) {
        return switch (httpCode) {
            case 400, 413, 415 -> 3; // INVALID_ARGUMENT
            case 404 -> 5; // NOT_FOUND
            case 405 -> 12; // UNIMPLEMENTED
            case 429 -> 8; // RESOURCE_EXHAUSTED
            default -> 13; // INTERNAL
        };
    }
}
