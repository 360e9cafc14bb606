package io.xspy.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A moment in a time window as a user types it (a deploy, a fix: where A/B divides the window):
 * {@code +10m} after the window starts, {@code 15m} before it ends, a time of day in the given zone
 * ({@code 14:40}, the latest one not after the window's end) or an instant ({@code 2026-11-29T14:40:00Z}).
 * One parser for {@code xspy stats --split-at} and the A/B screen.
 */
public final class Moment {
    private Moment() {}

    /** @throws IllegalArgumentException in words, naming the forms it takes */
    public static Instant parse(String text, TimeWindow window, ZoneId zone) {
        String t = text.strip();
        try {
            if (t.startsWith("+")) return window.start().plus(TimeWindow.parseSpan(t.substring(1)));
            if (t.matches("\\d{1,2}:\\d{2}(:\\d{2})?")) {
                LocalTime time = LocalTime.parse(t.length() == 4 || t.length() == 7 ? "0" + t : t);
                Instant at = window.end().atZone(zone).with(time).toInstant();
                return at.isAfter(window.end()) ? at.minus(Duration.ofDays(1)) : at;
            }
            if (t.matches("\\d+\\s*[smhd]")) return window.end().minus(TimeWindow.parseSpan(t));
            return Instant.parse(t);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + t + "\" is not a moment: use +SPAN after the window starts (+10m),"
                    + " SPAN before it ends (15m), a time like 14:40 or an instant like 2026-11-29T14:40:00Z");
        }
    }
}
