package io.xspy.statsview;

import io.xspy.timeline.Canvas;
import java.util.List;

/** Canvases one below the other on one canvas: how the views compose a report. */
public final class Stack {
    private Stack() {}

    /** The parts top to bottom, {@code gap} blank rows between them. */
    public static Canvas vertical(List<Canvas> parts, int width, int gap, boolean ascii) {
        int height = 0;
        for (int i = 0; i < parts.size(); i++) height += parts.get(i).height() + (i > 0 ? gap : 0);
        Canvas out = new Canvas(width, height, ascii);
        int y = 0;
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) y += gap;
            out.draw(parts.get(i), 0, y);
            y += parts.get(i).height();
        }
        return out;
    }
}
