package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The head start's stty calls, with a stty that only notes them: what the UI takes over, what is put back. */
class TerminalHeadStartTest {
    private final List<String> calls = new ArrayList<>();

    private String stty(String... args) {
        synchronized (calls) {
            calls.add(String.join(" ", args));
        }
        return args.length == 1 && args[0].equals("-g") ? "saved:settings" : "";
    }

    private List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    @AfterEach
    void noHeadStartLeft() {
        TerminalHeadStart.release();
    }

    @Test
    void theUiTakesOverTheRawModeSetAhead() {
        TerminalHeadStart.begin(() -> true, this::stty, false);
        assertEquals("saved:settings", TerminalHeadStart.settings());
        assertTrue(TerminalHeadStart.claimRawMode());
        TerminalHeadStart.release(); // the terminal restores its settings itself when it closes
        assertEquals(List.of("-g", "-icanon min 1 -echo intr undef"), calls());
    }

    @Test
    void rawModeSetAheadForAUiThatDidNotStartIsUndone() {
        TerminalHeadStart.begin(() -> true, this::stty, false);
        TerminalHeadStart.release();
        assertEquals(List.of("-g", "-icanon min 1 -echo intr undef", "saved:settings"), calls());
        assertNull(TerminalHeadStart.settings());
    }

    @Test
    void theLineModeShellGetsNoRawMode() {
        TerminalHeadStart.begin(() -> false, this::stty, false);
        assertFalse(TerminalHeadStart.claimRawMode()); // the terminal would set it itself
        TerminalHeadStart.release();
        assertEquals(List.of("-g"), calls());
    }

    @Test
    void withoutSettingsThereIsNoRawMode() {
        TerminalHeadStart.begin(() -> true, args -> {
            throw new IOException("not a terminal");
        }, false);
        assertNull(TerminalHeadStart.settings());
        assertFalse(TerminalHeadStart.claimRawMode());
        TerminalHeadStart.release();
    }
}
