package io.xspy.cli.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code trace 1}: a small number where a command takes a trace id is that row of the last listing.
 * A real trace id is never a bare number, so nothing else is taken for one.
 */
final class RowReferences {
    private RowReferences() {}

    /** The words with row numbers in trace-id positions replaced by the listing's ids. */
    static List<String> resolve(List<String> words, CommandSpec command, List<String> listing) {
        List<String> out = new ArrayList<>(words);
        int positional = 0;
        for (int i = 1; i < out.size(); i++) {
            String w = out.get(i);
            if (w.equals("--")) continue;
            if (w.startsWith("-") && w.length() > 1) {
                OptionSpec option = command.findOption(w.contains("=") ? w.substring(0, w.indexOf('=')) : w);
                if (option != null && !w.contains("=") && option.arity().max() > 0) i++; // its value
                continue;
            }
            PositionalParamSpec p = positionalAt(command, positional++);
            if (p != null && isTraceId(p) && w.matches("[1-9][0-9]{0,5}")) {
                int row = Integer.parseInt(w);
                if (listing.isEmpty()) {
                    throw new IllegalArgumentException(w + " names a row of the last listing, and there is none yet: run traces first");
                }
                if (row > listing.size()) {
                    throw new IllegalArgumentException(w + ": the last listing has " + listing.size()
                            + (listing.size() == 1 ? " row" : " rows"));
                }
                out.set(i, listing.get(row - 1));
            }
        }
        return out;
    }

    /** Whether the command takes a trace id as a parameter (trace, logs, open, diff, …). */
    static boolean takesTraceId(CommandSpec command) {
        for (PositionalParamSpec p : command.positionalParameters()) if (isTraceId(p)) return true;
        return false;
    }

    static boolean isTraceId(ArgSpec p) {
        String label = p.paramLabel().toUpperCase(Locale.ROOT);
        return label.contains("TRACE") || label.matches("<?ID[0-9]*>?");
    }

    private static PositionalParamSpec positionalAt(CommandSpec command, int index) {
        for (PositionalParamSpec p : command.positionalParameters()) if (p.index().contains(index)) return p;
        return null;
    }
}
