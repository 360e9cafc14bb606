package io.xspy.tui;

import io.xspy.query.FilterSyntaxException;

/** Validates a filter expression before it is sent to a source. */
final class FilterChecks {
    private FilterChecks() {}

    /** Throws with the 1-based column of the first problem: an unbalanced parenthesis or an open string. */
    static void check(String expression) throws FilterSyntaxException {
        int depth = 0;
        int lastOpen = 0;
        boolean inString = false;
        int stringStart = 0;
        for (int i = 0; i < expression.length(); i++) {
            char ch = expression.charAt(i);
            if (inString) {
                if (ch == '\\') i++;
                else if (ch == '"') inString = false;
                continue;
            }
            if (ch == '"') {
                inString = true;
                stringStart = i + 1;
            } else if (ch == '(') {
                depth++;
                lastOpen = i + 1;
            } else if (ch == ')') {
                if (--depth < 0) throw new FilterSyntaxException("unexpected ')'", i + 1);
            }
        }
        if (inString) throw new FilterSyntaxException("string not closed", stringStart);
        if (depth > 0) throw new FilterSyntaxException("'(' not closed", lastOpen);
    }
}
