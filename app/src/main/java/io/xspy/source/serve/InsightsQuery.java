package io.xspy.source.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The subset of CloudWatch Logs Insights that {@code serve} runs over {@code aws/spans}: what xspy's own
 * Transaction Search listing sends, and a little more. Commands, separated by {@code |}:
 * <ul>
 * <li>{@code fields F [as A], ...} — plain field names only (no functions);</li>
 * <li>{@code filter EXPR} — comparisons {@code = != < <= > >=} of a field with a "string", 'string' or
 *     number, {@code F in ["a", "b"]}, {@code ispresent(F)}, {@code not}, {@code and}, {@code or}, parentheses;</li>
 * <li>{@code stats AGG [as A], ... by F} — AGG is {@code count(*)}, {@code count(F)}, {@code min(F)},
 *     {@code max(F)}; one field after {@code by};</li>
 * <li>{@code sort F [asc|desc]} and {@code limit N}.</li>
 * </ul>
 * Field names may be written in `backquotes`. Anything else (parse, dedup, regex, functions, display)
 * is refused with a MalformedQueryException naming what is not supported. Without fields or stats a
 * row has @timestamp and @message, as in Logs Insights.
 */
final class InsightsQuery {

    /** A malformed or unsupported query: the message says which part and why. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }

    private interface Command {
        List<Map<String, Object>> apply(List<Map<String, Object>> rows);
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private final List<Command> commands = new ArrayList<>();
    private boolean projected;

    private InsightsQuery() {}

    static InsightsQuery parse(String text) {
        if (text == null || text.isBlank()) throw new Malformed("the query is empty");
        InsightsQuery q = new InsightsQuery();
        for (String part : splitPipes(text)) q.command(part.strip());
        return q;
    }

    /** Runs the query over these records (flat maps of field to value); rows come back in order. */
    List<Map<String, Object>> run(List<Map<String, Object>> records) {
        List<Map<String, Object>> rows = records;
        for (Command c : commands) rows = c.apply(rows);
        if (!projected) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map<String, Object> r : rows) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("@timestamp", r.get("@timestamp"));
                row.put("@message", r.get("@message"));
                out.add(row);
            }
            rows = out;
        }
        return rows;
    }

    private void command(String part) {
        if (part.isEmpty()) throw new Malformed("empty command between two |");
        Lexer lx = new Lexer(part);
        String name = lx.word().toLowerCase();
        switch (name) {
            case "fields" -> fields(lx);
            case "filter" -> {
                Predicate<Map<String, Object>> p = or(lx);
                lx.end();
                commands.add(rows -> rows.stream().filter(p).toList());
            }
            case "stats" -> stats(lx);
            case "sort" -> sort(lx);
            case "limit" -> {
                long n = (long) lx.number();
                lx.end();
                if (n < 1 || n > 10_000) throw new Malformed("limit must be 1..10000, not " + n);
                commands.add(rows -> rows.subList(0, (int) Math.min(n, rows.size())));
            }
            default -> throw new Malformed("xspy serve does not support the command \"" + name
                    + "\"; it runs fields, filter, stats (count/min/max ... by one field), sort and limit");
        }
    }

    private void fields(Lexer lx) {
        Map<String, String> picked = new LinkedHashMap<>();
        do {
            String f = lx.field();
            String as = lx.peekWord("as") ? lx.skip().field() : f;
            picked.put(as, f);
        } while (lx.comma());
        lx.end();
        projected = true;
        commands.add(rows -> rows.stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>(r); // later commands may still read other fields
            picked.forEach((as, f) -> row.put(as, r.get(f)));
            row.put(" fields", picked.keySet());
            return row;
        }).toList());
    }

    private record Aggregate(String function, String field, String as) {}

    private void stats(Lexer lx) {
        List<Aggregate> aggs = new ArrayList<>();
        do {
            String fn = lx.word().toLowerCase();
            if (!List.of("count", "min", "max").contains(fn)) {
                throw new Malformed("xspy serve's stats supports count, min and max, not \"" + fn + "\"");
            }
            lx.expect('(');
            String field = lx.star() ? null : lx.field();
            lx.expect(')');
            String as = lx.peekWord("as") ? lx.skip().field() : fn + "(" + (field == null ? "*" : field) + ")";
            aggs.add(new Aggregate(fn, field, as));
        } while (lx.comma());
        if (!lx.peekWord("by")) throw new Malformed("xspy serve's stats needs \"by FIELD\"");
        String by = lx.skip().field();
        lx.end();
        projected = true;
        commands.add(rows -> {
            Map<Object, Map<String, Object>> groups = new LinkedHashMap<>();
            for (Map<String, Object> r : rows) {
                Object key = r.get(by);
                if (key == null) continue;
                Map<String, Object> g = groups.computeIfAbsent(key, k -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put(by, k);
                    return row;
                });
                for (Aggregate a : aggs) {
                    Object v = a.field == null ? Boolean.TRUE : r.get(a.field);
                    if (v == null) continue;
                    Object was = g.get(a.as);
                    g.put(a.as, switch (a.function) {
                        case "count" -> (was == null ? 0L : (Long) was) + 1;
                        case "min" -> was == null || compare(v, was) < 0 ? v : was;
                        default -> was == null || compare(v, was) > 0 ? v : was;
                    });
                }
            }
            List<String> shown = new ArrayList<>();
            shown.add(by);
            aggs.forEach(a -> shown.add(a.as));
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map<String, Object> g : groups.values()) {
                g.put(" fields", shown);
                out.add(g);
            }
            return out;
        });
    }

    private void sort(Lexer lx) {
        String f = lx.field();
        boolean desc = false;
        if (lx.peekWord("desc")) {
            lx.skip();
            desc = true;
        } else if (lx.peekWord("asc")) {
            lx.skip();
        }
        lx.end();
        Comparator<Map<String, Object>> byField = (a, b) -> {
            Object x = a.get(f);
            Object y = b.get(f);
            if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1; // missing last
            return compare(x, y);
        };
        Comparator<Map<String, Object>> order = desc ? (a, b) -> {
            Object x = a.get(f);
            Object y = b.get(f);
            if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
            return compare(y, x);
        } : byField;
        commands.add(rows -> rows.stream().sorted(order).toList());
    }

    // ---- filter expressions ----

    private Predicate<Map<String, Object>> or(Lexer lx) {
        Predicate<Map<String, Object>> p = and(lx);
        while (lx.peekWord("or")) {
            lx.skip();
            p = p.or(and(lx));
        }
        return p;
    }

    private Predicate<Map<String, Object>> and(Lexer lx) {
        Predicate<Map<String, Object>> p = not(lx);
        while (lx.peekWord("and")) {
            lx.skip();
            p = p.and(not(lx));
        }
        return p;
    }

    private Predicate<Map<String, Object>> not(Lexer lx) {
        if (lx.peekWord("not")) {
            lx.skip();
            return not(lx).negate();
        }
        if (lx.peek('(')) {
            lx.expect('(');
            Predicate<Map<String, Object>> p = or(lx);
            lx.expect(')');
            return p;
        }
        if (lx.peekWord("ispresent")) {
            lx.skip().expect('(');
            String f = lx.field();
            lx.expect(')');
            return r -> r.get(f) != null;
        }
        String f = lx.field();
        if (lx.peekWord("in")) {
            lx.skip().expect('[');
            List<Object> values = new ArrayList<>();
            if (!lx.peek(']')) {
                do values.add(lx.literal()); while (lx.comma());
            }
            lx.expect(']');
            Set<String> keys = new HashSet<>();
            values.forEach(v -> keys.add(key(v)));
            return r -> r.get(f) != null && keys.contains(key(r.get(f)));
        }
        String op = lx.operator();
        Object value = lx.literal();
        return r -> {
            Object v = r.get(f);
            if (v == null) return false;
            int c = compare(v, value);
            return switch (op) {
                case "=" -> c == 0;
                case "!=" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            };
        };
    }

    /** Numbers compare as numbers (also a number held as text); anything else as text. */
    static int compare(Object a, Object b) {
        Double x = number(a);
        Double y = number(b);
        if (x != null && y != null) return Double.compare(x, y);
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    private static Double number(Object o) {
        if (o instanceof Number n) return n.doubleValue();
        if (o instanceof String s && !s.isEmpty() && (Character.isDigit(s.charAt(0)) || s.charAt(0) == '-')
                && NUMBER.matcher(s).matches()) {
            return Double.parseDouble(s);
        }
        return null;
    }

    /** What equality compares: a number by its value, anything else as text. */
    private static String key(Object o) {
        Double d = number(o);
        return d != null ? "#" + d : String.valueOf(o);
    }

    /** The query cut at the pipes that are outside quotes and brackets. */
    private static List<String> splitPipes(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '|') {
                out.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        if (quote != 0) throw new Malformed("unterminated " + quote + " quote");
        out.add(cur.toString());
        return out;
    }

    /** Tokens of one command. */
    private static final class Lexer {
        private final String s;
        private int i;

        Lexer(String s) {
            this.s = s;
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }

        boolean peek(char c) {
            space();
            return i < s.length() && s.charAt(i) == c;
        }

        void expect(char c) {
            if (!peek(c)) throw new Malformed("expected '" + c + "' at column " + (i + 1) + " of \"" + s + "\"");
            i++;
        }

        boolean comma() {
            if (!peek(',')) return false;
            i++;
            return true;
        }

        boolean star() {
            if (!peek('*')) return false;
            i++;
            return true;
        }

        boolean peekWord(String w) {
            space();
            int j = i;
            while (j < s.length() && Character.isLetter(s.charAt(j))) j++;
            return s.substring(i, j).equalsIgnoreCase(w) && (j == s.length() || !isFieldChar(s.charAt(j)));
        }

        Lexer skip() {
            space();
            while (i < s.length() && Character.isLetter(s.charAt(i))) i++;
            return this;
        }

        String word() {
            space();
            int j = i;
            while (j < s.length() && Character.isLetter(s.charAt(j))) j++;
            if (j == i) throw new Malformed("expected a command at column " + (i + 1) + " of \"" + s + "\"");
            String w = s.substring(i, j);
            i = j;
            return w;
        }

        String field() {
            space();
            if (i < s.length() && s.charAt(i) == '`') {
                int close = s.indexOf('`', i + 1);
                String f = s.substring(i + 1, close);
                i = close + 1;
                return f;
            }
            int j = i;
            while (j < s.length() && isFieldChar(s.charAt(j))) j++;
            if (j == i) throw new Malformed("expected a field name at column " + (i + 1) + " of \"" + s + "\"");
            String f = s.substring(i, j);
            i = j;
            if (peek('(')) {
                throw new Malformed("xspy serve does not support the function " + f + "() here; it supports"
                        + " ispresent() in filters and count/min/max in stats");
            }
            return f;
        }

        private static boolean isFieldChar(char c) {
            return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '@' || c == '-';
        }

        String operator() {
            space();
            for (String op : List.of("!=", "<=", ">=", "=", "<", ">")) {
                if (s.startsWith(op, i)) {
                    i += op.length();
                    return op;
                }
            }
            if (s.startsWith("like", i) || s.startsWith("=~", i)) {
                throw new Malformed("xspy serve does not support like or =~ (regular expressions)");
            }
            throw new Malformed("expected = != < <= > >= or in at column " + (i + 1) + " of \"" + s + "\"");
        }

        Object literal() {
            space();
            if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
                char q = s.charAt(i);
                int close = s.indexOf(q, i + 1);
                String v = s.substring(i + 1, close);
                i = close + 1;
                return v;
            }
            return number();
        }

        double number() {
            space();
            int j = i;
            while (j < s.length() && (Character.isDigit(s.charAt(j)) || "-+.eE".indexOf(s.charAt(j)) >= 0)) j++;
            try {
                double d = Double.parseDouble(s.substring(i, j));
                i = j;
                return d;
            } catch (NumberFormatException e) {
                throw new Malformed("expected a number or a quoted string at column " + (i + 1) + " of \"" + s + "\"");
            }
        }

        void end() {
            space();
            if (i < s.length()) throw new Malformed("unexpected \"" + s.substring(i) + "\" in \"" + s + "\"");
        }
    }
}
