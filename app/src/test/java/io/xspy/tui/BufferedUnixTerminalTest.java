package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the buffered terminal sends at once, and the settings it falls back to reading itself. */
class BufferedUnixTerminalTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void onlyTheCursorPositionRequestIsSentAtOnce() {
        byte[] request = {0x1b, '[', '6', 'n'};
        assertTrue(BufferedUnixTerminal.endsWith(bytes("\u001b[6n"), request));
        assertFalse(BufferedUnixTerminal.endsWith(bytes("\u001b[26;1H"), request));
        assertFalse(BufferedUnixTerminal.endsWith(bytes("6n"), request));
        assertFalse(BufferedUnixTerminal.endsWith(bytes("\u001b[?25l"), request));
    }

    @Test
    void withoutAHeadStartThereAreNoSettingsReadAhead() {
        assertNull(TerminalHeadStart.settings()); // the terminal then runs stty -g itself
    }
}
