package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The terminal's head start is begun only for what looks like the full-screen UI on a terminal. */
class MainHeadStartTest {
    @Test
    void theUiOnATerminalGetsAHeadStart() {
        assertTrue(Main.opensTheUi(true));
        assertTrue(Main.opensTheUi(true, "--demo"));
        assertTrue(Main.opensTheUi(true, "--file", "traces.json", "--since", "1h"));
    }

    @Test
    void commandsHelpVersionAndPipesDoNot() {
        assertFalse(Main.opensTheUi(false, "--demo"));
        for (String command : new String[] {"services", "traces", "trace", "logs", "export", "serve", "shell", "diff", "stats"}) {
            assertFalse(Main.opensTheUi(true, "--demo", command), command);
        }
        assertFalse(Main.opensTheUi(true, "--version"));
        assertFalse(Main.opensTheUi(true, "-V"));
        assertFalse(Main.opensTheUi(true, "--demo", "--help"));
        assertFalse(Main.opensTheUi(true, "-h"));
    }

    @Test
    void everySubcommandIsKnownNotToBeTheUi() {
        assertEquals(Subcommands.names().size() + 4, Main.NOT_THE_UI.size());
        assertTrue(Main.NOT_THE_UI.containsAll(Subcommands.names()), Subcommands.names().toString());
    }

    @Test
    void aTerminalIsToldFromTheDeviceItsDescriptorNames() throws java.io.IOException {
        assertFalse(Main.terminal("/dev/null"));
        assertFalse(Main.terminal("/no/such/fd"));
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("fd");
        try {
            java.nio.file.Path link = java.nio.file.Files.createSymbolicLink(dir.resolve("0"), java.nio.file.Path.of("/dev/null"));
            assertFalse(Main.terminal(link.toString()));
            java.nio.file.Files.delete(link);
            java.nio.file.Files.createSymbolicLink(link, java.nio.file.Path.of("/dev/tty"));
            assertTrue(Main.terminal(link.toString()), "the process's terminal, which every Linux machine has");
        } finally {
            java.nio.file.Files.deleteIfExists(dir.resolve("0"));
            java.nio.file.Files.delete(dir);
        }
    }
}
