package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Key-driven walks services → traces → trace → logs → back, compared with golden screens. */
class WalkTest {

    @ParameterizedTest
    @CsvSource({"80,24", "160,48"})
    void walkDownAndBack(int w, int h) {
        String size = w + "x" + h;
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), w, h)) {
            ui.assertGolden("walk-" + size + "-1-services");
            ui.keys("j", "j", "Enter");
            ui.assertGolden("walk-" + size + "-2-traces");
            ui.keys("j", "Enter");
            ui.assertGolden("walk-" + size + "-3-trace");
            ui.keys("j", "j", "j");
            ui.assertGolden("walk-" + size + "-4-selection");
            ui.keys("Tab");
            ui.assertGolden("walk-" + size + "-5-detail");
            ui.keys("Tab");
            ui.assertGolden("walk-" + size + "-5-logs");
            ui.keys("x");
            ui.assertGolden("walk-" + size + "-6-raw");
            ui.keys("Esc", "Esc");
            assertTrue(ui.screen().contains("trace id"), ui.screen());
            ui.keys("Esc");
            ui.assertGolden("walk-" + size + "-7-back");
            ui.keys("q");
            assertTrue(ui.tui.quitRequested());
        }
    }
}
