package io.xspy.map;

import io.xspy.graph.layout.LayoutGraph;
import io.xspy.table.ServiceTables;
import io.xspy.timeline.StatusMarks;
import io.xspy.timeline.Text;
import java.util.List;
import java.util.Locale;

/**
 * The four lines inside a node's box: the name, the type, the health mark with the requests per
 * second, and the p90 response time; and the box's size on the grid.
 */
final class BoxText {
    /** Rows of a box: a border, the four lines, a border. */
    static final int HEIGHT = 6;
    /** Narrow enough for many layers, wide enough for "p90 782ms" and "! 0.094/s". */
    static final int MIN_WIDTH = 11;
    /** Long names (an S3 bucket's generated name) are cut in the middle beyond this. */
    static final int MAX_WIDTH = 48;

    private BoxText() {}

    static List<String> lines(ServiceMap map, ServiceMap.Node n, boolean ascii) {
        String rate = perSecond(map.rate(n.summary()));
        return List.of(label(n, ascii), shortType(n.type()), StatusMarks.mark(n.summary().status(), ascii) + " " + rate,
                "p90 " + ServiceTables.percentile(n.responseTimes(), 0.9, ascii));
    }

    static LayoutGraph.Box box(ServiceMap map, ServiceMap.Node n, boolean ascii) {
        int widest = 0;
        for (String line : lines(map, n, ascii)) widest = Math.max(widest, Text.width(Text.sanitize(line, ascii)));
        return new LayoutGraph.Box(Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, widest + 2)), MIN_WIDTH, HEIGHT);
    }

    /** A node's name; a collapsed node says how many services of which type it stands for. */
    static String label(ServiceMap.Node n, boolean ascii) {
        return n.collapsed() ? n.members().size() + (ascii ? " x " : " \u00D7 ") + n.type() : n.name();
    }

    /** "Lambda::Function" for "AWS::Lambda::Function": the prefix is the same on almost every node. */
    static String shortType(String type) {
        if (type == null) return "";
        return type.startsWith("AWS::") ? type.substring(5) : type;
    }

    /** Requests per second in two significant digits: "12/s", "1.2/s", "0.094/s", "<0.001/s"; "-" without a window. */
    static String perSecond(double rate) {
        if (Double.isNaN(rate)) return "-/s";
        if (rate == 0) return "0/s";
        if (rate < 0.001) return "<0.001/s";
        if (rate >= 9999.5) return Math.round(rate / 1000) + "k/s";
        if (rate >= 9.95) return Math.round(rate) + "/s";
        int decimals = Math.max(1, 1 - (int) Math.floor(Math.log10(rate)));
        return String.format(Locale.ROOT, "%." + decimals + "f/s", rate);
    }

    /**
     * Sanitized text that starts on a character of its own: a leading combining mark gets a dotted
     * circle to sit on (as fonts show a lone mark), so it cannot join the box's border.
     */
    static String safe(String text, boolean ascii) {
        String s = Text.sanitize(text, ascii);
        if (s.isEmpty() || Text.width(s.codePointAt(0)) != 0) return s;
        return (ascii ? Text.ASCII_PLACEHOLDER : "\u25CC") + s;
    }

    /**
     * Sanitized text cut to {@code cols} columns in the middle ("xray…ter-py"), so names that share
     * a long prefix stay apart.
     */
    static String middle(String text, int cols, boolean ascii) {
        String s = safe(text, ascii);
        if (Text.width(s) <= cols) return s;
        if (cols <= 1) return Text.truncate(s, cols, ascii);
        int headCols = (cols - 1 + 1) / 2;
        int tailCols = cols - 1 - headCols;
        int[] cps = s.codePoints().toArray();
        StringBuilder head = new StringBuilder();
        int w = 0;
        for (int i = 0; i < cps.length && w + Text.width(cps[i]) <= headCols; i++) {
            head.appendCodePoint(cps[i]);
            w += Text.width(cps[i]);
        }
        StringBuilder tail = new StringBuilder();
        w = 0;
        for (int i = cps.length - 1; i >= 0 && w + Text.width(cps[i]) <= tailCols; i--) {
            tail.insert(0, Character.toChars(cps[i]));
            w += Text.width(cps[i]);
        }
        return head + (ascii ? "." : "\u2026") + tail;
    }
}
