package io.xspy.cli;

import io.xspy.query.FilterSyntaxException;
import io.xspy.timeline.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/** Turns an exception into the one line a person reads, without a stack trace. */
final class Errors {
    private Errors() {}

    static String oneLine(Throwable e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String message = t.getMessage();
        if (t instanceof NoSuchFileException) message = "no such file: " + message;
        else if (t instanceof IOException && message == null) message = t.getClass().getSimpleName();
        if (message == null || message.isBlank()) message = t.getClass().getSimpleName();
        int nl = message.indexOf('\n');
        if (nl >= 0) message = message.substring(0, nl);
        return Text.sanitize(message, false);
    }

    /** A message of several lines (a filter error's caret), each line sanitized on its own. */
    static String lines(String message) {
        if (message == null) return "";
        StringBuilder out = new StringBuilder();
        for (String line : message.split("\n", -1)) {
            if (out.length() > 0) out.append('\n');
            out.append(Text.sanitize(line, false));
        }
        return out.toString();
    }

    /**
     * A filter error as three lines: the message, the expression and a caret under the column of the
     * problem. Both are sanitized (a bidi override or an escape sequence in the expression would reorder
     * or recolour the terminal); the caret counts display columns of the sanitized text.
     */
    static String filterError(String option, String expression, FilterSyntaxException e) {
        String shown = Text.sanitize(expression, false);
        int at = Math.max(0, Math.min(expression.length(), e.column() - 1));
        int caret = Text.width(Text.sanitize(expression.substring(0, at), false));
        return option + ": " + Text.sanitize(e.getMessage(), false) + "\n  " + shown + "\n  " + " ".repeat(caret) + "^";
    }
}
