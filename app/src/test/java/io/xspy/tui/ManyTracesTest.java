package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Thousands of traces load page by page and the screens stay usable. (How long a frame takes is
 * measured by bench/TuiFrameBenchmark, not asserted here.)
 */
class ManyTracesTest {

    @Test
    void thousandsOfTracesLoadPageByPageAndTheTraceOpens() {
        Fixtures f = new Fixtures(5000, 0.1);
        FakeSource source = new FakeSource(f.ndjson(), f.logs(), 1000);
        try (Harness ui = new Harness(source, Harness.options().withWindow(Duration.ofHours(1)), 160, 48)) {
            ui.keys("/", "Enter");
            for (int i = 0; i < 5; i++) ui.keys("G");
            assertTrue(ui.screen().contains("5000 traces"), ui.screen());
            ui.keys("Enter");
            assertTrue(ui.screen().contains("timeline"), ui.screen());
        }
    }
}
