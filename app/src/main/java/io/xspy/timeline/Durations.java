package io.xspy.timeline;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Durations as people read them: three significant digits in the unit that fits ("83.2ms", "1.20s"). */
public final class Durations {

    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_UP);

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
        double r = new BigDecimal(seconds).round(THREE_DIGITS).doubleValue();
        if (r < 1e-3) return digits(r * 1e6) + micro;
        if (r < 1) return digits(r * 1e3) + "ms";
        if (r < 1000) return digits(r) + "s";
        if (r < 3600) return digits(r / 60) + "min";
        return digits(r / 3600) + "h";
    }

    /** Three significant digits of a value in [1, 1000), trailing zeros kept: 1.20, 83.2, 172. */
    private static String digits(double v) {
        BigDecimal d = new BigDecimal(v).round(THREE_DIGITS);
        if (d.compareTo(BigDecimal.valueOf(1000)) >= 0) return d.setScale(0, RoundingMode.HALF_UP).toPlainString();
        int scale = Math.max(0, 2 - (d.precision() - d.scale() - 1));
        return d.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }
}
