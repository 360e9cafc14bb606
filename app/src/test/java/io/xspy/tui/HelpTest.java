package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ? on every screen lists every key of that screen, then the global ones, generated from the bindings that act. */
class HelpTest {

    private static void assertListsEveryKey(Harness ui, List<KeyMap.Binding> bindings) {
        String screen = ui.screen();
        for (KeyMap.Binding b : bindings) {
            assertTrue(screen.contains(b.help()), "help lacks \"" + b.help() + "\":\n" + screen);
            assertTrue(screen.contains(Key.label(b.keys().get(0), false)), b.keys() + "\n" + screen);
        }
        for (KeyMap.Binding b : KeyMap.BINDINGS) assertTrue(screen.contains(b.help()), b.help() + "\n" + screen);
    }

    @Test
    void everyScreensHelpListsAllItsKeys() {
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), 160, 48)) {
            List<KeyMap.Binding> services = ui.tui.app().focus().bindings();
            ui.keys("?");
            assertTrue(ui.screen().contains("services:"), ui.screen());
            assertListsEveryKey(ui, services);
            ui.keys("x", "j", "j", "Enter");
            List<KeyMap.Binding> traces = ui.tui.app().focus().bindings();
            ui.keys("?");
            assertTrue(ui.screen().contains("traces:"), ui.screen());
            assertListsEveryKey(ui, traces);
            ui.keys("x", "Enter");
            List<KeyMap.Binding> trace = ui.tui.app().focus().bindings();
            ui.keys("?");
            assertListsEveryKey(ui, trace);
            ui.assertGolden("help-160x48-trace");
            ui.keys("x", "x");
            List<KeyMap.Binding> raw = ui.tui.app().focus().bindings();
            ui.keys("?");
            assertTrue(ui.screen().contains("raw JSON:"), ui.screen());
            assertListsEveryKey(ui, raw);
        }
    }

    @Test
    void helpAt80x24ScrollsAndAnyOtherKeyClosesIt() {
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), 80, 24)) {
            ui.keys("?");
            ui.assertGolden("help-80x24-services");
            ui.keys("j", "j");
            assertTrue(ui.screen().contains("keys (generated from the key map)"), "j scrolls, help stays: " + ui.screen());
            ui.keys("Enter");
            assertTrue(ui.screen().contains("Enter open"), "any other key closes help: " + ui.screen());
        }
    }
}
