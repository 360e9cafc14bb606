package io.xspy.cli.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Tab: commands and their options from picocli's model (so a command added to xspy is completed
 * too), option values (enums, files, spans, filter expressions), trace ids of the last listing and
 * 1, 2, … for its rows, and command names after help.
 */
final class ShellCompleter implements Completer {
    private static final List<String> SPANS = List.of("15m", "1h", "6h", "1d", "7d");

    private final Session session;
    private final FilterCompleter filters;

    ShellCompleter(Session session) {
        this.session = session;
        this.filters = new FilterCompleter(session::serviceNames);
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        String typed = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        Map<String, CommandLine> commands = session.host.commandLine().getSubcommands();
        if (index == 0) {
            commands.forEach((name, c) -> candidates.add(new Candidate(name, name, "commands", summary(c), null, null, true)));
            return;
        }
        CommandLine command = commands.get(words.get(0));
        if (command == null) return;
        CommandSpec spec = command.getCommandSpec();
        OptionSpec option = index > 1 ? valueOf(spec, words.get(index - 1)) : null;
        if (option != null) {
            values(option, typed, reader, line, candidates);
            return;
        }
        if (typed.startsWith("-")) {
            for (OptionSpec o : spec.options()) {
                for (String name : o.names()) {
                    if (!name.startsWith("--") && o.names().length > 1) continue; // -h beside --help: the long one
                    candidates.add(new Candidate(name, name, o.inherited() ? "xspy options" : "options",
                            first(o.description()), null, null, true));
                }
            }
            return;
        }
        PositionalParamSpec p = positional(spec, words, index);
        if (p == null) return;
        if (RowReferences.isTraceId(p)) {
            List<String> ids = session.listing();
            for (int i = 0; i < ids.size(); i++) {
                candidates.add(new Candidate(String.valueOf(i + 1), String.valueOf(i + 1), "rows of the last listing",
                        ids.get(i), null, null, true));
                candidates.add(new Candidate(ids.get(i), ids.get(i), "trace ids", "row " + (i + 1), null, null, true));
            }
        } else if (spec.name().equals("help")) {
            commands.keySet().forEach(name -> candidates.add(new Candidate(name, name, "commands", null, null, null, true)));
        } else if (p.paramLabel().contains("SPAN")) {
            SPANS.forEach(s -> candidates.add(new Candidate(s)));
            candidates.add(new Candidate("default"));
        }
    }

    private void values(OptionSpec option, String typed, LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String name = option.longestName();
        if (name.equals("--filter")) {
            candidates.addAll(filters.complete(typed));
        } else if (name.equals("--since") || name.equals("--until")) {
            SPANS.forEach(s -> candidates.add(new Candidate(s)));
        } else if (option.completionCandidates() != null) {
            for (String v : option.completionCandidates()) candidates.add(new Candidate(v));
        } else if (option.type() == Path.class || option.type() == java.io.File.class) {
            files(typed, candidates);
        }
    }

    /** The option whose value the current word is, when the word before is an option that takes one. */
    private static OptionSpec valueOf(CommandSpec spec, String previous) {
        if (!previous.startsWith("-") || previous.contains("=")) return null;
        OptionSpec o = spec.findOption(previous);
        return o != null && o.arity().max() > 0 && o.arity().min() > 0 ? o : null;
    }

    /** The positional parameter the word at {@code index} fills: words that are neither options nor their values, counted. */
    private static PositionalParamSpec positional(CommandSpec spec, List<String> words, int index) {
        int count = 0;
        for (int i = 1; i < index; i++) {
            String w = words.get(i);
            if (w.startsWith("-") && w.length() > 1) {
                OptionSpec o = spec.findOption(w.contains("=") ? w.substring(0, w.indexOf('=')) : w);
                if (o != null && !w.contains("=") && o.arity().min() > 0) i++;
                continue;
            }
            count++;
        }
        for (PositionalParamSpec p : spec.positionalParameters()) if (p.index().contains(count)) return p;
        return null;
    }

    private static String summary(CommandLine c) {
        return first(c.getCommandSpec().usageMessage().description());
    }

    private static String first(String[] description) {
        if (description.length == 0) return null;
        String s = description[0];
        int end = s.indexOf(". ");
        s = end < 0 ? s : s.substring(0, end);
        return s.length() > 60 ? s.substring(0, 59) + "…" : s;
    }

    /** The entries of the directory typed so far; a directory ends in / and goes on. */
    static void files(String typed, List<Candidate> candidates) {
        int slash = typed.lastIndexOf('/');
        String dir = slash < 0 ? "" : typed.substring(0, slash + 1);
        try (java.nio.file.DirectoryStream<Path> entries = java.nio.file.Files.newDirectoryStream(Path.of(dir.isEmpty() ? "." : dir))) {
            for (Path e : entries) {
                String name = String.valueOf(e.getFileName());
                boolean directory = java.nio.file.Files.isDirectory(e);
                candidates.add(new Candidate(dir + name + (directory ? "/" : ""), name + (directory ? "/" : ""), null, null,
                        null, null, !directory));
            }
        } catch (java.io.IOException | RuntimeException e) {
            // nothing to offer from a directory that cannot be read
        }
    }

    static List<String> names(List<Candidate> candidates) {
        List<String> out = new ArrayList<>();
        for (Candidate c : candidates) out.add(c.value());
        return out;
    }
}
