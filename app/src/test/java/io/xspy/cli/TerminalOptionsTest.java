package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line's display options reach the full-screen UI. */
class TerminalOptionsTest {

    private static XspyCommand parsed(String... args) {
        XspyCommand command = new XspyCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void followOpensTheUiFollowingNewTraces() {
        assertTrue(Terminal.display(parsed("--follow")).follow());
        assertTrue(Terminal.display(parsed("-f", "--demo")).follow());
        assertFalse(Terminal.display(parsed("--demo")).follow(), "off unless asked for, as before");
    }

    @Test
    void asciiStillComesThrough() {
        assertTrue(Terminal.display(parsed("--ascii")).ascii());
    }
}
