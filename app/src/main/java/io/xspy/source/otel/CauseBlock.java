package io.xspy.source.otel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

/**
 * fault, error, throttle and the {@code cause}, as the exporter's makeCause decides them: exception
 * events become the cause's exceptions (type, message, stack frames parsed from the language's
 * stack trace, remote for CLIENT and PRODUCER spans); without them an ERROR status with a message is
 * one exception. An HTTP status of 4xx is an error (429 also a throttle), 5xx a fault; with no HTTP
 * status, an ERROR status is a fault. Exception ids are made from the span id, so the same span
 * always gives the same document (the exporter draws them at random).
 */
final class CauseBlock {

    static final String EXCEPTION_EVENT = "exception";

    private CauseBlock() {}

    static void apply(ObjectNode doc, Span span, Attributes a, Attributes res, String spanId) {
        boolean error = span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR;
        String language = res.string("telemetry.sdk.language");
        boolean remote = span.getKind() == Span.SpanKind.SPAN_KIND_CLIENT || span.getKind() == Span.SpanKind.SPAN_KIND_PRODUCER;
        ArrayNode exceptions = JsonNodeFactory.instance.arrayNode();
        int n = 0;
        for (Span.Event e : span.getEventsList()) {
            if (!EXCEPTION_EVENT.equals(e.getName())) continue;
            Attributes ea = new Attributes(e.getAttributesList());
            StackTraces.add(exceptions, spanId, n++, ea.string("exception.type"), ea.string("exception.message"),
                    ea.string("exception.stacktrace"), remote, language);
        }
        if (exceptions.isEmpty() && error) {
            String message = span.getStatus().getMessage();
            if (message.isEmpty() && a.has("http.status_text")) message = a.string("http.status_text");
            a.take("http.status_text");
            if (!message.isEmpty()) {
                exceptions.addObject().put("id", StackTraces.id(spanId, 0)).put("message", message);
            }
        }
        if (!exceptions.isEmpty()) doc.putObject("cause").set("exceptions", exceptions);

        JsonStatus s = status(doc);
        boolean fault = false;
        boolean isError = false;
        boolean throttle = false;
        if (s.code == null || s.code < 400 || s.code > 599) {
            fault = error;
        } else if (s.code < 500) {
            isError = true;
            throttle = s.code == 429;
        } else {
            fault = true;
        }
        if (fault) doc.put("fault", true);
        if (isError) doc.put("error", true);
        if (throttle) doc.put("throttle", true);
    }

    private record JsonStatus(Integer code) {}

    private static JsonStatus status(ObjectNode doc) {
        var status = doc.path("http").path("response").path("status");
        return new JsonStatus(status.isNumber() ? status.intValue() : null);
    }
}
