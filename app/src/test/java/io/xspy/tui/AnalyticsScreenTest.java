package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Analytics and A/B screens on the fixtures, as goldens at 80×24 and 160×48, before and after keys. */
class AnalyticsScreenTest {

    @ParameterizedTest
    @CsvSource({"80,24", "160,48"})
    void analyticsOfAServiceThenSplitThenAb(int w, int h) {
        String size = w + "x" + h;
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), w, h)) {
            ui.keys("j", "j", "a");
            ui.assertGolden("analytics-" + size + "-1-service");
            ui.keys("j", "b");
            ui.assertGolden("analytics-" + size + "-2-next-path-by-annotation");
            ui.keys("B");
            ui.assertGolden("analytics-" + size + "-3-ab-choose");
            ui.keys("t").type("+9m").keys("Enter");
            ui.assertGolden("analytics-" + size + "-4-ab-split");
            ui.keys("Esc");
            assertTrue(ui.screen().contains("span path"), ui.screen());
            ui.keys("Esc");
            assertTrue(ui.screen().contains("Services"), ui.screen());
        }
    }
}
