package io.xspy.tui;

import io.xspy.trace.Cause;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The trace screen's / search: the nodes of a trace whose name, an annotation (key or value) or
 * error text (an exception's message or type) contains the query, ignoring case, in timeline order
 * (folded nodes too).
 */
final class SpanSearch {
    private SpanSearch() {}

    static List<Segment> matches(Trace trace, String query) {
        List<Segment> out = new ArrayList<>();
        if (trace == null || query.isBlank()) return out;
        String q = query.strip().toLowerCase(Locale.ROOT);
        for (Segment root : trace.roots()) root.walk(s -> {
            if (matches(s, q)) out.add(s);
        });
        return out;
    }

    private static boolean matches(Segment s, String q) {
        if (contains(s.name(), q)) return true;
        for (Map.Entry<String, Object> a : s.annotations().entrySet()) {
            if (contains(a.getKey(), q) || contains(String.valueOf(a.getValue()), q)) return true;
        }
        Cause cause = s.cause();
        if (cause != null) {
            for (Cause.ExceptionInfo e : cause.exceptions()) if (contains(e.message(), q) || contains(e.type(), q)) return true;
        }
        return false;
    }

    private static boolean contains(String text, String q) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(q);
    }
}
