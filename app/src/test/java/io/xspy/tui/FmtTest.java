package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
