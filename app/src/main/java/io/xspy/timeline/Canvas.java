package io.xspy.timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A grid of styled cells that every screen and printer draws on: the TUI copies it to the terminal,
 * the CLI prints it. It is the single choke point for text from data: {@link #put} sanitizes, so no
 * control character reaches a terminal. Wide characters take two cells; writes are clipped.
 */
public final class Canvas {
    private final int width;
    private final int height;
    private final boolean ascii;
    private final Cell[] cells;

    public Canvas(int width, int height) {
        this(width, height, false);
    }

    /** @param ascii use the ASCII placeholder for unsafe characters */
    public Canvas(int width, int height, boolean ascii) {
        this.width = Math.max(0, width);
        this.height = Math.max(0, height);
        this.ascii = ascii;
        this.cells = new Cell[this.width * this.height];
        Arrays.fill(cells, Cell.BLANK);
    }

    public int width() { return width; }

    public int height() { return height; }

    public boolean ascii() { return ascii; }

    public Cell cell(int x, int y) {
        return inside(x, y) ? cells[y * width + x] : Cell.BLANK;
    }

    /**
     * Writes text from column x on row y, sanitized, clipped at the right edge (a wide character that
     * does not fit becomes a space). Returns the column after the text.
     */
    public int put(int x, int y, String text, Style style) {
        return put(x, y, text, style, width);
    }

    /**
     * {@link #put(int, int, String, Style)} clipped at column {@code right} (at most the width) rather
     * than at the right edge: as if written on a canvas that ends there and then drawn onto a blank row of this one.
     */
    public int put(int x, int y, String text, Style style, int right) {
        right = Math.min(right, width);
        if (text == null || y < 0 || y >= height) return x;
        if (text.length() == 1 && x >= 0 && x < right && isPlainNarrow(text.charAt(0))) {
            // one safe one-column character (a bar cell, a border, a letter): what the loop below does for it, minus the lookups
            clearWideAt(x, y);
            cells[y * width + x] = Cells.of(text.charAt(0), style);
            return x + 1;
        }
        String safe = Text.sanitize(text, ascii);
        int col = x;
        for (int i = 0; i < safe.length() && col < right; ) {
            int cp = safe.codePointAt(i);
            int n = Character.charCount(cp);
            int w = Text.width(cp);
            if (w == 0) {
                appendToPrevious(col, y, safe.substring(i, i + n));
            } else if (col >= 0) {
                if (w == 2 && col + 1 >= right) {
                    set(col, y, Cells.of(' ', style));
                } else {
                    clearWideAt(col, y);
                    set(col, y, n == 1 ? Cells.of(safe.charAt(i), style) : new Cell(safe.substring(i, i + n), style));
                    if (w == 2) {
                        clearWideAt(col + 1, y);
                        set(col + 1, y, Cells.continuation(style));
                    }
                }
            }
            col += w;
            i += n;
        }
        return col;
    }

    /** ASCII and Latin-1 printables, box drawing, blocks and geometric shapes short of the wide emoji ones. */
    private static boolean isPlainNarrow(char c) {
        return (c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c <= 0xFF) || (c >= 0x2500 && c <= 0x25FC);
    }

    /** Fills a run of cells with one character. */
    public void fill(int x, int y, int count, String ch, Style style) {
        for (int i = 0; i < count; i++) put(x + i, y, ch, style);
    }

    /** Changes the style of a run of cells, keeping their text (selection highlight). */
    public void restyle(int x, int y, int count, Style style) {
        for (int c = Math.max(0, x); c < Math.min(width, x + count); c++) {
            if (inside(c, y)) cells[y * width + c] = new Cell(cells[y * width + c].text(), style);
        }
    }

    /**
     * Copies another canvas onto this one with its top-left corner at (x, y). A wide character cut in
     * half by this canvas's edge becomes a space, so no half glyph is left.
     */
    public void draw(Canvas other, int x, int y) {
        for (int row = 0; row < other.height; row++) {
            int ty = y + row;
            if (ty < 0 || ty >= height) continue;
            // wide characters of this canvas half covered by the copy lose their other half
            clearWideAt(x, ty);
            clearWideAt(x + other.width - 1, ty);
            for (int col = 0; col < other.width; col++) {
                int tx = x + col;
                if (!inside(tx, ty)) continue;
                Cell cell = other.cells[row * other.width + col];
                boolean wide = col + 1 < other.width && other.cells[row * other.width + col + 1].isContinuation();
                if ((wide && tx + 1 >= width) || (cell.isContinuation() && (tx == 0 || col == 0))) cell = new Cell(" ", cell.style());
                cells[ty * width + tx] = cell;
            }
        }
    }

    /** The rows as plain text, trailing spaces removed: what golden files compare. */
    public List<String> lines() {
        List<String> out = new ArrayList<>(height);
        for (int y = 0; y < height; y++) out.add(line(y));
        return out;
    }

    public String line(int y) {
        StringBuilder s = new StringBuilder(width);
        for (int x = 0; x < width; x++) s.append(cells[y * width + x].text());
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') end--;
        return s.substring(0, end);
    }

    public String toText() {
        return String.join("\n", lines()) + "\n";
    }

    private boolean inside(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height;
    }

    private void set(int x, int y, Cell cell) {
        if (inside(x, y)) cells[y * width + x] = cell;
    }

    /** Overwriting half of a wide character blanks its other half, so no half glyph remains. */
    private void clearWideAt(int x, int y) {
        if (!inside(x, y)) return;
        Cell old = cells[y * width + x];
        if (old.isContinuation() && x > 0) set(x - 1, y, new Cell(" ", cells[y * width + x - 1].style()));
        else if (!old.isContinuation() && x + 1 < width && cells[y * width + x + 1].isContinuation()) {
            set(x + 1, y, new Cell(" ", old.style()));
        }
    }

    private void appendToPrevious(int col, int y, String mark) {
        int x = col - 1;
        while (x >= 0 && inside(x, y) && cells[y * width + x].isContinuation()) x--;
        if (inside(x, y)) {
            Cell c = cells[y * width + x];
            cells[y * width + x] = new Cell(c.text() + mark, c.style());
        }
    }
}
