package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.cli.shell.Interactive;
import io.xspy.cli.shell.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The prompt, driven through JLine's own terminal on piped streams (an xterm that JLine emulates the
 * line discipline of): keys go in, the screen's bytes come out. Waits are for what the screen shows.
 */
class ShellInteractiveTest {
    static final Duration PATIENCE = Duration.ofSeconds(120);
    static final String UP = "\033OA"; // the up arrow in keypad mode, which JLine turns on

    @TempDir Path dir;
    private Prompt prompt;

    @AfterEach
    void close() throws Exception {
        if (prompt != null) prompt.close();
    }

    /** A shell on a fresh JLine terminal, its history in {@code history}, running on a thread of its own. */
    static final class Prompt implements AutoCloseable {
        final PipedOutputStream keys = new PipedOutputStream();
        final ByteArrayOutputStream screen = new ByteArrayOutputStream();
        final Terminal terminal;
        final ShellCommand.Bridge host;
        final Thread thread;
        final AtomicInteger exit = new AtomicInteger(-1);

        Prompt(Path history, String... args) throws IOException {
            XspyCommand root = new XspyCommand();
            root.env = Map.of("LANG", "C.UTF-8");
            CommandLine cli = Subcommands.all(root);
            cli.setErr(new PrintWriter(new StringWriter()));
            cli.parseArgs(args);
            host = new ShellCommand.Bridge(root, false);
            terminal = TerminalBuilder.builder().system(false).streams(new PipedInputStream(keys), screen)
                    .type("xterm").size(new Size(120, 40)).encoding(StandardCharsets.UTF_8).build();
            Interactive shell = new Interactive(new Session(host), terminal, history);
            thread = new Thread(() -> exit.set(shell.run()), "shell-under-test");
            thread.start();
            waitFor(s -> s.contains("xspy> "), "the first prompt");
        }

        Prompt type(String text) throws IOException {
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
            return this;
        }

        String screen() {
            return screen.toString(StandardCharsets.UTF_8);
        }

        String waitFor(Predicate<String> ready, String what) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                String s = screen();
                if (ready.test(s)) return s;
                Thread.onSpinWait();
                try {
                    Thread.sleep(20); // a poll interval: the loop ends on what the screen shows
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            throw new AssertionError("waited for " + what + "; the screen was:\n" + screen());
        }

        /** Ctrl-D, and the shell's exit code once it has left. */
        int quit() throws Exception {
            type("\004");
            thread.join(PATIENCE.toMillis());
            return exit.get();
        }

        @Override
        public void close() throws Exception {
            if (thread.isAlive()) type("\004");
            thread.join(PATIENCE.toMillis());
            terminal.close();
            host.close();
        }
    }

    @Test
    void tabCompletesAServiceNameInsideAQuotedFilterAndTraceOneIsTheFirstRow() throws Exception {
        Path history = dir.resolve("state/xspy/history");
        prompt = new Prompt(history, "--demo");
        prompt.type("traces --limit 2 --filter 'service(\"xraystarter-p\t");
        prompt.waitFor(s -> s.contains("service(\"xraystarter-py\")"), "the completed service name");
        prompt.type(" { fault }'\r");
        String listing = prompt.waitFor(s -> s.contains("! fault"), "the listing");
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("1-[0-9a-f]{8}-[0-9a-f]{24}").matcher(listing);
        assertTrue(id.find(), listing);
        prompt.type("trace 1\r");
        prompt.waitFor(s -> s.indexOf(id.group()) != s.lastIndexOf(id.group()) && s.contains("Initialization"),
                "the timeline of the first row");
        assertEquals(0, prompt.quit());
        String saved = Files.readString(history);
        assertTrue(saved.contains("traces --limit 2 --filter 'service(\"xraystarter-py\") { fault }'"), saved);
        assertTrue(saved.contains("trace 1"), saved);
    }

    @Test
    void upRecallsALineOfTheLastSessionAfterARestart() throws Exception {
        Path history = dir.resolve("history");
        try (Prompt first = new Prompt(history, "--demo")) {
            first.type("window 2h\r");
            first.waitFor(s -> s.contains("(--since 2h)"), "the window");
            first.type("help\r");
            first.waitFor(s -> s.contains("Ctrl-D or exit leaves"), "the help");
            assertEquals(0, first.quit());
        }
        prompt = new Prompt(history, "--demo");
        prompt.type(UP + UP + "\r");
        prompt.waitFor(s -> s.contains("(--since 2h)"), "window 2h run again from the history");
    }

    @Test
    void tabCompletesCommandsOptionsTheirValuesAndTraceIds() throws Exception {
        prompt = new Prompt(dir.resolve("history"), "--demo");
        prompt.type("traces --lim\t");
        prompt.waitFor(s -> s.contains("traces --limit "), "the option completed from picocli's model");
        prompt.type("2 --out\t");
        prompt.waitFor(s -> s.contains("--output "), "--output");
        prompt.type("j\t");
        prompt.waitFor(s -> s.contains("--output json "), "the enum's value");
        prompt.type("\r");
        prompt.waitFor(s -> s.contains("\"TracesProcessedCount\" : 2"), "the JSON listing");
        prompt.type("logs \t");
        prompt.waitFor(s -> s.contains("row 2") && s.contains("rows of the last listing"), "the rows and ids offered");
        prompt.type("\003"); // drops the line: Ctrl-D leaves only from an empty one
        assertEquals(0, prompt.quit());
    }

    @Test
    void ctrlRFindsAnEarlierLine() throws Exception {
        prompt = new Prompt(dir.resolve("history"), "--demo");
        prompt.type("window 2h\r");
        prompt.waitFor(s -> s.contains("(--since 2h)"), "the window");
        prompt.type("window default\r");
        prompt.waitFor(s -> s.contains("(the source's default)"), "the default window");
        prompt.type("\022w 2\r"); // Ctrl-R, then part of the line to find
        prompt.waitFor(s -> ShellScriptTest.count(s, "(--since 2h)") == 2, "window 2h found and run again");
        assertEquals(0, prompt.quit());
    }

    @Test
    void ctrlCCancelsTheRunningCommandAndKeepsTheShell() throws Exception {
        prompt = new Prompt(dir.resolve("history"), "--demo");
        prompt.type("serve --port 0\r");
        prompt.waitFor(s -> s.contains("(Ctrl-C stops)"), "the server running");
        prompt.type("\003");
        prompt.waitFor(s -> s.contains("xspy: cancelled"), "the cancellation");
        prompt.type("window\r");
        prompt.waitFor(s -> s.contains("the source's default"), "the next command");
        assertEquals(0, prompt.quit());
    }

    @Test
    void ctrlCAtThePromptDropsTheLineAndCtrlDLeaves() throws Exception {
        prompt = new Prompt(dir.resolve("history"), "--demo");
        prompt.type("bogus line\003");
        prompt.type("window\r");
        String s = prompt.waitFor(x -> x.contains("the source's default"), "the window");
        assertTrue(!s.contains("unknown command"), s);
        assertEquals(0, prompt.quit());
    }
}
