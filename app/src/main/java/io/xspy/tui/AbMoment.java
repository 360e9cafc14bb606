package io.xspy.tui;

import io.xspy.query.Moment;
import io.xspy.query.TimeWindow;
import java.time.Instant;
import java.time.ZoneId;

/** The moment the A/B screen divides the window at: {@link Moment}'s forms, and inside the window. */
final class AbMoment {
    private AbMoment() {}

    /** @throws IllegalArgumentException in words: the forms it takes, or that the moment is outside the window */
    static Instant parse(String text, TimeWindow window, ZoneId zone) {
        Instant at = Moment.parse(text, window, zone);
        if (!at.isAfter(window.start()) || !at.isBefore(window.end())) {
            throw new IllegalArgumentException(Fmt.clock(at, zone) + " is outside the window " + Fmt.clock(window.start(), zone)
                    + "-" + Fmt.clock(window.end(), zone) + " (t on the services widens it)");
        }
        return at;
    }
}
