package io.xspy.trace;

/**
 * A problem found in input: where it was (file and line or index), which document, and what.
 * Diagnostics never stop reading; they are reported beside what could be read.
 */
public record Diagnostic(String source, String documentId, String message) {
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (source != null && !source.isEmpty()) s.append(source).append(": ");
        if (documentId != null && !documentId.isEmpty()) s.append("segment ").append(documentId).append(": ");
        return s.append(message).toString();
    }
}
