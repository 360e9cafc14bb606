package io.xspy.tui;

import io.xspy.timeline.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps pane lines to a width, so long values (exception messages, ARNs, log lines) are read in
 * full rather than cut: at spaces, else after / : , (ARNs and URLs), else anywhere. Continuation
 * rows start at the line's hang; line breaks in the text start a new row.
 */
final class Wrap {
    private Wrap() {}

    /** The rows of one line at a width, sanitized. */
    static List<String> rows(Line line, int width, boolean ascii) {
        List<String> out = new ArrayList<>();
        if (width <= 0) return out;
        int hang = Math.min(line.hangColumns(), width / 2);
        String[] paragraphs = line.text().split("\r\n|\n|\r", -1);
        for (int p = 0; p < paragraphs.length; p++) {
            String rest = Text.sanitize(paragraphs[p], ascii);
            boolean first = p == 0; // a line of its own keeps its indent, under the hang
            do {
                String prefix = first ? "" : " ".repeat(hang);
                int room = width - prefix.length();
                int cut = cut(rest, room);
                out.add(prefix + rest.substring(0, cut).stripTrailing());
                rest = rest.substring(cut).stripLeading();
                first = false;
            } while (!rest.isEmpty());
        }
        return out;
    }

    /** How many rows a line takes at a width. */
    static int count(Line line, int width, boolean ascii) {
        return rows(line, width, ascii).size();
    }

    /** The end of the first row: the whole text if it fits, else a break that keeps the row within room. */
    private static int cut(String s, int room) {
        int w = 0;
        int lastBreak = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int cw = Text.width(cp);
            if (w + cw > room) {
                if (lastBreak > 0) return lastBreak;
                return Math.max(i, Character.charCount(s.codePointAt(0))); // at least one character per row
            }
            w += cw;
            i += Character.charCount(cp);
            if (cp == ' ' || cp == '/' || cp == ':' || cp == ',') lastBreak = i;
        }
        return s.length();
    }

    /**
     * The largest first line to show so that the lines from it to the end fill a pane of
     * {@code rows} rows without cutting the last one: where scrolling down stops.
     */
    static int maxScroll(List<Line> lines, int width, int rows, boolean ascii) {
        int used = 0;
        int s = lines.size();
        while (s > 0) {
            int n = count(lines.get(s - 1), width, ascii);
            if (used + n > rows) break;
            used += n;
            s--;
        }
        return Math.max(0, Math.min(s, lines.size() - 1));
    }
}
