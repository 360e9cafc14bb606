package io.xspy.bench.report;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A row's target, as the catalogue writes it: {@code -} (none), {@code < 16 ms}, {@code >= 100000 /s},
 * {@code = 0}, a bound on the ratio to another metric ({@code <= 2.5 x hello}, {@code <= 2 x run:metric}),
 * or a plain comparison with another metric ({@code x peers:oteltui.firstFrame}).
 */
record Target(String op, double bound, String unit, String other) {

    private static final Pattern FORM = Pattern.compile(
            "(?:(<=|>=|<|>|=)\\s*([0-9][0-9_.,]*)\\s*)?(?:x\\s+(\\S+)|([^\\s]*))\\s*");

    static final Target NONE = new Target(null, 0, "", null);

    static Target parse(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.equals("-")) return NONE;
        Matcher m = FORM.matcher(t);
        if (!m.matches() || (m.group(1) == null && m.group(3) == null)) {
            throw new IllegalArgumentException("target \"" + text + "\": expected like \"< 16 ms\", \">= 100000 /s\", "
                    + "\"= 0\", \"<= 2.5 x other.metric\" or \"x other.metric\"");
        }
        double bound = m.group(2) == null ? 0 : Double.parseDouble(m.group(2).replace("_", "").replace(",", ""));
        return new Target(m.group(1), bound, m.group(4) == null ? "" : m.group(4), m.group(3));
    }

    boolean isRatio() {
        return other != null;
    }

    boolean hasBound() {
        return op != null;
    }

    /** Whether {@code value} (the ratio, for a ratio target) meets the bound. */
    boolean met(double value) {
        return switch (op) {
            case "<" -> value < bound;
            case "<=" -> value <= bound;
            case ">" -> value > bound;
            case ">=" -> value >= bound;
            default -> value == bound;
        };
    }

    /** "met", or by how much the value misses the bound. */
    String verdict(double value) {
        if (met(value)) return "**met**";
        if (op.equals("=")) return "misses: " + Format.number(value) + (isRatio() ? "×" : "") + " (target " + Format.number(bound) + ")";
        double by = op.startsWith("<") ? value / bound - 1 : 1 - value / bound;
        return String.format(Locale.ROOT, "misses by %d%%", Math.max(1, Math.round(by * 100.0)));
    }

    /** The target as the table shows it. */
    String describe() {
        if (!hasBound()) return isRatio() ? "" : "";
        String b = Format.number(bound);
        String o = op.replace("<=", "≤").replace(">=", "≥");
        return isRatio() ? o + " " + b + "× " + Format.metricName(other) : (o + " " + b + (unit.isEmpty() ? "" : " " + unit)).strip();
    }
}
