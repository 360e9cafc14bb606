package io.xspy.graph.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * On random graphs (acyclic or not, with loops and repeated links): boxes do not overlap, no
 * route runs through a box, every link is routed from beside its source to beside its target in
 * unit steps, and an arrowhead's cell belongs to no route that goes anywhere else.
 */
class LayeredLayoutProperties {

    @Provide
    Arbitrary<LayoutGraph> graphs() {
        return Arbitraries.integers().between(1, 30).flatMap(n -> {
            Arbitrary<LayoutGraph.Box> box = Combinators.combine(Arbitraries.integers().between(2, 24),
                    Arbitraries.integers().between(0, 10), Arbitraries.integers().between(4, 8))
                    .as((min, extra, height) -> new LayoutGraph.Box(min + extra, min, height));
            Arbitrary<LayoutGraph.Link> link = Combinators.combine(Arbitraries.integers().between(0, n - 1),
                    Arbitraries.integers().between(0, n - 1)).as(LayoutGraph.Link::new);
            return Combinators.combine(box.list().ofSize(n), link.list().ofMaxSize(2 * n + 5)).as(LayoutGraph::new);
        });
    }

    /** Links only from a box to a later one: no cycle to break. */
    @Provide
    Arbitrary<LayoutGraph> dags() {
        return graphs().map(g -> new LayoutGraph(g.boxes(), g.links().stream()
                .filter(l -> l.from() != l.to())
                .map(l -> new LayoutGraph.Link(Math.min(l.from(), l.to()), Math.max(l.from(), l.to()))).toList()));
    }

    @Property(tries = 300)
    void boxesDoNotOverlapAndKeepTheirSize(@ForAll("graphs") LayoutGraph g, @ForAll @IntRange(min = 20, max = 300) int maxWidth) {
        Layout layout = LayeredLayout.of(g, maxWidth);
        List<Layout.Rect> boxes = layout.boxes();
        assertEquals(g.boxes().size(), boxes.size());
        for (int i = 0; i < boxes.size(); i++) {
            Layout.Rect r = boxes.get(i);
            assertEquals(g.boxes().get(i).height(), r.height());
            assertTrue(r.width() >= g.boxes().get(i).minWidth(), "box " + i + " narrower than its minimum: " + r);
            assertTrue(r.x() >= 0 && r.y() >= 0 && r.right() < layout.width() && r.bottom() < layout.height(), "box outside: " + r);
            for (int j = i + 1; j < boxes.size(); j++) assertFalse(overlap(r, boxes.get(j)), "boxes " + i + " and " + j + " overlap");
        }
    }

    @Property(tries = 300)
    void everyLinkIsRoutedAroundTheBoxes(@ForAll("graphs") LayoutGraph g, @ForAll @IntRange(min = 20, max = 300) int maxWidth) {
        checkRoutes(g, LayeredLayout.of(g, maxWidth));
    }

    @Property(tries = 200)
    void acyclicGraphsToo(@ForAll("dags") LayoutGraph g, @ForAll @IntRange(min = 20, max = 300) int maxWidth) {
        Layout layout = LayeredLayout.of(g, maxWidth);
        checkRoutes(g, layout);
        // without a cycle, every link points right: from a layer to a later one
        for (LayoutGraph.Link l : g.links()) assertTrue(layout.layerOf(l.from()) < layout.layerOf(l.to()), "link " + l + " points back");
    }

    @Property(tries = 200)
    void everyBoxIsInExactlyOneLayer(@ForAll("graphs") LayoutGraph g) {
        Layout layout = LayeredLayout.of(g, 200);
        List<Integer> all = layout.layers().stream().flatMap(List::stream).sorted().toList();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < g.boxes().size(); i++) expected.add(i);
        assertEquals(expected, all);
        for (List<Integer> layer : layout.layers()) {
            for (int k = 0; k + 1 < layer.size(); k++) {
                Layout.Rect a = layout.boxes().get(layer.get(k));
                Layout.Rect b = layout.boxes().get(layer.get(k + 1));
                assertEquals(a.x(), b.x(), "a layer is one column");
                assertTrue(a.bottom() < b.y(), "a layer lists its boxes from top to bottom");
            }
        }
    }

    @Property(tries = 200)
    void fitsTheWidthWhenTheBoxesCanNarrowEnough(@ForAll("graphs") LayoutGraph g) {
        Layout wide = LayeredLayout.of(g, 10_000);
        int slack = 0;
        for (List<Integer> layer : wide.layers()) {
            int widest = layer.stream().mapToInt(v -> g.boxes().get(v).preferredWidth()).max().orElse(0);
            int minimum = layer.stream().mapToInt(v -> g.boxes().get(v).minWidth()).max().orElse(0);
            slack += widest - minimum;
        }
        int narrowest = wide.width() - slack;
        Layout fitted = LayeredLayout.of(g, narrowest);
        assertEquals(narrowest, fitted.width(), "narrowed to the minimum widths");
    }

    static void checkRoutes(LayoutGraph g, Layout layout) {
        assertEquals(g.links().size(), layout.routes().size());
        Map<Layout.Point, Set<Integer>> routesThrough = new HashMap<>();
        for (int e = 0; e < g.links().size(); e++) {
            LayoutGraph.Link l = g.links().get(e);
            Layout.Route route = layout.routes().get(e);
            assertEquals(l.from() == l.to(), route.loop(), "only a link to itself is a loop");
            if (route.loop()) continue;
            List<Layout.Point> cells = route.cells();
            assertFalse(cells.isEmpty(), "link " + e + " has no route");
            assertTrue(beside(cells.get(0), layout.boxes().get(l.from())), "link " + e + " starts away from its source");
            assertTrue(beside(route.arrow(), layout.boxes().get(l.to())), "link " + e + " ends away from its target");
            for (int i = 0; i < cells.size(); i++) {
                Layout.Point p = cells.get(i);
                assertTrue(p.x() >= 0 && p.y() >= 0 && p.x() < layout.width() && p.y() < layout.height(), "outside: " + p);
                for (int b = 0; b < layout.boxes().size(); b++) {
                    assertFalse(layout.boxes().get(b).contains(p.x(), p.y()), "link " + e + " runs through box " + b + " at " + p);
                }
                if (i > 0) {
                    Layout.Point q = cells.get(i - 1);
                    assertEquals(1, Math.abs(p.x() - q.x()) + Math.abs(p.y() - q.y()), "link " + e + " jumps from " + q + " to " + p);
                }
                routesThrough.computeIfAbsent(p, k -> new HashSet<>()).add(e);
            }
        }
        for (int e = 0; e < g.links().size(); e++) {
            Layout.Point arrow = layout.routes().get(e).arrow();
            if (arrow == null) continue;
            for (int other : routesThrough.get(arrow)) {
                assertEquals(g.links().get(e).to(), g.links().get(other).to(), "link " + other + " runs through the arrowhead of " + e);
                assertEquals(arrow, layout.routes().get(other).arrow(), "link " + other + " runs through the arrowhead of " + e);
            }
        }
    }

    /** Next to a side of the box (left or right, between its top and bottom rows). */
    private static boolean beside(Layout.Point p, Layout.Rect r) {
        return (p.x() == r.x() - 1 || p.x() == r.right() + 1) && p.y() > r.y() && p.y() < r.bottom();
    }

    private static boolean overlap(Layout.Rect a, Layout.Rect b) {
        return a.x() <= b.right() && b.x() <= a.right() && a.y() <= b.bottom() && b.y() <= a.bottom();
    }
}
