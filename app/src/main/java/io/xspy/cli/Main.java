package io.xspy.cli;

import picocli.CommandLine;

/** Entry point of the xspy jar: picocli does the parsing, errors become one line and an exit code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(new CommandLine(new XspyCommand()), args);
    }

    /** Runs on a prepared command line (tests set its output and error writers). */
    static int run(CommandLine cli, String... args) {
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("xspy: " + Errors.oneLine(ex));
            return 1;
        });
        cli.setParameterExceptionHandler((ex, args2) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println("xspy: " + ex.getMessage());
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more.");
            return 2;
        });
        try {
            return cli.execute(args);
        } finally {
            cli.getOut().flush();
            cli.getErr().flush();
        }
    }
}
