package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** xspy shell with a script on standard input: the same commands and output as the CLI, one loaded source. */
class ShellScriptTest {
    static final String MIXED = CliTest.MIXED;
    static final String BLOG = CliTest.BLOG;

    static CliTest.Run shell(String script, Map<String, String> extraEnv, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        XspyCommand command = new XspyCommand();
        Map<String, String> env = new HashMap<>(Map.of("LANG", "C.UTF-8"));
        env.putAll(extraEnv);
        command.env = env;
        command.in = new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8));
        CommandLine cli = Subcommands.all(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = Main.run(cli, args);
        return new CliTest.Run(exit, out.toString(), err.toString());
    }

    static CliTest.Run shell(String script, String... args) {
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "shell";
        return shell(script, Map.of(), all);
    }

    @Test
    void eachCommandPrintsWhatTheCliPrintsAfterItsEchoedLine() {
        CliTest.Run shell = shell("services\ntraces\ntrace " + CliTest.BLOG_TRACE + " --width 100\nlogs "
                + CliTest.BLOG_TRACE + "\n", "--file", BLOG);
        assertEquals(0, shell.exit(), shell.err());
        String expected = "xspy> services\n" + CliTest.run("--file", BLOG, "services").out()
                + "xspy> traces\n" + CliTest.run("--file", BLOG, "traces").out()
                + "xspy> trace " + CliTest.BLOG_TRACE + " --width 100\n"
                + CliTest.run("--file", BLOG, "trace", CliTest.BLOG_TRACE, "--width", "100").out()
                + "xspy> logs " + CliTest.BLOG_TRACE + "\n" + CliTest.run("--file", BLOG, "logs", CliTest.BLOG_TRACE).out();
        assertEquals(expected, shell.out());
    }

    @Test
    void theSourceIsLoadedOnceForAllCommands() {
        // a file with bad lines warns when it is read: once, not once per command
        CliTest.Run r = shell("services\nservices\ntraces\n", "--file", MIXED);
        assertEquals(0, r.exit(), r.err());
        assertEquals(1, count(r.err(), "line 2: not valid JSON"), r.err());
    }

    @Test
    void aRowNumberStandsForThatRowOfTheLastListing() {
        CliTest.Run r = shell("traces --limit 3\ntrace 1 --output json\nlogs 2\n", "--demo");
        assertEquals(0, r.exit(), r.err());
        String listing = r.out().substring(r.out().indexOf("xspy> traces"), r.out().indexOf("xspy> trace 1"));
        String[] rows = listing.split("\n");
        String first = rows[2].split("\\s+")[2]; // START is two words: date and time
        assertTrue(first.startsWith("1-"), listing);
        String json = r.out().substring(r.out().indexOf("xspy> trace 1"), r.out().indexOf("xspy> logs 2"));
        assertTrue(json.contains("\"Id\" : \"" + first + "\""), json);
    }

    @Test
    void aRowBeyondTheListingIsRefusedInWords() {
        CliTest.Run r = shell("traces --limit 2\ntrace 9\n", "--demo");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("xspy: 9: the last listing has 2 rows"), r.err());
        assertTrue(r.err().contains("xspy: line 2: stopped: this command failed (exit 2)"), r.err());
        CliTest.Run none = shell("trace 1\n", "--demo");
        assertTrue(none.err().contains("there is none yet: run traces first"), none.err());
    }

    @Test
    void theFirstFailingLineStopsTheScriptWithItsNumber() {
        CliTest.Run r = shell("# a workshop walk\n\nservices\nbogus --flag\nservices\n", "--file", BLOG);
        assertEquals(1, r.exit());
        assertEquals(1, count(r.out(), "xspy> services"), r.out());
        assertTrue(r.err().contains("xspy: unknown command \"bogus\": help lists the commands"), r.err());
        assertTrue(r.err().contains("xspy: line 4: stopped: this command failed (exit 2)"), r.err());
        CliTest.Run usage = shell("traces --limit 0\n", "--file", BLOG);
        assertEquals(1, usage.exit());
        assertTrue(usage.err().contains("--limit: must be at least 1"), usage.err());
        assertTrue(usage.err().contains("line 1:"), usage.err());
    }

    @Test
    void anUnclosedQuoteOrBraceContinuesOnTheNextLine() {
        CliTest.Run r = shell("traces --limit 1 --filter 'service(\"xraystarter-py\") {\n  fault\n}'\nwindow\n", "--demo");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("! fault"), r.out());
        assertTrue(r.out().contains("xspy> window"), r.out());
        CliTest.Run open = shell("traces --filter 'fault\n", "--demo");
        assertEquals(1, open.exit());
        assertTrue(open.err().contains("line 1: the script ends inside an unclosed quote"), open.err());
    }

    @Test
    void windowChangesTheWindowOfTheCommandsThatFollow() {
        CliTest.Run r = shell("window\nwindow 1h\nwindow default\nwindow 2h 2026-11-26T15:00:00Z\ntraces\n", "--demo");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("(the source's default)"), r.out());
        assertTrue(r.out().contains("(--since 1h)"), r.out());
        assertTrue(r.out().contains("window: 2026-11-26 13:00:00Z to 2026-11-26 15:00:00Z (--since 2h --until 2026-11-26T15:00:00Z)"),
                r.out());
        // nothing of the demo's (recent) history lies in that window
        String traces = r.out().substring(r.out().lastIndexOf("xspy> traces"));
        assertFalse(traces.contains("1-"), traces);
        CliTest.Run bad = shell("window 5x\n", "--demo");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("window: \"5x\" is not a span"), bad.err());
    }

    @Test
    void sourceSwitchesWhatTheCommandsRead() {
        CliTest.Run r = shell("source\nsource --file " + BLOG + "\nservices\nsource --file /no/such/file\nservices\n", "--demo");
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("source: demo (seed 1)"), r.out());
        assertTrue(r.out().contains("source: file blog-go-cold.json"), r.out());
        String services = r.out().substring(r.out().indexOf("xspy> services"));
        assertTrue(services.contains("xraystarter-go") && !services.contains("xraystarter-py"), services);
        assertTrue(r.err().contains("cannot read /no/such/file"), r.err());
        assertTrue(r.err().contains("line 4:"), r.err());
    }

    @Test
    void openNeedsATerminal() {
        CliTest.Run r = shell("open\n", "--demo");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("open needs a terminal"), r.err());
    }

    @Test
    void helpListsEveryCommandOfXspyAndOfTheShell() {
        CliTest.Run r = shell("help\nhelp traces\n", "--demo");
        assertEquals(0, r.exit(), r.err());
        for (String c : new String[] {"services", "traces", "trace", "logs", "export", "window", "source", "open", "help", "exit"}) {
            assertTrue(r.out().contains("\n  " + c + " "), c + " in\n" + r.out());
        }
        assertFalse(r.out().contains("\n  shell "), r.out());
        assertTrue(r.out().contains("--filter=EXPR"), r.out());
    }

    @Test
    void exitEndsTheScript() {
        CliTest.Run r = shell("exit\nbogus\n", "--demo");
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.err().contains("bogus"), r.err());
    }

    @Test
    void withTermDumbXspyStartsTheShellAndSaysWhy() {
        CliTest.Run r = shell("services\n", Map.of("TERM", "dumb"), "--file", BLOG);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().startsWith("xspy: TERM=dumb cannot move the cursor, so the full-screen UI cannot draw here:"
                + " starting the line-mode shell instead"), r.err());
        assertTrue(r.out().contains("xspy> services\n"), r.out());
    }

    static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }
}
