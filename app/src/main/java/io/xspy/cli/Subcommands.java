package io.xspy.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/**
 * The xspy command line with its subcommands. Building a subcommand's model (reflection, annotation proxies)
 * is most of picocli's start-up, so one run builds only the subcommands its arguments name; help, and any
 * command line that does not parse (a mistyped subcommand is answered with suggestions from all of them),
 * get every one, exactly as {@code @Command(subcommands = ...)} would register them.
 */
public final class Subcommands {
    private static final Set<String> HELP = Set.of("-h", "--help", "help");

    private Subcommands() {}

    /** The command line of {@code root} with every subcommand (help, the shell, tests). */
    public static CommandLine all(XspyCommand root) {
        CommandLine cli = new CommandLine(root);
        for (Class<?> c : XspyCommand.SUBCOMMANDS) cli.addSubcommand(c);
        return cli;
    }

    /** {@link #forArgs(Supplier, String...)} on a new root command (no lambda on the way: see Main's handlers). */
    public static CommandLine forArgs(String... args) {
        return forArgs(NewRoot.INSTANCE, args);
    }

    private enum NewRoot implements Supplier<XspyCommand> {
        INSTANCE;

        @Override
        public XspyCommand get() {
            return new XspyCommand();
        }
    }

    /**
     * A command line for running {@code args} once: only the subcommands they name where that parses the same.
     * {@code roots} makes a fresh root command: one that failed to parse holds some of the values.
     */
    public static CommandLine forArgs(Supplier<XspyCommand> roots, String... args) {
        Set<String> words = new HashSet<>(List.of(args));
        for (String help : HELP) {
            if (words.contains(help)) return all(roots.get());
        }
        CommandLine cli = new CommandLine(roots.get());
        for (Class<?> c : XspyCommand.SUBCOMMANDS) {
            if (words.contains(name(c))) cli.addSubcommand(c);
        }
        try {
            cli.parseArgs(args); // execute parses again, from the options' initial values
            return cli;
        } catch (ParameterException e) {
            return all(roots.get());
        }
    }

    /** The names of the subcommands. */
    static Set<String> names() {
        Set<String> names = new HashSet<>();
        for (Class<?> c : XspyCommand.SUBCOMMANDS) names.add(name(c));
        return names;
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }
}
