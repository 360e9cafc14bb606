package io.xspy.tui;

import io.xspy.query.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The moment the A/B screen divides the window at (a deploy, a fix), as the user types it: {@code +10m}
 * after the window starts, {@code 5m} before it ends, a time of day as the header shows times
 * ({@code 14:40}, the latest one not after the window's end) or an instant ({@code 2026-11-29T14:40:00Z}).
 * The same forms as {@code xspy stats --split-at}.
 */
final class AbMoment {
    private AbMoment() {}

    /** @throws IllegalArgumentException in words: the forms it takes, or that the moment is outside the window */
    static Instant parse(String text, TimeWindow window, ZoneId zone) {
        String t = text.strip();
        Instant at;
        try {
            if (t.startsWith("+")) at = window.start().plus(TimeWindow.parseSpan(t.substring(1)));
            else if (t.matches("\\d{1,2}:\\d{2}(:\\d{2})?")) {
                LocalTime time = LocalTime.parse(t.length() == 4 || t.length() == 7 ? "0" + t : t);
                at = window.end().atZone(zone).with(time).toInstant();
                if (at.isAfter(window.end())) at = at.minus(Duration.ofDays(1));
            } else if (t.matches("\\d+\\s*[smhd]")) at = window.end().minus(TimeWindow.parseSpan(t));
            else at = Instant.parse(t);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + t + "\" is not a moment: type +10m (after the window starts), 5m (before it"
                    + " ends), a time like 14:40 or an instant like 2026-11-29T14:40:00Z");
        }
        if (!at.isAfter(window.start()) || !at.isBefore(window.end())) {
            throw new IllegalArgumentException(Fmt.clock(at, zone) + " is outside the window " + Fmt.clock(window.start(), zone)
                    + "-" + Fmt.clock(window.end(), zone) + " (t on the services widens it)");
        }
        return at;
    }
}
