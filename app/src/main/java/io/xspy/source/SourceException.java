package io.xspy.source;

/** A failure of a source, with a one-line message for a person (no stack trace needed). */
public class SourceException extends RuntimeException {
    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
