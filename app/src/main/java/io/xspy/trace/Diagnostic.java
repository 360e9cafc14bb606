package io.xspy.trace;

/**
 * A problem found in input: where it was (file or stream, and line when known), which document, and
 * what, in the words of X-Ray's segment documents. Diagnostics never stop reading; they are reported
 * beside what could be read. A {@link Severity#FATAL} one means its document was not kept (not JSON,
 * no trace_id, no time at all, too large); a {@link Severity#WARNING} means it was kept as well as it
 * could be read.
 *
 * @param line 1-based line in the source, or 0 when the source has no lines (an API call, a datagram)
 */
public record Diagnostic(String source, int line, String documentId, String message, Severity severity) {

    public enum Severity { WARNING, FATAL }

    /** A warning with no line: the document was kept. */
    public Diagnostic(String source, String documentId, String message) {
        this(source, 0, documentId, message, Severity.WARNING);
    }

    public static Diagnostic fatal(String source, int line, String documentId, String message) {
        return new Diagnostic(source, line, documentId, message, Severity.FATAL);
    }

    public static Diagnostic warning(String source, int line, String documentId, String message) {
        return new Diagnostic(source, line, documentId, message, Severity.WARNING);
    }

    /** Whether the document this is about was rejected (not kept) because of it. */
    public boolean fatal() {
        return severity == Severity.FATAL;
    }

    /** "traces.json: line 12: segment 53995c3f42cd8ad8: missing required field trace_id; skipped" */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (source != null && !source.isEmpty()) s.append(source).append(": ");
        if (line > 0) s.append("line ").append(line).append(": ");
        if (documentId != null && !documentId.isEmpty()) s.append("segment ").append(documentId).append(": ");
        return s.append(message).toString();
    }
}
