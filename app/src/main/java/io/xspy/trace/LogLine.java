package io.xspy.trace;

/**
 * One CloudWatch Logs event: when (seconds since the epoch), where (group and stream) and what.
 * {@code message} is raw data: it reaches the terminal only through the canvas.
 */
public record LogLine(double timestamp, String logGroup, String logStream, String message) {}
