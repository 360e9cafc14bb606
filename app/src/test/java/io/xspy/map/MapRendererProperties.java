package io.xspy.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.graph.Histogram;
import io.xspy.graph.ServiceGraph;
import io.xspy.graph.Statistics;
import io.xspy.graph.layout.Layout;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.Text;
import io.xspy.trace.ServiceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the graph and its names: every edge is drawn, cell by cell, ending in an arrowhead that
 * points into its target; box corners are intact (no line drew over a box); no cell holds a code
 * point that could drive the terminal; the ASCII drawing's lines and borders are ASCII.
 */
class MapRendererProperties {

    private static final Set<String> ARROWS = Set.of("\u25B6", "\u25C0", ">", "<");

    @Provide
    Arbitrary<ServiceGraph> graphs() {
        Arbitrary<String> hostile = Arbitraries.oneOf(
                Arbitraries.of("\u001B[2J", "\u009B31m", "\u202E", "注文サービス", "\uD83D\uDE00", "\u0301", "\r\n", "DynamoDB",
                        "xraystarter-incoming0b397865-1hx8j3qf51d0x"),
                Arbitraries.strings().all().ofMaxLength(30));
        Arbitrary<String> type = Arbitraries.of("AWS::Lambda", "AWS::Lambda::Function", "AWS::DynamoDB::Table", "client", "\u001B]0;x\u0007");
        Arbitrary<Statistics> stats = Combinators.combine(Arbitraries.longs().between(0, 50), Arbitraries.longs().between(0, 5),
                Arbitraries.longs().between(0, 5), Arbitraries.longs().between(0, 5))
                .as((ok, throttle, error, fault) -> new Statistics(ok, throttle, error, fault, ok + throttle + error + fault, 0.1 * ok));
        return Arbitraries.integers().between(1, 25).flatMap(n -> {
            Arbitrary<ServiceGraph.Node> node = Combinators.combine(hostile, type, stats)
                    .as((name, t, s) -> new ServiceGraph.Node(0, ServiceId.of(name, t), false, s, histogram()));
            Arbitrary<int[]> edge = Combinators.combine(Arbitraries.integers().between(0, n - 1), Arbitraries.integers().between(0, n - 1))
                    .as((a, b) -> new int[] {a, b});
            return Combinators.combine(node.list().ofSize(n), edge.list().ofMaxSize(2 * n), stats).as((nodes, edges, s) -> {
                List<ServiceGraph.Node> numbered = new ArrayList<>();
                for (int i = 0; i < nodes.size(); i++) {
                    ServiceGraph.Node x = nodes.get(i);
                    numbered.add(new ServiceGraph.Node(i, x.id(), false, x.summary(), x.responseTimes()));
                }
                List<ServiceGraph.Edge> es = new ArrayList<>();
                Set<Long> seen = new HashSet<>();
                for (int[] e : edges) if (seen.add((long) e[0] << 32 | e[1])) es.add(new ServiceGraph.Edge(e[0], e[1], s, histogram()));
                return new ServiceGraph(Instant.EPOCH, Instant.EPOCH.plusSeconds(900), numbered, es);
            });
        });
    }

    private static Histogram histogram() {
        return new Histogram.Builder(0.001).add(0.05, 3).add(0.8).build();
    }

    @Property(tries = 150)
    void everyEdgeIsDrawnAndNoBoxIsCrossed(@ForAll("graphs") ServiceGraph graph, @ForAll @IntRange(min = 40, max = 240) int columns,
            @ForAll boolean ascii) {
        MapDrawing d = MapDrawing.of(graph, columns, ascii, false);
        Layout layout = d.layout();
        Canvas canvas = MapRenderer.render(d.map(), layout, ascii, MapRenderer.Selection.NONE);
        for (int e = 0; e < d.map().edges().size(); e++) {
            ServiceMap.Edge edge = d.map().edges().get(e);
            Layout.Route route = layout.routes().get(e);
            Layout.Rect target = layout.boxes().get(edge.to());
            if (route.loop()) {
                String mark = canvas.cell(target.right() - 1, target.y()).text();
                assertEquals(ascii ? "@" : "\u21BA", mark, "a loop is marked on its box");
                continue;
            }
            for (Layout.Point p : route.cells()) {
                assertFalse(canvas.cell(p.x(), p.y()).text().isBlank(), "edge " + e + " not drawn at " + p + "\n" + canvas.toText());
            }
            Layout.Point a = route.arrow();
            String head = canvas.cell(a.x(), a.y()).text();
            boolean pointsRight = a.x() < target.x();
            assertEquals(pointsRight ? (ascii ? ">" : "\u25B6") : (ascii ? "<" : "\u25C0"), head, "arrowhead of edge " + e + "\n" + canvas.toText());
        }
        for (Layout.Rect r : layout.boxes()) {
            assertEquals(ascii ? "+" : "\u250C", canvas.cell(r.x(), r.y()).text());
            assertEquals(ascii ? "+" : "\u2518", canvas.cell(r.right(), r.bottom()).text());
        }
        for (int y = 0; y < canvas.height(); y++) {
            for (int x = 0; x < canvas.width(); x++) {
                String cell = canvas.cell(x, y).text();
                assertTrue(cell.codePoints().noneMatch(Text::isUnsafe), "unsafe code point at " + x + "," + y);
                boolean inBox = inside(layout, x, y);
                if (ascii && !inBox && !cell.isEmpty()) assertTrue(cell.chars().allMatch(c -> c < 128), "not ASCII: " + cell);
                if (!inBox && ARROWS.contains(cell)) assertTrue(isArrow(layout, x, y), "a stray arrowhead at " + x + "," + y);
            }
        }
    }

    private static boolean inside(Layout layout, int x, int y) {
        return layout.boxes().stream().anyMatch(r -> x > r.x() && x < r.right() && y > r.y() && y < r.bottom());
    }

    private static boolean isArrow(Layout layout, int x, int y) {
        return layout.routes().stream().anyMatch(r -> r.arrow() != null && r.arrow().x() == x && r.arrow().y() == y);
    }
}
