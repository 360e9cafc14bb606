package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Marking a trace (m), comparing another with it (c) on a Diff screen, and the trace screen's
 * critical path (p) with what the detail pane says of the selected span; headless at 80×24.
 */
class DiffScreenTest {

    /** Services → the Go function's traces, the cold trace selected (the list's second row). */
    private static Harness onTheColdGoTrace() {
        Harness ui = new Harness(FakeSource.world(), Harness.options(), 80, 24);
        ui.keys("j", "j", "Enter", "j");
        assertTrue(ui.screen().contains("\u2744 11-26 15:54:32"), ui.screen());
        return ui;
    }

    @Test
    void markOneTraceAndCompareAnotherWithIt() {
        try (Harness ui = onTheColdGoTrace()) {
            ui.keys("m");
            assertTrue(ui.screen().contains("marked 1-6b085460-0000000000084006617f7714 as A"), ui.screen());
            assertTrue(ui.screen().contains("\u2744\u25C711-26 15:54:32"), "the marked row shows it:\n" + ui.screen());
            ui.keys("j", "c");
            ui.assertGolden("diff-80x24-1-cold-warm");
            String screen = ui.screen();
            assertTrue(screen.contains("only A"), "the warm trace has no Initialization:\n" + screen);
            ui.keys("j", "j", "j", "j", "j", "j", "j", "j", "j");
            ui.assertGolden("diff-80x24-2-scrolled");
            ui.keys("w");
            ui.assertGolden("diff-80x24-3-swapped");
            assertTrue(ui.screen().contains("only B"), ui.screen());
            ui.keys("Esc");
            assertTrue(ui.screen().contains("trace id"), "back on the traces:\n" + ui.screen());
        }
    }

    @Test
    void atTheLargerSizeWithTheDetailBesideTheTimeline() {
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), 160, 48)) {
            ui.keys("j", "j", "Enter", "j", "m", "j", "c");
            ui.assertGolden("diff-160x48-1-cold-warm");
            ui.keys("Esc", "k", "Enter", "p", "g", "j", "j"); // g: from the root, wherever the trace landed
            ui.assertGolden("critical-160x48-1-trace");
            assertTrue(ui.screen().contains("critical path: 272ms of 292ms"), ui.screen());
        }
    }

    @Test
    void compareWithoutAMarkSaysWhatToDo() {
        try (Harness ui = onTheColdGoTrace()) {
            ui.keys("c");
            assertTrue(ui.screen().contains("no trace marked: press m on a trace, then c on another"), ui.screen());
            ui.keys("m", "c");
            assertTrue(ui.screen().contains("this is the marked trace"), ui.screen());
            assertTrue(ui.screen().contains("trace id"), "still the traces list:\n" + ui.screen());
        }
    }

    @Test
    void markOnTheTraceScreenAndCompareFromAnotherTrace() {
        try (Harness ui = onTheColdGoTrace()) {
            ui.keys("Enter", "m", "Esc", "j", "Enter", "c");
            String screen = ui.screen();
            assertTrue(screen.contains("A 1-6b085460-0000000000084006617f7714"), screen);
            assertTrue(screen.contains("B 1-6b085460-0000000000079005d95f827d"), screen);
        }
    }

    @Test
    void theCriticalPathOnTheTraceScreen() {
        try (Harness ui = onTheColdGoTrace()) {
            ui.keys("Enter");
            assertFalse(ui.screen().contains("\u25C6"), "nothing marked until p:\n" + ui.screen());
            ui.keys("p");
            ui.assertGolden("critical-80x24-1-trace");
            ui.keys("g", "j", "j", "Tab"); // Attempt #1, counted from the root (the trace lands on the service's node)
            ui.assertGolden("critical-80x24-2-detail");
            assertTrue(ui.screen().contains("critical path: "), ui.screen());
            ui.keys("Tab", "Tab", "j", "j", "Tab"); // Initialization: under Attempt #1's time, a sibling of it
            assertTrue(ui.screen().contains("not on the critical path"), ui.screen());
            ui.keys("Tab", "Tab", "p");
            assertFalse(ui.screen().contains("\u25C6"), "p again hides it:\n" + ui.screen());
            assertTrue(ui.screen().contains("critical path hidden"), ui.screen());
        }
    }

    @Test
    void helpListsTheNewKeys() {
        try (Harness ui = onTheColdGoTrace()) {
            ui.keys("?");
            String traces = ui.screen();
            assertTrue(traces.contains("mark the selected trace (A)") && traces.contains("compare the selected trace"), traces);
            ui.keys("Esc", "Enter", "?", "PgDn");
            String help = ui.screen();
            for (String words : new String[] {"critical path: mark the spans", "mark this trace (A)", "compare with the marked trace"}) {
                assertTrue(help.contains(words), words + "\n" + help);
            }
        }
    }
}
