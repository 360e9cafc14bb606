package io.xspy.cli;

import io.xspy.graph.ServiceGraph;
import io.xspy.map.MapDrawing;
import io.xspy.map.MapRenderer;
import io.xspy.timeline.AnsiText;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.Style;
import java.io.PrintWriter;

/** {@code xspy services --map}: the drawn service map, then a line that says what the marks mean. */
final class ServiceMapPrinter {
    private ServiceMapPrinter() {}

    static void print(PrintWriter out, ServiceGraph graph, int width, boolean color, boolean ascii) {
        int columns = Math.max(40, Math.min(400, width));
        if (graph.services().isEmpty()) {
            out.println("no services in the window");
            return;
        }
        MapDrawing drawing = MapDrawing.of(graph, columns, ascii, true);
        out.print(AnsiText.of(MapRenderer.render(drawing.map(), drawing.layout(), ascii, MapRenderer.Selection.NONE), color));
        Canvas legend = new Canvas(columns, 1, ascii);
        legend.put(0, 0, MapRenderer.legend(ascii), Style.DIM);
        out.print(AnsiText.of(legend, color));
    }
}
