package io.xspy.cli.shell;

import io.xspy.query.TimeWindow;
import io.xspy.timeline.Text;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The shell's own commands, beside xspy's: window, source, open, help, exit. */
final class Builtins {
    private Builtins() {}

    static void addTo(CommandLine cli, Session session) {
        cli.addSubcommand(new WindowCommand(session));
        cli.addSubcommand(new SourceCommand(session));
        cli.addSubcommand(new OpenCommand(session));
        cli.addSubcommand(new HelpCommand(session));
        cli.addSubcommand(new ExitCommand(session));
    }

    static String show(Instant i) {
        return i.toString().replace('T', ' ').replaceFirst("(\\.\\d+)?Z$", "Z");
    }

    @Command(name = "window", description = "Show the time window of the commands, or set it: window 1h, "
            + "window 2h 2026-11-26T15:00:00Z (ending then), window default (the source's own).")
    static final class WindowCommand implements Callable<Integer> {
        private final Session session;
        @Spec CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "SPAN", description = "90s, 15m, 6h, 2d, or default.")
        String span;

        @Parameters(index = "1", arity = "0..1", paramLabel = "UNTIL", description = "The end: an instant or a SPAN ago.")
        String until;

        WindowCommand(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (span != null) {
                boolean reset = span.equals("default");
                try {
                    session.host.window(reset ? null : span, reset ? null : until);
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            e.getMessage().replaceFirst("^--(since|until): ", "window: "));
                }
                session.changed();
            }
            TimeWindow w = session.host.window();
            String options = session.host.windowOptions();
            out.println("window: " + show(w.start()) + " to " + show(w.end()) + " ("
                    + (options.isEmpty() ? "the source's default" : Text.sanitize(options, false)) + ")");
            return 0;
        }
    }

    /** The root options that name a source (they reach here as the root's inherited options). */
    private static final Set<String> SOURCE_OPTIONS = Set.of("--demo", "--seed", "--file", "--listen", "--sampling-rules",
            "--profile", "--region", "--endpoint-url", "--max-traces");

    @Command(name = "source", description = "Show the loaded source, or load another: source --demo [--seed N], "
            + "source --file PATH (repeatable), source --listen [HOST:]PORT, source --profile P --region R (AWS).")
    static final class SourceCommand implements Callable<Integer> {
        private final Session session;
        @Spec CommandSpec spec;

        SourceCommand(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            boolean named = spec.commandLine().getParseResult().matchedOptions().stream()
                    .anyMatch(o -> SOURCE_OPTIONS.contains(o.longestName()));
            if (named) {
                session.host.switchSource(spec.commandLine().getErr());
                session.clearListing();
                session.changed();
            }
            out.println("source: " + Text.sanitize(session.host.source().describe(), false));
            return 0;
        }
    }

    @Command(name = "open", description = "Open the full-screen UI at a trace (an id, or 1, 2, … for a row of the "
            + "last listing), or at the services with no id; q comes back to this prompt.")
    static final class OpenCommand implements Callable<Integer> {
        private final Session session;
        @Spec CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "TRACE_ID", description = "The trace to open.")
        String traceId;

        OpenCommand(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() throws Exception {
            if (session.screen == null) {
                spec.commandLine().getErr().println("xspy: open needs a terminal; a script cannot show the full-screen UI");
                return 1;
            }
            session.screen.hand(() -> session.host.openUi(traceId));
            return 0;
        }
    }

    @Command(name = "help", description = "List the commands, or show one's options: help traces.")
    static final class HelpCommand implements Callable<Integer> {
        private final Session session;
        @Spec CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "COMMAND", description = "The command to describe.")
        String command;

        HelpCommand(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Map<String, CommandLine> commands = session.host.commandLine().getSubcommands();
            if (command != null) {
                CommandLine c = commands.get(command);
                if (c == null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "no command \"" + Text.sanitize(command, false)
                            + "\"; help lists them");
                }
                c.usage(out, CommandLine.Help.Ansi.OFF);
                return 0;
            }
            out.println("Commands (each as on the command line, on the loaded source; help COMMAND shows its options):");
            int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
            for (Map.Entry<String, CommandLine> e : commands.entrySet()) {
                if (!e.getValue().getCommandName().equals(e.getKey())) continue; // an alias
                String[] description = e.getValue().getCommandSpec().usageMessage().description();
                String first = description.length == 0 ? "" : firstSentence(description[0]);
                out.println("  " + e.getKey() + " ".repeat(width - e.getKey().length() + 2) + first);
            }
            out.println();
            for (String line : List.of(
                    "Tab completes commands, options, service names, trace ids and filter words.",
                    "1, 2, ... in place of a trace id name the rows of the last listing: trace 1 is its first.",
                    "Up and Ctrl-R recall earlier lines; an unclosed quote or brace continues on the next line.",
                    "Ctrl-C cancels the running command; Ctrl-D or exit leaves.")) {
                out.println(line);
            }
            return 0;
        }

        /** The description up to its first ". " or ": ", in at most 80 characters (cut at a space). */
        static String firstSentence(String s) {
            for (String stop : List.of(". ", ": ")) {
                int end = s.indexOf(stop);
                if (end >= 0) s = s.substring(0, end + 1);
            }
            if (s.endsWith(":")) s = s.substring(0, s.length() - 1);
            if (s.length() <= 80) return s;
            int space = s.lastIndexOf(' ', 77);
            return s.substring(0, space > 0 ? space : 77) + "...";
        }
    }

    @Command(name = "exit", aliases = "quit", description = "Leave the shell (as Ctrl-D does).")
    static final class ExitCommand implements Callable<Integer> {
        private final Session session;

        ExitCommand(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            session.requestExit();
            return 0;
        }
    }
}
