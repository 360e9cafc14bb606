package io.xspy.timeline;

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
        int nameWidth) {

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
        return new TimelineOptions(width, ascii, start, end, selectedRow, firstRow, maxRows, showHeader, nameWidth);
    }

    public TimelineOptions withSelectedRow(int row) {
        return new TimelineOptions(width, ascii, viewStart, viewEnd, row, firstRow, maxRows, showHeader, nameWidth);
    }

    public TimelineOptions withWindow(int first, int max) {
        return new TimelineOptions(width, ascii, viewStart, viewEnd, selectedRow, first, max, showHeader, nameWidth);
    }

    public TimelineOptions withNameWidth(int columns) {
        return new TimelineOptions(width, ascii, viewStart, viewEnd, selectedRow, firstRow, maxRows, showHeader, columns);
    }

    public TimelineOptions withHeader(boolean header) {
        return new TimelineOptions(width, ascii, viewStart, viewEnd, selectedRow, firstRow, maxRows, header, nameWidth);
    }
}
