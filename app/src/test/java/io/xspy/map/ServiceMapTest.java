package io.xspy.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.graph.Histogram;
import io.xspy.graph.ServiceGraph;
import io.xspy.graph.Statistics;
import io.xspy.timeline.Canvas;
import io.xspy.trace.ServiceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Collapsing by type when there are too many services, and the numbers in a box. */
class ServiceMapTest {

    /** A topic fanning out to {@code functions} Lambda functions, each calling one of three tables. */
    static ServiceGraph fanOut(int functions) {
        return FanOutGraph.of(functions, Instant.EPOCH, Instant.EPOCH.plusSeconds(100));
    }

    @Test
    void fiftyServicesAreEachDrawnAndScroll() {
        MapDrawing d = MapDrawing.of(fanOut(46), 80, false, false);
        assertEquals(50, d.map().nodes().size());
        assertTrue(d.layout().height() > 24, "taller than a screen: the view scrolls");
        assertTrue(d.layout().width() <= 80);
    }

    @Test
    void moreThanFiftyCollapseTheMostNumerousTypeIntoOneBox() {
        MapDrawing d = MapDrawing.of(fanOut(60), 80, false, false);
        assertEquals(5, d.map().nodes().size(), "topic, three tables, one box for the functions");
        ServiceMap.Node functions = d.map().nodes().stream().filter(ServiceMap.Node::collapsed).findFirst().orElseThrow();
        assertEquals(60, functions.members().size());
        assertEquals(600, functions.summary().totalCount());
        assertEquals(60, functions.summary().faultTotal());
        // the topic's sixty edges are one edge now, with their requests summed
        ServiceMap.Edge in = d.map().edges().stream().filter(e -> e.to() == d.map().nodes().indexOf(functions)).findFirst().orElseThrow();
        assertEquals(60, in.members().size());
        assertEquals(600, in.summary().totalCount());
        Canvas c = MapRenderer.render(d.map(), d.layout(), false, MapRenderer.Selection.NONE);
        assertTrue(c.toText().contains("60 \u00D7 AWS::Lambda::Function"), c.toText());
        Canvas ascii = MapRenderer.render(d.map(), d.layout(), true, MapRenderer.Selection.NONE);
        assertTrue(ascii.toText().contains("60 x AWS::Lambda::Function"), ascii.toText());
    }

    @Test
    void withoutScrollingMoreTypesCollapseUntilTheMapFitsTheWidth() {
        // a chain of 8 services, two of each type: 8 layers do not fit 60 columns
        List<ServiceGraph.Node> nodes = new ArrayList<>();
        List<ServiceGraph.Edge> edges = new ArrayList<>();
        String[] types = {"AWS::A", "AWS::B", "AWS::C", "AWS::D"};
        for (int i = 0; i < 8; i++) {
            nodes.add(new ServiceGraph.Node(i, ServiceId.of("s" + i, types[i / 2]), i == 0, Statistics.EMPTY, Histogram.EMPTY));
            if (i > 0) edges.add(new ServiceGraph.Edge(i - 1, i, Statistics.EMPTY, Histogram.EMPTY));
        }
        ServiceGraph g = new ServiceGraph(Instant.EPOCH, Instant.EPOCH.plusSeconds(60), nodes, edges);
        assertTrue(MapDrawing.of(g, 60, false, false).layout().width() > 60, "scrolls where it may");
        MapDrawing fitted = MapDrawing.of(g, 60, false, true);
        assertTrue(fitted.layout().width() <= 60, "width " + fitted.layout().width());
        assertTrue(fitted.map().nodes().size() < 8);
    }

    @Test
    void requestsPerSecondInTwoSignificantDigits() {
        assertEquals("0.098/s", BoxText.perSecond(0.0978));
        assertEquals("1.2/s", BoxText.perSecond(1.23));
        assertEquals("12/s", BoxText.perSecond(12.3));
        assertEquals("0.0094/s", BoxText.perSecond(0.00944));
        assertEquals("<0.001/s", BoxText.perSecond(0.0002));
        assertEquals("0/s", BoxText.perSecond(0));
        assertEquals("-/s", BoxText.perSecond(Double.NaN));
        assertEquals("15k/s", BoxText.perSecond(15_000));
    }

    @Test
    void longNamesAreCutInTheMiddleSoTheirEndsStayApart() {
        assertEquals("xrays\u2026er-py", BoxText.middle("xraystarter-py", 11, false));
        assertEquals("xrays.er-py", BoxText.middle("xraystarter-py", 11, true));
        assertEquals("short", BoxText.middle("short", 11, false));
        assertEquals("\u6CE8\u6587\u2026\u30D3\u30B9", BoxText.middle("\u6CE8\u6587\u30B5\u30FC\u30D3\u30B9", 9, false));
        assertEquals("\u25CC\u0301abc", BoxText.middle("\u0301abc", 11, false), "a lone combining mark does not join the border");
        assertEquals("\uFFFD[2J", BoxText.middle("\u001B[2J", 11, false), "sanitized");
    }
}
