package io.xspy.bench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Numbers and names as the performance table prints them. */
final class Format {

    private Format() {}

    /** Whole numbers with thousands separators from 100 up, three significant figures below (no trailing zeros). */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return String.valueOf(v);
        if (Math.abs(v) >= 100) return String.format(Locale.ROOT, "%,.0f", v);
        if (v == 0) return "0";
        return new BigDecimal(v).round(new MathContext(3, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString();
    }

    /** A value with its unit: "16.2 ms", "59,269 /s", "0". */
    static String withUnit(double v, String unit) {
        return unit == null || unit.isEmpty() ? number(v) : number(v) + " " + unit;
    }

    /** "run:metric" or "metric" as a short readable name (the part after the run). */
    static String metricName(String ref) {
        int colon = ref.indexOf(':');
        return colon < 0 ? ref : ref.substring(colon + 1);
    }

    /** Text safe inside a Markdown table cell. */
    static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
