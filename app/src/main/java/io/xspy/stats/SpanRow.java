package io.xspy.stats;

/** One span of a path in one trace: the row of the post's table (trace id, cold or warm, duration). */
public record SpanRow(String traceId, double start, double duration, String key, boolean fault, boolean error) {}
