package io.xspy.table;

import io.xspy.timeline.Canvas;
import io.xspy.timeline.Style;
import io.xspy.timeline.Text;
import java.util.List;

/**
 * Columns laid out and drawn onto a canvas: on a screen, flexible columns share the room the fixed
 * ones leave; printed, every column is as wide as its widest cell. All text goes through the canvas.
 */
public record Table<T>(List<Column<T>> columns) {

    public Table {
        columns = List.copyOf(columns);
    }

    /**
     * Column widths on a screen {@code width} wide with {@code gap} blanks between columns; optional
     * columns that do not fit get 0 (not drawn), so the others are not cut.
     */
    public int[] widths(int width, int gap) {
        boolean[] shown = new boolean[columns.size()];
        java.util.Arrays.fill(shown, true);
        while (needed(shown, gap) > width) {
            int worst = -1;
            for (int i = 0; i < shown.length; i++) {
                if (shown[i] && columns.get(i).drop() > 0 && (worst < 0 || columns.get(i).drop() > columns.get(worst).drop())) worst = i;
            }
            if (worst < 0) break;
            shown[worst] = false;
        }
        int[] out = new int[columns.size()];
        int count = 0;
        for (boolean s : shown) if (s) count++;
        int room = width - gap * Math.max(0, count - 1);
        int shares = 0;
        for (int i = 0; i < out.length; i++) {
            Column<T> c = columns.get(i);
            if (!shown[i]) continue;
            if (c.share() == 0) room -= out[i] = c.width();
            else shares += c.share();
        }
        // flexible columns get their least width, then share what is left
        for (int i = 0; i < out.length; i++) if (shown[i] && columns.get(i).share() > 0) room -= columns.get(i).width();
        int free = Math.max(0, room);
        int lastFlex = -1;
        int given = 0;
        for (int i = 0; i < out.length; i++) {
            Column<T> c = columns.get(i);
            if (c.share() == 0 || !shown[i]) continue;
            int extra = free * c.share() / shares;
            out[i] = c.width() + extra;
            given += extra;
            lastFlex = i;
        }
        if (lastFlex >= 0) out[lastFlex] += free - given; // the rounding remainder
        return out;
    }

    /** The least width the shown columns need: every column at its width, and the gaps. */
    private int needed(boolean[] shown, int gap) {
        int total = 0;
        int count = 0;
        for (int i = 0; i < shown.length; i++) {
            if (!shown[i]) continue;
            total += columns.get(i).width();
            count++;
        }
        return total + gap * Math.max(0, count - 1);
    }

    /** Column widths that fit every cell of these rows and the headers (for printing). */
    public int[] fitted(List<T> rows, boolean ascii) {
        int[] out = new int[columns.size()];
        for (int i = 0; i < out.length; i++) {
            Column<T> c = columns.get(i);
            int w = Text.width(c.header());
            for (T r : rows) w = Math.max(w, Text.width(Text.sanitize(c.value().apply(r, ascii), ascii)));
            out[i] = w;
        }
        return out;
    }

    /** The header line from column x. */
    public void header(Canvas c, int x, int y, int[] widths, int gap) {
        for (int i = 0; i < columns.size(); i++) {
            if (widths[i] == 0) continue; // dropped
            Column<T> col = columns.get(i);
            c.put(x, y, pad(col.header(), widths[i], col.align(), c.ascii()), Style.HEADER);
            x += widths[i] + gap;
        }
    }

    /** One row from column x, each cell in its column's colour. */
    public void row(Canvas c, int x, int y, T row, int[] widths, int gap) {
        boolean ascii = c.ascii();
        for (int i = 0; i < columns.size(); i++) {
            if (widths[i] == 0) continue; // dropped
            Column<T> col = columns.get(i);
            String text = Text.sanitize(col.value().apply(row, ascii), ascii);
            if (col.compact() != null && Text.width(text) > widths[i]) text = Text.sanitize(col.compact().apply(row), ascii);
            c.put(x, y, pad(text, widths[i], col.align(), ascii), col.style().apply(row));
            x += widths[i] + gap;
        }
    }

    /** The whole table as printed text: header and rows, columns fitted to their content, two blanks apart. */
    public Canvas print(List<T> rows, boolean ascii) {
        int gap = 2;
        int[] widths = fitted(rows, ascii);
        int total = 0;
        for (int w : widths) total += w + gap;
        Canvas canvas = new Canvas(Math.max(1, total - gap), rows.size() + 1, ascii);
        header(canvas, 0, 0, widths, gap);
        for (int i = 0; i < rows.size(); i++) row(canvas, 0, i + 1, rows.get(i), widths, gap);
        return canvas;
    }

    private static String pad(String s, int width, Align align, boolean ascii) {
        return align == Align.RIGHT ? Text.padLeft(s, width, ascii) : Text.padRight(s, width, ascii);
    }
}
