package io.xspy.query;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A closed time range [start, end], as X-Ray's APIs take it. */
public record TimeWindow(Instant start, Instant end) {

    private static final Pattern SPAN = Pattern.compile("(\\d+)\\s*(s|m|h|d)");

    public TimeWindow {
        if (end.isBefore(start)) throw new IllegalArgumentException("time window ends before it starts");
    }

    /** The last {@code span} up to {@code now}. */
    public static TimeWindow last(Duration span, Instant now) {
        return new TimeWindow(now.minus(span), now);
    }

    /** Reads a span such as {@code 90s}, {@code 15m}, {@code 6h} or {@code 2d}. */
    public static Duration parseSpan(String text) {
        Matcher m = SPAN.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a span like 90s, 15m, 6h or 2d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    public boolean contains(double epochSeconds) {
        return epochSeconds >= startSeconds() && epochSeconds <= endSeconds();
    }

    public double startSeconds() {
        return start.getEpochSecond() + start.getNano() / 1e9;
    }

    public double endSeconds() {
        return end.getEpochSecond() + end.getNano() / 1e9;
    }

    public Duration span() {
        return Duration.between(start, end);
    }
}
