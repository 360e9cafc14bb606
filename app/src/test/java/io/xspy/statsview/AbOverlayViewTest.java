package io.xspy.statsview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.xspy.stats.Comparison;
import io.xspy.stats.Distribution;
import io.xspy.stats.Group;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A over B: upper halves for A, lower halves for B, whole cells where both reach. */
class AbOverlayViewTest {

    @Test
    void aShiftShowsAsHalvesParting() {
        // A: 10 spans of 10 ms; B: 5 of 10 ms and 5 of 30 ms
        Group a = new Group("A", Distribution.ofSeconds(0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01), 0, 0);
        Group b = new Group("B", Distribution.ofSeconds(0.01, 0.01, 0.01, 0.01, 0.01, 0.03, 0.03, 0.03, 0.03, 0.03), 0, 0);
        List<String> lines = AbOverlayView.render(Comparison.of(a, b), 40, 3, false).lines();
        assertEquals(List.of(
                "           A     B ▀ A (10)  ▄ B (10)  …",
                // 21 cells of bar: A's whole share fills them, B's half share 11 (10.5 rounded)
                "10.0ms    10     5 ███████████▀▀▀▀▀▀▀▀▀▀",
                "20.0ms",
                "30.0ms           5 ▄▄▄▄▄▄▄▄▄▄▄"), lines);
        List<String> ascii = AbOverlayView.render(Comparison.of(a, b), 40, 3, true).lines();
        assertEquals("10.0ms    10     5 ###########aaaaaaaaaa", ascii.get(1));
        assertEquals("30.0ms           5 bbbbbbbbbbb", ascii.get(3));
    }
}
