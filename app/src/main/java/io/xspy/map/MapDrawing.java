package io.xspy.map;

import io.xspy.graph.ServiceGraph;
import io.xspy.graph.layout.LayeredLayout;
import io.xspy.graph.layout.Layout;
import io.xspy.graph.layout.LayoutGraph;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A service map and its layout for a number of columns: what the CLI prints and the TUI shows. */
public record MapDrawing(ServiceMap map, Layout layout) {

    /** Past this many services, the most numerous types are collapsed into one box each. */
    public static final int MAX_NODES = 50;

    /**
     * The map laid out for {@code columns}: with more than {@link #MAX_NODES} services the most
     * numerous types are collapsed; with {@code collapseToFit} (where there is no scrolling, as on
     * stdout) more types are collapsed while the drawing is wider than the columns.
     */
    public static MapDrawing of(ServiceGraph graph, int columns, boolean ascii, boolean collapseToFit) {
        Set<String> types = new LinkedHashSet<>(ServiceMap.typesToFit(graph, MAX_NODES));
        MapDrawing d = layOut(ServiceMap.collapsed(graph, types), columns, ascii);
        if (!collapseToFit) return d;
        for (String t : ServiceMap.typesByCount(graph)) {
            if (d.layout().width() <= columns) break;
            if (!types.add(t)) continue;
            d = layOut(ServiceMap.collapsed(graph, types), columns, ascii);
        }
        return d;
    }

    static MapDrawing layOut(ServiceMap map, int columns, boolean ascii) {
        List<LayoutGraph.Box> boxes = new ArrayList<>();
        for (ServiceMap.Node n : map.nodes()) boxes.add(BoxText.box(map, n, ascii));
        List<LayoutGraph.Link> links = new ArrayList<>();
        for (ServiceMap.Edge e : map.edges()) links.add(new LayoutGraph.Link(e.from(), e.to()));
        return new MapDrawing(map, LayeredLayout.of(new LayoutGraph(boxes, links), columns));
    }
}
