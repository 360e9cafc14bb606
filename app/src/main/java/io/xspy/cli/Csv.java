package io.xspy.cli;

import io.xspy.timeline.Text;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * RFC 4180 lines for {@code --output csv}: a field with a comma, a quote or a line break is quoted;
 * text from data is sanitized first, so a spreadsheet or a terminal showing the file sees no control
 * character. Numbers are plain (seconds for durations), empty when there is none.
 */
final class Csv {
    private Csv() {}

    static void line(PrintWriter out, Object... fields) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) s.append(',');
            s.append(field(fields[i]));
        }
        out.print(s.append("\r\n"));
    }

    static String field(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) return d.isNaN() || d.isInfinite() ? "" : number(d);
        String text = Text.sanitize(String.valueOf(v), false);
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0) return text;
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        String s = String.format(Locale.ROOT, "%.6f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }
}
