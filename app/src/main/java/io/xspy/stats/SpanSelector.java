package io.xspy.stats;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which span paths a statistic covers, from what a user typed: a whole path (parts joined by
 * {@code ›} or {@code >}) selects that path alone; anything else selects every path that contains it,
 * ignoring case, so {@code DynamoDB} finds each runtime's DynamoDB call ({@code dynamodb} in Python).
 */
public record SpanSelector(String query) implements Predicate<SpanPath> {

    public static final SpanSelector ALL = new SpanSelector("");

    public SpanSelector {
        query = query == null ? "" : normalize(query);
    }

    public static SpanSelector of(String query) {
        return query == null || query.isBlank() ? ALL : new SpanSelector(query);
    }

    public boolean selectsAll() {
        return query.isEmpty();
    }

    @Override
    public boolean test(SpanPath path) {
        if (query.isEmpty()) return true;
        String display = path.display(true);
        return display.equals(query) || display.toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT));
    }

    /** Whether the query names this path exactly (then no other path is wanted). */
    public boolean isExactly(SpanPath path) {
        return path.display(true).equals(query);
    }

    /** "a › b", "a>b" and "a > b" all read as the ASCII form "a > b". */
    private static String normalize(String q) {
        String s = q.strip().replace("\u203A", ">");
        return s.replaceAll("\\s*>\\s*", SpanPath.ASCII_SEPARATOR);
    }
}
