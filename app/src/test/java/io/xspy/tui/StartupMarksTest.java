package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The start-up marks print each phase's time from the start and from the mark before, then start afresh. */
class StartupMarksTest {
    @Test
    void eachMarkIsALineWithItsTimeSinceTheStartAndSinceTheMarkBefore() {
        StartupMarks.format(0); // whatever earlier code in this JVM noted
        StartupMarks.record("main", 80_000_000L, 40_000_000L);
        StartupMarks.record("first frame", 205_500_000L, 120_000_000L);
        assertEquals("xspy start-up:   70.0 ms (+ 70.0) cpu  40.0 ms  main%n".formatted()
                + "xspy start-up:  195.5 ms (+125.5) cpu 120.0 ms  first frame%n".formatted(),
                StartupMarks.format(10_000_000L));
        assertEquals("", StartupMarks.format(10_000_000L));
    }
}
