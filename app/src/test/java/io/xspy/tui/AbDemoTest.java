package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.source.demo.DemoSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The demo's Python function is broken until its fix ten minutes into the demo's history: the A/B
 * screen, split at the fix, says its fault rate fell.
 */
class AbDemoTest {

    @Test
    void thePythonFixShowsAsAFaultRateThatFell() {
        // the demo's history starts at 15:30 (a half hour at least 20 minutes before the fixtures' now,
        // 15:56:40) and Python is fixed at 15:40, so the window is the last 30 minutes
        TuiOptions lastHalfHour = new TuiOptions(Duration.ofMinutes(30), "", false, true, false, null);
        try (DemoSource demo = new DemoSource(1, Fixtures.CLOCK);
                Harness ui = new Harness(demo, lastHalfHour, 120, 40)) {
            String[] rows = ui.screen().split("\n");
            int down = -1;
            for (int i = 0, n = 0; i < rows.length; i++) {
                if (rows[i].length() > 2 && "✓!?~".indexOf(rows[i].charAt(0)) >= 0) {
                    if (rows[i].contains("xraystarter-py") && rows[i].contains("Function")) down = n;
                    n++;
                }
            }
            assertTrue(down >= 0, ui.screen());
            for (int i = 0; i < down; i++) ui.keys("j");
            ui.keys("a");
            ui.keys("B", "t").type("15:40").keys("Enter");
            String screen = ui.screen();
            assertTrue(screen.contains("fault rate fell: 100% → 0%"), screen);
        }
    }
}
