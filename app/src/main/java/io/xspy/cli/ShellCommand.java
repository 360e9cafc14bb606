package io.xspy.cli;

import io.xspy.cli.shell.Host;
import io.xspy.cli.shell.Shell;
import io.xspy.query.TimeWindow;
import io.xspy.source.TraceSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;

/** {@code xspy shell}: line-mode xspy, every command on one loaded source (io.xspy.cli.shell does the rest). */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = {"Line-mode xspy: the same commands and output on one loaded source, with Tab completion, "
                + "history (Ctrl-R) and plain text for screen readers; open ID shows the full-screen UI.",
            "With standard input not a terminal it runs the lines it reads, echoing each, and stops at the first "
                + "that fails (exit 1)."})
final class ShellCommand implements Callable<Integer> {

    @ParentCommand XspyCommand root;

    @Option(names = "--color", description = "Colour the output as the CLI does on a terminal (default: plain text).")
    boolean color;

    @Override
    public Integer call() throws Exception {
        return run(root, color);
    }

    /** The shell on the root's source, without colour: what {@code xspy} starts where the UI cannot draw. */
    static int startFrom(XspyCommand root) {
        return run(root, false);
    }

    private static int run(XspyCommand root, boolean color) {
        try (Bridge host = new Bridge(root, color)) {
            root.err().flush();
            return Shell.run(host, root.env, root.in, root.out(), root.err());
        }
    }

    /** The CLI's side of the shell: one command line over a shared source, and the window as root options. */
    static final class Bridge implements Host {
        private final XspyCommand start;
        private final boolean color;
        private final XspyCommand shared = new XspyCommand();
        private final CommandLine cli;
        private String since;
        private String until;
        /** The options that named the loaded source: each command line carries them, as it would on the CLI. */
        private List<String> sourceOptions;

        Bridge(XspyCommand start, boolean color) {
            this.start = start;
            this.color = color;
            this.since = start.since;
            this.until = start.until;
            shared.env = start.env;
            cli = Subcommands.all(shared);
            cli.getCommandSpec().removeSubcommand("shell"); // no shell in the shell
            cli.setOverwrittenOptionsAllowed(true); // traces --since 1h overrides the window once
            shared.loaded = Sources.open(start, start.err());
            sourceOptions = sourceOptions(start); // after open: with no AWS set up, it chose the demo
        }

        private static List<String> sourceOptions(XspyCommand o) {
            List<String> args = new ArrayList<>();
            if (o.demo) args.addAll(List.of("--demo", "--seed", String.valueOf(o.seed)));
            o.files.forEach(f -> args.addAll(List.of("--file", f.toString())));
            if (o.listen != null) args.addAll(List.of("--listen", o.listen));
            if (o.samplingRules != null) args.addAll(List.of("--sampling-rules", o.samplingRules.toString()));
            if (o.profile != null) args.addAll(List.of("--profile", o.profile));
            if (o.region != null) args.addAll(List.of("--region", o.region));
            if (o.endpointUrl != null) args.addAll(List.of("--endpoint-url", o.endpointUrl));
            args.addAll(List.of("--max-traces", String.valueOf(o.maxTraces)));
            return args;
        }

        @Override
        public CommandLine commandLine() {
            return cli;
        }

        @Override
        public int execute(List<String> words, PrintWriter out, PrintWriter err) {
            cli.setOut(out);
            cli.setErr(err);
            // source names a source of its own: none of the loaded one's options come along
            boolean naming = !words.isEmpty() && words.get(0).equals("source");
            List<String> args = rootOptions(naming ? List.of() : sourceOptions, since, until, !color);
            args.addAll(words);
            return Main.run(cli, args.toArray(String[]::new));
        }

        /** The options every command line of the shell starts with: the source, the window and how to draw. */
        private List<String> rootOptions(List<String> source, String since, String until, boolean plain) {
            List<String> args = new ArrayList<>(source);
            if (since != null) args.addAll(List.of("--since", since));
            if (until != null) args.addAll(List.of("--until", until));
            if (start.asciiOnly()) args.add("--ascii");
            if (plain || !start.colorAllowed()) args.add("--no-color");
            return args;
        }

        @Override
        public TraceSource source() {
            return shared.loaded.source();
        }

        @Override
        public synchronized TimeWindow window() {
            return windowOf(since, until);
        }

        private TimeWindow windowOf(String since, String until) {
            XspyCommand options = new XspyCommand();
            CommandLine parsing = new CommandLine(options);
            parsing.parseArgs(rootOptions(sourceOptions, since, until, true).toArray(String[]::new));
            try {
                return shared.loaded.window(options);
            } catch (ParameterException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        @Override
        public String windowOptions() {
            List<String> args = new ArrayList<>();
            if (since != null) args.addAll(List.of("--since", since));
            if (until != null) args.addAll(List.of("--until", until));
            return String.join(" ", args);
        }

        @Override
        public synchronized void window(String since, String until) {
            windowOf(since, until); // throws, in words, on a bad span or instant
            this.since = since;
            this.until = until;
        }

        @Override
        public void switchSource(PrintWriter err) {
            Sources.Opened before = shared.loaded;
            shared.loaded = null; // so open reads the options of this command line, not the loaded source
            try {
                shared.loaded = Sources.open(shared, err);
            } catch (RuntimeException e) {
                shared.loaded = before;
                throw e;
            }
            before.close();
            sourceOptions = sourceOptions(shared);
        }

        @Override
        public void openUi(String traceId) throws IOException {
            XspyCommand options = new XspyCommand();
            options.env = start.env;
            new CommandLine(options).parseArgs(rootOptions(sourceOptions, since, until, false).toArray(String[]::new));
            Terminal.open(shared.loaded, options, traceId);
        }

        @Override
        public void close() {
            if (shared.loaded != null) shared.loaded.close();
        }
    }
}
