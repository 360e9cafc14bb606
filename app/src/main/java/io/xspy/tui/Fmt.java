package io.xspy.tui;

import io.xspy.timeline.Durations;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers and times as the screens show them. */
final class Fmt {
    private Fmt() {}

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ROOT);

    /** A duration in seconds as the timeline writes it (83.2ms, 1.20s); NaN is "-". */
    static String duration(double seconds, boolean ascii) {
        return Double.isNaN(seconds) ? "-" : Durations.format(seconds, ascii);
    }

    /** A time offset from a trace's start: +0ms, +83.2ms, +1.23s. */
    static String offset(double seconds, boolean ascii) {
        return (seconds < 0 ? "" : "+") + duration(seconds, ascii);
    }

    static String clock(Instant t, ZoneId zone) {
        return CLOCK.format(t.atZone(zone));
    }

    static String dayClock(double epochSeconds, ZoneId zone) {
        return DAY_CLOCK.format(instant(epochSeconds).atZone(zone));
    }

    static Instant instant(double epochSeconds) {
        long s = (long) Math.floor(epochSeconds);
        return Instant.ofEpochSecond(s, Math.round((epochSeconds - s) * 1e9));
    }

    /** A long id cut in the middle, keeping both ends: 1-6b08560a-…7544d9. */
    static String middle(String id, int cols, boolean ascii) {
        if (id.length() <= cols || cols < 5) return io.xspy.timeline.Text.truncate(id, cols, ascii);
        int tail = Math.min(6, (cols - 1) / 3);
        return id.substring(0, cols - 1 - tail) + Symbols.ellipsis(ascii) + id.substring(id.length() - tail);
    }

    /** A count with its noun, singular for one: "1 trace", "2 traces". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * A span as people say it, in the form the window prompt reads: exact when it is a whole number
     * of days, hours or minutes (15m, 1h, 2d), else rounded in the largest unit of which it is at
     * least two (1888s is "31m", 100s stays "100s").
     */
    static String span(java.time.Duration d) {
        long s = d.getSeconds();
        if (s == 0) return "0s";
        if (s % 86400 == 0) return s / 86400 + "d";
        if (s % 3600 == 0) return s / 3600 + "h";
        if (s % 60 == 0) return s / 60 + "m";
        if (s >= 2 * 86400) return Math.round(s / 86400.0) + "d";
        if (s >= 2 * 3600) return Math.round(s / 3600.0) + "h";
        if (s >= 2 * 60) return Math.round(s / 60.0) + "m";
        return s + "s";
    }
}
