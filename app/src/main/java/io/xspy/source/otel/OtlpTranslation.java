package io.xspy.source.otel;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.xspy.trace.Diagnostic;
import io.xspy.trace.Segment;
import io.xspy.trace.SegmentParser;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An OTLP trace request → segments the core reads: each span translated by {@link SpanTranslator}
 * and read by the same {@link SegmentParser} as every segment document, so nothing past this point
 * knows the span came from OpenTelemetry. A span without a valid trace id (16 bytes, not all zero) or
 * span id (8 bytes) is rejected and counted, as OTLP's partial success reports it.
 */
public final class OtlpTranslation {

    /** How many spans were taken and rejected, and what was wrong (the first few). */
    public record Result(int accepted, int rejected, List<Diagnostic> diagnostics) {
        /** The message of OTLP's partial_success: the first problem, and how many there were. */
        public String rejectionMessage() {
            if (rejected == 0) return "";
            String first = diagnostics.stream().filter(Diagnostic::fatal).map(Diagnostic::message).findFirst().orElse("");
            return rejected + (rejected == 1 ? " span" : " spans") + " rejected" + (first.isEmpty() ? "" : ": " + first);
        }
    }

    private static final int KEPT_DIAGNOSTICS = 20;

    private OtlpTranslation() {}

    public static Result translate(ExportTraceServiceRequest request, String source, SpanTranslator translator,
            Consumer<Segment> sink) {
        List<Diagnostic> kept = new ArrayList<>();
        int accepted = 0;
        int rejected = 0;
        List<Diagnostic> found = new ArrayList<>();
        for (ResourceSpans rs : request.getResourceSpansList()) {
            Attributes resource = new Attributes(rs.getResource().getAttributesList()); // once for all its spans
            for (ScopeSpans ss : rs.getScopeSpansList()) {
                InstrumentationScope scope = ss.getScope();
                for (Span span : ss.getSpansList()) {
                    String problem = invalid(span);
                    if (problem != null) {
                        rejected++;
                        keep(kept, Diagnostic.fatal(source, 0, null, problem));
                        continue;
                    }
                    found.clear();
                    Segment s = new SegmentParser(source, found).parseDocument(translator.document(span, resource, scope));
                    for (Diagnostic d : found) keep(kept, d);
                    if (s == null) {
                        rejected++;
                        continue;
                    }
                    sink.accept(s);
                    accepted++;
                }
            }
        }
        return new Result(accepted, rejected, List.copyOf(kept));
    }

    /** All segments of a request, in order (small inputs and tests). */
    public static List<Segment> segments(ExportTraceServiceRequest request, String source) {
        List<Segment> out = new ArrayList<>();
        translate(request, source, SpanTranslator.DEFAULT, out::add);
        return out;
    }

    private static String invalid(Span span) {
        String name = "span \"" + span.getName() + "\"";
        if (span.getTraceId().size() != 16 || OtelIds.absent(span.getTraceId())) {
            return name + ": trace id must be 16 bytes, not all zero (got " + span.getTraceId().size() + " bytes)";
        }
        if (span.getSpanId().size() != 8 || OtelIds.absent(span.getSpanId())) {
            return name + ": span id must be 8 bytes, not all zero (got " + span.getSpanId().size() + " bytes)";
        }
        if (!span.getParentSpanId().isEmpty() && span.getParentSpanId().size() != 8) {
            return name + ": parent span id must be 8 bytes or empty (got " + span.getParentSpanId().size() + " bytes)";
        }
        if (span.getStartTimeUnixNano() == 0) return name + ": no start time";
        return null;
    }

    private static void keep(List<Diagnostic> kept, Diagnostic d) {
        if (kept.size() < KEPT_DIAGNOSTICS) kept.add(d);
    }
}
