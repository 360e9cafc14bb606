package io.xspy.cli.shell;

import io.xspy.query.Keywords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jline.reader.Candidate;

/**
 * Completes a filter expression as far as it is typed: inside {@code service("} (and edge(, id(name:,
 * name =) the service names of the graph; after a keyword its operators; elsewhere the keywords,
 * calls and connectives of {@link Keywords}. Each candidate is the whole expression so far plus the
 * completion, so it replaces the word being typed, inside its quote or not.
 */
final class FilterCompleter {
    /** Just before a string that names a service: service( edge( edge("a", id(name: name = name CONTAINS … */
    private static final Pattern NAMES_A_SERVICE = Pattern.compile(
            "(?is).*(\\b(service|edge)\\s*\\(\\s*|\\bedge\\s*\\(\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*,\\s*"
                    + "|\\bname\\s*:\\s*|\\bname\\s*(=|!=|contains|beginswith|endswith)\\s*)");
    private static final Pattern CALL_ARGUMENT = Pattern.compile("(?is).*\\b(service|edge)\\s*\\(\\s*$");
    private static final Pattern EDGE_SECOND = Pattern.compile("(?is).*\\bedge\\s*\\(\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*,\\s*$");

    private final Supplier<List<String>> serviceNames;

    FilterCompleter(Supplier<List<String>> serviceNames) {
        this.serviceNames = serviceNames;
    }

    List<Candidate> complete(String typed) {
        List<Candidate> out = new ArrayList<>();
        int stringStart = openString(typed);
        if (stringStart >= 0) {
            String before = typed.substring(0, stringStart);
            if (!NAMES_A_SERVICE.matcher(before).matches()) return out;
            boolean edgeFirst = before.matches("(?is).*\\bedge\\s*\\(\\s*$");
            String close = EDGE_SECOND.matcher(before).matches() || CALL_ARGUMENT.matcher(before).matches() && !edgeFirst
                    ? "\")" : "\"";
            String head = typed.substring(0, stringStart + 1);
            for (String name : serviceNames.get()) {
                out.add(new Candidate(head + escape(name) + close, name, "services", null, null, null, false));
            }
            return out;
        }
        int start = typed.length();
        while (start > 0 && isWordPart(typed.charAt(start - 1))) start--;
        String head = typed.substring(0, start);
        String partial = typed.substring(start);
        Map<String, List<String>> keywords = Keywords.operatorsByKeyword();
        // after a keyword (or on one typed in full): its operators
        String keyword = keywords.containsKey(lower(partial)) ? typed : partial.isEmpty() ? previousWord(head) : null;
        List<String> operators = keyword == null ? null : keywords.get(lower(previousWord(keyword)));
        if (operators != null) {
            String spaced = keyword.endsWith(" ") ? keyword : keyword + " ";
            for (String op : operators) out.add(new Candidate(spaced + op + " ", op, "operators", null, null, null, false));
            if (partial.isEmpty()) { // or the term ends here: a connective
                for (String c : Keywords.CONNECTIVES) {
                    if (!c.equals("NOT")) out.add(new Candidate(head + c + " ", c, "connectives", null, null, null, false));
                }
                return out;
            }
        }
        for (String k : keywords.keySet()) out.add(new Candidate(head + k, k, "keywords", null, null, null, false));
        for (String o : Keywords.openings()) out.add(new Candidate(head + o, o, "functions", null, null, null, false));
        for (String c : Keywords.CONNECTIVES) {
            // NOT opens a term; AND and OR follow one
            if (c.equals("NOT") || !head.isBlank()) out.add(new Candidate(head + c + " ", c, "connectives", null, null, null, false));
        }
        return out;
    }

    /** Where an unclosed double-quoted string starts, or -1. */
    static int openString(String s) {
        int start = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (start >= 0 && c == '\\') i++;
            else if (c == '"') start = start >= 0 ? -1 : i;
        }
        return start;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(java.util.Locale.ROOT);
    }

    private static String previousWord(String head) {
        String t = head.stripTrailing();
        int end = t.length();
        int start = end;
        while (start > 0 && isWordPart(t.charAt(start - 1))) start--;
        return start == end ? null : t.substring(start, end);
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    /** A name inside a filter's double quotes: backslash and quote escaped, as the filter language reads them. */
    private static String escape(String name) {
        return name.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
