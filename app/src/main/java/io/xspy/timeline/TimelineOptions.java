package io.xspy.timeline;

import java.util.Set;

/**
 * How to draw a timeline.
 *
 * @param width       columns of the canvas (any; 40..400 is what the layout is designed for)
 * @param ascii       ASCII glyphs only
 * @param viewStart   start of the shown time range, seconds from the trace start (NaN: the trace start)
 * @param viewEnd     end of the shown time range, seconds from the trace start (NaN: the trace end)
 * @param selectedRow index into the rows of the highlighted row, or -1
 * @param firstRow    index of the first row drawn (vertical scrolling)
 * @param maxRows     at most this many rows are drawn, so a frame costs what is visible
 * @param showHeader  draw the axis line above the rows
 * @param nameWidth   columns of the name column, or 0 for the default share of the width
 * @param highlighted ids of the nodes drawn highlighted (the critical path): a marker and a bold label
 */
public record TimelineOptions(
        int width,
        boolean ascii,
        double viewStart,
        double viewEnd,
        int selectedRow,
        int firstRow,
        int maxRows,
        boolean showHeader,
        int nameWidth,
        Set<String> highlighted) {

    public TimelineOptions {
        highlighted = highlighted == null ? Set.of() : highlighted;
    }

    /** Nothing highlighted. */
    public TimelineOptions(int width, boolean ascii, double viewStart, double viewEnd, int selectedRow, int firstRow,
            int maxRows, boolean showHeader, int nameWidth) {
        this(width, ascii, viewStart, viewEnd, selectedRow, firstRow, maxRows, showHeader, nameWidth, Set.of());
    }

    /** With the default name column. */
    public TimelineOptions(int width, boolean ascii, double viewStart, double viewEnd, int selectedRow, int firstRow,
            int maxRows, boolean showHeader) {
        this(width, ascii, viewStart, viewEnd, selectedRow, firstRow, maxRows, showHeader, 0);
    }

    /** The whole trace, every row, with the axis line. */
    public static TimelineOptions full(int width, boolean ascii) {
        return new TimelineOptions(width, ascii, Double.NaN, Double.NaN, -1, 0, Integer.MAX_VALUE, true);
    }

    public TimelineOptions withView(double start, double end) {
        return new TimelineOptions(width, ascii, start, end, selectedRow, firstRow, maxRows, showHeader, nameWidth, highlighted);
    }

    public TimelineOptions withSelectedRow(int row) {
        return new TimelineOptions(width, ascii, viewStart, viewEnd, row, firstRow, maxRows, showHeader, nameWidth, highlighted);
    }

    public TimelineOptions withWindow(int first, int max) {
        return new TimelineOptions(width, ascii, viewStart, viewEnd, selectedRow, first, max, showHeader, nameWidth, highlighted);
    }

    public TimelineOptions withNameWidth(int columns) {
        return new TimelineOptions(width, ascii, viewStart, viewEnd, selectedRow, firstRow, maxRows, showHeader, columns, highlighted);
    }

    public TimelineOptions withHeader(boolean header) {
        return new TimelineOptions(width, ascii, viewStart, viewEnd, selectedRow, firstRow, maxRows, header, nameWidth, highlighted);
    }

    /** These nodes drawn highlighted (a set the caller keeps; looked up once a drawn row). */
    public TimelineOptions withHighlighted(Set<String> ids) {
        return new TimelineOptions(width, ascii, viewStart, viewEnd, selectedRow, firstRow, maxRows, showHeader, nameWidth, ids);
    }
}
