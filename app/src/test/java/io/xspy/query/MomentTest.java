package io.xspy.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MomentTest {
    static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2026-11-29T14:00:00Z"), Instant.parse("2026-11-29T15:00:00Z"));

    static Instant at(String text) {
        return Moment.parse(text, WINDOW, ZoneOffset.UTC);
    }

    @Test
    void everyFormLandsWhereItSays() {
        assertEquals(Instant.parse("2026-11-29T14:10:00Z"), at("+10m"));
        assertEquals(Instant.parse("2026-11-29T14:45:00Z"), at("15m"));
        assertEquals(Instant.parse("2026-11-29T14:40:00Z"), at("14:40"));
        assertEquals(Instant.parse("2026-11-29T09:40:00Z").plusSeconds(0), Moment.parse("9:40:00",
                new TimeWindow(Instant.parse("2026-11-29T09:00:00Z"), Instant.parse("2026-11-29T10:00:00Z")), ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-11-28T15:30:00Z"), at("15:30"), "the latest 15:30 not after the window's end");
        assertEquals(Instant.parse("2026-11-29T14:20:00Z"), at("2026-11-29T14:20:00Z"));
    }

    @Test
    void anythingElseNamesTheForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> at("after lunch"));
        assertTrue(e.getMessage().contains("+10m") && e.getMessage().contains("14:40"), e.getMessage());
    }
}
