package io.xspy.source.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.graph.ServiceGraph;
import io.xspy.graph.ServiceGraphBuilder;
import io.xspy.query.FilterParser;
import io.xspy.testing.GoldenFiles;
import io.xspy.timeline.AnsiText;
import io.xspy.timeline.TimelineLayout;
import io.xspy.timeline.TimelineOptions;
import io.xspy.timeline.TimelineRenderer;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceAssembler;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Filters, the service graph and the timeline work unchanged on translated OpenTelemetry spans. */
class OtelDataInTheCoreTest {

    private static final Trace TRACE = TraceAssembler.assemble("1-5759e988-bd862e3fe1be46a994272793",
            OtlpTranslation.segments(Spans.checkout(), "otlp"));

    @Test
    void filterExpressionsSelectOtelTraces() {
        assertTrue(FilterParser.parse("service(\"checkout\") { fault }").matches(TRACE));
        assertTrue(FilterParser.parse("annotation.tenant = \"acme\"").matches(TRACE));
        assertTrue(FilterParser.parse("http.status = 500 AND http.method = \"POST\"").matches(TRACE));
        assertTrue(FilterParser.parse("responsetime > 0.1 AND duration < 0.2").matches(TRACE));
        assertFalse(FilterParser.parse("service(\"billing\")").matches(TRACE));
        assertTrue(FilterParser.parse("service(id(name: \"orders\", type: \"AWS::DynamoDB::Table\")) { fault }").matches(TRACE));
    }

    @Test
    void serviceGraphHasTheServiceAndItsDownstreamCalls() {
        ServiceGraph graph = ServiceGraphBuilder.build(List.of(TRACE), Instant.parse("2026-11-29T11:59:00Z"),
                Instant.parse("2026-11-29T12:01:00Z"));
        String nodes = graph.services().stream().map(n -> n.id().name() + " " + n.id().type()).sorted().toList().toString();
        assertEquals("[checkout client, orders AWS::DynamoDB::Table, pay.example remote]", nodes);
        ServiceGraph.Node checkout = graph.services().stream().filter(n -> n.id().name().equals("checkout")).findFirst().orElseThrow();
        assertTrue(checkout.root());
        assertEquals(1, checkout.summary().faultTotal());
        assertEquals(2, graph.calleesOf(checkout.referenceId()).size());
        assertNotNull(graph.find("orders", "AWS::DynamoDB::Table"));
    }

    @Test
    void timelineDrawsTheServiceItsCallsAndTheException() {
        String text = AnsiText.of(TimelineRenderer.render(TRACE, TimelineLayout.rows(TRACE, Set.of()),
                TimelineOptions.full(100, true)), false);
        GoldenFiles.check("otel", "checkout-100-ascii.txt", text);
        assertTrue(text.contains("checkout") && text.contains("DynamoDB") && text.contains("pay.example"), text);
    }
}
