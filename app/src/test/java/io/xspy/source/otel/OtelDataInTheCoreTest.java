package io.xspy.source.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.graph.ServiceGraph;
import io.xspy.graph.ServiceGraphBuilder;
import io.xspy.query.Filter;
import io.xspy.query.FilterParser;
import io.xspy.stats.CriticalPath;
import io.xspy.stats.PathStats;
import io.xspy.stats.SpanSelector;
import io.xspy.stats.SpanStats;
import io.xspy.stats.Split;
import io.xspy.stats.TraceDiff;
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

/** Filters, the service graph, the timeline and the analytics work unchanged on translated OpenTelemetry spans. */
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

    @Test
    void statisticsGroupTheOtelSpansByPath() {
        SpanStats stats = SpanStats.compute(List.of(TRACE, TRACE), Filter.ALL, SpanSelector.of("PutItem"), Split.COLD);
        assertEquals(1, stats.paths().size(), stats.paths().toString());
        PathStats putItem = stats.paths().get(0);
        assertTrue(putItem.path().toString().contains("checkout"), putItem.path().toString());
        assertEquals(2, putItem.all().count());
        assertEquals(2, putItem.all().faults(), "the span's ERROR status is a fault in both traces");
    }

    @Test
    void criticalPathAndDiffWorkOnOtelTraces() {
        CriticalPath path = CriticalPath.of(TRACE);
        double sum = path.contributions().stream().mapToDouble(CriticalPath.Contribution::seconds).sum();
        assertEquals(path.duration(), sum, 1e-9, "the path accounts for the whole trace");
        assertTrue(path.duration() > 0.119 && path.duration() < 0.121, "the checkout span's 120 ms: " + path.duration());
        TraceDiff same = TraceDiff.of(TRACE, TRACE);
        assertEquals(TRACE.nodeCount(), same.count(TraceDiff.Presence.BOTH), "every span pairs with itself");
        assertEquals(0, same.deltaSeconds(), 1e-12);
    }
}
