package io.xspy.cli;

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
}
