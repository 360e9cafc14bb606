package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SubcommandsTest {

    /** Exit code, output and errors of one run, as one string. */
    private static String outcome(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = Main.run(cli, args);
        return exit + "\n--- out\n" + out + "--- err\n" + err;
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "--help", "-h", "help", "trase", "--demo trase", "--demo services",
        "--demo traces --filter fault --output json", "--demo trace 1-00000000-000000000000000000000000",
        "--demo traces --no-such-option", "--demo services --help", "--demo stats --help", "--no-such-option",
        "--since nonsense --demo services", "--demo services traces", "--file services services"})
    void aCommandLineBuiltForItsArgumentsRunsAsOneWithEverySubcommand(String line) {
        String[] args = line.split(" ");
        assertEquals(outcome(Subcommands.all(CliTest.root()), args),
                outcome(Subcommands.forArgs(CliTest::root, args), args), line);
    }

    @Test
    void onlyTheNamedSubcommandsAreBuilt() {
        assertEquals(Set.of(), Subcommands.forArgs(CliTest::root, "--version").getSubcommands().keySet());
        assertEquals(Set.of("traces"), Subcommands.forArgs(CliTest::root, "--demo", "traces").getSubcommands().keySet());
    }

    @Test
    void helpAndMistypedSubcommandsGetEveryOne() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"help"}, new String[] {"trase"})) {
            assertEquals(XspyCommand.SUBCOMMANDS.size(), Subcommands.forArgs(CliTest::root, args).getSubcommands().size());
        }
        assertTrue(outcome(Subcommands.forArgs(CliTest::root, "trase"), "trase").startsWith("2\n"), "an unknown word is a usage error");
    }
}
