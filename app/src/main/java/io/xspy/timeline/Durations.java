package io.xspy.timeline;

/** Durations as people read them: three significant digits in the unit that fits ("83.2ms", "1.20s"). */
public final class Durations {

    private Durations() {}

    /** Formats seconds, e.g. "350µs" ("350us" in ASCII), "83.2ms", "1.20s", "16.7min", "2.50h". */
    public static String format(double seconds, boolean ascii) {
        if (Double.isNaN(seconds)) return "?";
        if (Double.isInfinite(seconds)) return seconds > 0 ? "inf" : "-inf";
        if (seconds < 0) return "-" + format(-seconds, ascii);
        if (seconds == 0) return "0s";
        String micro = ascii ? "us" : "\u00B5s";
        if (seconds < 1e-6) return "<1" + micro;
        // round first, so 999.96ms becomes "1.00s" and not "1000ms"
        double r = threeDigits(seconds);
        if (r < 1e-3) return digits(r * 1e6) + micro;
        if (r < 1) return digits(r * 1e3) + "ms";
        if (r < 1000) return digits(r) + "s";
        if (r < 3600) return digits(r / 60) + "min";
        return digits(r / 3600) + "h";
    }

    /** Rounds a positive value to three significant digits, half up (no BigDecimal: this runs per row). */
    static double threeDigits(double v) {
        int exponent = (int) Math.floor(Math.log10(v));
        double scale = Math.pow(10, 2 - exponent);
        return Math.round(v * scale) / scale;
    }

    /** Three significant digits of a value in [1, 1000), trailing zeros kept: 1.20, 83.2, 172. */
    private static String digits(double v) {
        if (v >= 99.95) return Long.toString(Math.round(v));
        if (v >= 9.995) {
            long tenths = Math.round(v * 10);
            return tenths / 10 + "." + tenths % 10;
        }
        long hundredths = Math.round(v * 100);
        long fraction = hundredths % 100;
        return hundredths / 100 + (fraction < 10 ? ".0" : ".") + fraction;
    }
}
