package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.query.TimeWindow;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FmtTest {

    @Test
    void spansReadAsPeopleSayThemAndAsThePromptReadsThem() {
        assertEquals("15m", Fmt.span(Duration.ofMinutes(15)));
        assertEquals("1h", Fmt.span(Duration.ofHours(1)));
        assertEquals("2d", Fmt.span(Duration.ofDays(2)));
        assertEquals("90s", Fmt.span(Duration.ofSeconds(90)));
        assertEquals("31m", Fmt.span(Duration.ofSeconds(1888)));
        assertEquals("3h", Fmt.span(Duration.ofSeconds(3 * 3600 + 700)));
        assertEquals("90m", Fmt.span(Duration.ofSeconds(5401)));
        assertEquals("4d", Fmt.span(Duration.ofSeconds(4 * 86400 + 5)));
        for (long s : new long[] {59, 1888, 5401, 100_000, 400_000}) {
            String text = Fmt.span(Duration.ofSeconds(s));
            TimeWindow.parseSpan(text); // the custom window prompt starts from this text
        }
    }

    @Test
    void countsAgreeWithTheirNouns() {
        assertEquals("1 trace", Fmt.count(1, "trace"));
        assertEquals("0 traces", Fmt.count(0, "trace"));
        assertEquals("2 log lines", Fmt.count(2, "log line"));
    }

    @Test
    void aLongIdIsCutInTheMiddleWithAMarkThatMeansNothingElse() {
        String id = "1-6b08560a-f4a646fb190ecbf3f1a6a113";
        assertTrue(Fmt.middle(id, 20, false).contains("\u2026"));
        // in ASCII "~" marks a throttle, so the cut is a "."
        String ascii = Fmt.middle(id, 20, true);
        assertEquals(20, ascii.length());
        assertTrue(ascii.startsWith("1-6b08560a-") && ascii.endsWith("a6a113") && ascii.contains("."), ascii);
        assertFalse(ascii.contains("~"), ascii);
    }
}
