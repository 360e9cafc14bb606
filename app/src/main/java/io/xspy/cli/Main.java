package io.xspy.cli;

import io.xspy.cli.shell.LineMode;
import io.xspy.tui.StartupMarks;
import io.xspy.tui.TerminalHeadStart;
import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;

/** Entry point of the xspy jar: picocli does the parsing, errors become one line and an exit code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        StartupMarks.mark("main");
        if (opensTheUi(onTerminal(), args)) {
            // the demo's first frame is drawn ahead too, when the command line alone says what it shows
            DemoFirstFrame frame = DemoFirstFrame.of(System.getenv(), Clock.systemUTC(), args);
            TerminalHeadStart.begin(new FullScreenUi(), frame);
            // picocli waits for a frame drawn ahead: on two cores it comes ~20 ms sooner so than with picocli beside
            // it (runs in turn on a quiet machine: 158 against 181 ms), and picocli alone takes ~45 ms after it
            if (frame != null) TerminalHeadStart.awaitFirstFrame();
        }
        int status = run(args);
        TerminalHeadStart.release(); // raw mode (or a first frame) set ahead for a UI that did not start is undone
        StartupMarks.report(System.err);
        System.exit(status);
    }

    /**
     * Whether the command line looks like the full-screen UI on a terminal: no subcommand, help or
     * version asked for. A wrong guess costs work on another core, and one stty at exit to undo raw mode.
     */
    static boolean opensTheUi(boolean onTerminal, String... args) {
        if (!onTerminal) return false;
        for (String a : args) if (NOT_THE_UI.contains(a)) return false;
        return true;
    }

    /**
     * Whether the standard input and output are terminals: from /proc where it says so, else as
     * {@link System#console} tells (which makes the JDK's Console, 10-50 ms before the head start could begin).
     */
    static boolean onTerminal() {
        return terminal("/proc/self/fd/0") && terminal("/proc/self/fd/1") || System.console() != null;
    }

    /** Whether the link names a terminal device (java.io.File: what the JVM has loaded anyway). */
    static boolean terminal(String fdLink) {
        try {
            String device = new File(fdLink).getCanonicalPath();
            return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Help, the version and the subcommands' names (MainHeadStartTest holds them to the commands' own): written
     * out, as reading them from the annotations would take the main thread 40-100 ms before the head start begins.
     */
    static final Set<String> NOT_THE_UI = Set.of("-h", "--help", "-V", "--version", "services", "traces", "trace", "logs",
            "export", "serve", "shell", "diff", "stats");

    public static int run(String... args) {
        CommandLine cli = Subcommands.forArgs(args);
        StartupMarks.mark("picocli model");
        // Unicode goes out as UTF-8 whatever the JVM's default; under a non-UTF-8 locale xspy writes ASCII
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        return run(cli, args);
    }

    /** Runs on a prepared command line (tests set its output and error writers). */
    static int run(CommandLine cli, String... args) {
        cli.setExecutionExceptionHandler(new OneLineErrors());
        cli.setParameterExceptionHandler(new UsageErrors());
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            TerminalHeadStart.release();
            // the heap, not the input, is the limit: say so in one line, with what to change
            cli.getErr().println("xspy: out of memory (a heap of " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MB): lower --max-traces, narrow --since/--until, or give Java more (JAVA_TOOL_OPTIONS=-Xmx2g)");
            return 1;
        } finally {
            cli.getOut().flush();
            cli.getErr().flush();
        }
    }

    // The handlers are classes, not lambdas: picocli's interfaces are Java 5 class files, so JDK 17 cannot archive
    // a lambda of them, and spinning the first lambda up at run time costs ~15 ms. Likewise no lambda on the way here.

    /** An exception from a command: one line. */
    private static final class OneLineErrors implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
            TerminalHeadStart.release(); // a first frame drawn ahead is put away first, or the line would print on it
            commandLine.getErr().println("xspy: " + Errors.oneLine(ex));
            return 1;
        }
    }

    /** A command line that does not parse: what is wrong, and where help is. */
    private static final class UsageErrors implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            TerminalHeadStart.release(); // as above
            CommandLine failed = ex.getCommandLine();
            // picocli echoes the offending argument: each line goes through the sanitizer
            failed.getErr().println("xspy: " + Errors.lines(ex.getMessage()));
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more.");
            return 2;
        }
    }

    /** Whether the full-screen UI, not the line-mode shell, will take the terminal. */
    private static final class FullScreenUi implements BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            return LineMode.why(System.getenv()) == null;
        }
    }
}
