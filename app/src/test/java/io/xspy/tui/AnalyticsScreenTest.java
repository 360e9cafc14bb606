package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
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

    @Test
    void helpListsTheKeys() {
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), 100, 40)) {
            String help = ui.keys("a", "?").screen();
            assertTrue(help.contains("split by (cold, each annotation, version, runtime, none in turn)"), help);
            assertTrue(help.contains("A/B (this set against a second filter, or before against after a moment)"), help);
            help = ui.keys("Esc", "B", "?").screen();
            assertTrue(help.contains("split at a moment (A before it, B from it on: a deploy, a fix)"), help);
        }
    }

    @Test
    void fromATraceTheSelectedSpansPathIsSelected() {
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), 100, 40)) {
            // the fourth row of the trace: the Lambda function's segment
            String screen = ui.keys("j", "j", "Enter", "Enter", "g", "j", "j", "j", "a").screen();
            assertTrue(screen.contains("analytics: (function) of xraystarter-go"), screen);
            assertTrue(screen.contains("filter service(\"xraystarter-go\")"), screen);
            // the report below the list is the selected path's
            assertTrue(screen.contains("\nxraystarter-go › (function)\n"), screen);
        }
    }

    @Test
    void fromTheTracesTheirFilterIsKept() {
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), 100, 40)) {
            String screen = ui.keys("/").type("service(\"xraystarter-py\")").keys("Enter", "a").screen();
            assertTrue(screen.contains("analytics: filter"), screen);
            assertTrue(screen.contains("filter service(\"xraystarter-py\")"), screen);
            assertTrue(screen.contains("13 traces"), screen);
        }
    }
}
