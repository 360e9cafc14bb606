package io.xspy.trace;

import java.util.List;

/**
 * Why a node failed. X-Ray sends either the id of an exception recorded elsewhere in the trace
 * ({@link #exceptionId}) or the full object with the working directory, paths and exceptions.
 */
public record Cause(String exceptionId, String workingDirectory, List<String> paths, List<ExceptionInfo> exceptions) {

    public static Cause reference(String id) {
        return new Cause(id, null, List.of(), List.of());
    }

    public record ExceptionInfo(
            String id,
            String message,
            String type,
            boolean remote,
            int truncated,
            int skipped,
            String cause,
            List<StackFrame> stack) {}

    public record StackFrame(String path, Integer line, String label) {}
}
