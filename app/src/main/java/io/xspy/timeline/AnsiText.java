package io.xspy.timeline;

/**
 * A canvas as terminal text: one line per row, trailing blanks trimmed, with ANSI SGR colours per
 * style when asked (what {@code xspy trace} prints). The cells are already sanitized, so the only
 * escape sequences in the output are the ones written here.
 */
public final class AnsiText {

    private static final String ESC = "\u001B[";
    private static final String RESET = ESC + "0m";

    private AnsiText() {}

    public static String of(Canvas canvas, boolean color) {
        Chars out = new Chars(canvas.height() * (canvas.width() + 8));
        for (int y = 0; y < canvas.height(); y++) {
            int end = canvas.width();
            while (end > 0 && isTrimmable(canvas.cell(end - 1, y), color)) end--;
            Style current = Style.NORMAL;
            for (int x = 0; x < end; x++) {
                Cell cell = canvas.cell(x, y);
                if (color && cell.style() != current && !cell.isContinuation()) {
                    if (current != Style.NORMAL) out.append(RESET);
                    String sgr = sgr(cell.style());
                    if (sgr != null) out.append(ESC).append(sgr).append('m');
                    current = cell.style();
                }
                out.append(cell.text());
            }
            if (current != Style.NORMAL) out.append(RESET);
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * A StringBuilder for this one job: a cell is mostly one char, appended without StringBuilder's
     * checks per call (a 10,000-row trace is over a million cells, printed by cold code at start-up).
     */
    private static final class Chars {
        private char[] buf;
        private int size;

        Chars(int capacity) {
            buf = new char[Math.max(16, capacity)];
        }

        Chars append(char c) {
            if (size == buf.length) buf = java.util.Arrays.copyOf(buf, size * 2);
            buf[size++] = c;
            return this;
        }

        Chars append(String s) {
            int n = s.length();
            if (n == 1) return append(s.charAt(0));
            if (size + n > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(size * 2, size + n));
            s.getChars(0, n, buf, size);
            size += n;
            return this;
        }

        @Override
        public String toString() {
            return new String(buf, 0, size);
        }
    }

    /** A trailing blank can go unless it shows a background (the selection's reverse video). */
    private static boolean isTrimmable(Cell cell, boolean color) {
        return cell.text().equals(" ") && !(color && cell.style() == Style.SELECTED);
    }

    /** The SGR parameters of a style; null for the terminal's default. */
    public static String sgr(Style style) {
        return switch (style) {
            case NORMAL -> null;
            case DIM -> "90";
            case HEADER -> "1";
            case ACCENT -> "34";
            case OK -> "32";
            case ERROR -> "33";
            case THROTTLE -> "35";
            case FAULT -> "31";
            case COLD -> "36";
            case SELECTED -> "7";
        };
    }
}
