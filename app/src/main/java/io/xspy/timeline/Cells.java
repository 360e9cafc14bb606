package io.xspy.timeline;

/**
 * Shared cells for the common characters (below U+3000: Latin, punctuation, box drawing, blocks),
 * one per character and style, so drawing a large canvas (a 10,000-row timeline) allocates no object
 * per column.
 */
final class Cells {
    private static final Style[] STYLES = Style.values();
    private static final int SHARED = 0x3000;
    private static final Cell[][] TABLE = new Cell[STYLES.length][];
    private static final Cell[] CONTINUATION = new Cell[STYLES.length];

    static {
        for (Style s : STYLES) CONTINUATION[s.ordinal()] = new Cell("", s);
    }

    private Cells() {}

    /** The cell of one BMP character in a style (cells are immutable, so they can be shared). */
    static Cell of(char c, Style style) {
        if (c >= SHARED) return new Cell(String.valueOf(c), style);
        Cell[] row = TABLE[style.ordinal()];
        if (row == null) {
            synchronized (TABLE) {
                row = TABLE[style.ordinal()];
                if (row == null) TABLE[style.ordinal()] = row = new Cell[SHARED];
            }
        }
        Cell cell = row[c];
        if (cell == null) row[c] = cell = new Cell(String.valueOf(c), style);
        return cell;
    }

    /** The second column of a wide character. */
    static Cell continuation(Style style) {
        return CONTINUATION[style.ordinal()];
    }
}
