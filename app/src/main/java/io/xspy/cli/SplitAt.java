package io.xspy.cli;

import io.xspy.query.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The moment {@code --split-at} divides the window at, as a deploy is one moment: an instant
 * ({@code 2026-11-29T14:40:00Z}), a time of day in UTC ({@code 14:40}, the latest one in the window),
 * {@code +SPAN} after the window starts ({@code +10m}: the demo's fix) or {@code SPAN} before it ends.
 */
final class SplitAt {
    private SplitAt() {}

    /** @throws IllegalArgumentException in words, naming the forms it takes */
    static Instant parse(String text, TimeWindow window) {
        String t = text.strip();
        try {
            if (t.startsWith("+")) return window.start().plus(TimeWindow.parseSpan(t.substring(1)));
            if (t.matches("\\d{1,2}:\\d{2}(:\\d{2})?")) {
                LocalTime time = LocalTime.parse(t.length() == 4 ? "0" + t : t);
                Instant at = window.end().atOffset(ZoneOffset.UTC).with(time).toInstant();
                return at.isAfter(window.end()) ? at.minus(Duration.ofDays(1)) : at;
            }
            if (t.matches("\\d+\\s*[smhd]")) return window.end().minus(TimeWindow.parseSpan(t));
            return Instant.parse(t);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + t + "\" is not a moment: use an instant like 2026-11-29T14:40:00Z,"
                    + " a UTC time like 14:40, +SPAN after the window starts (+10m) or SPAN before it ends (15m)");
        }
    }
}
