package io.xspy.stats;

import java.util.Locale;

/**
 * How the spans of one path are split into groups: not at all, by cold or warm start of the Lambda
 * invocation they ran in, by an annotation's value, by the Lambda function version, or by runtime.
 * See {@link SpanContext} for where each key is read.
 */
public record Split(Kind kind, String annotation) {

    public enum Kind { NONE, COLD, ANNOTATION, VERSION, RUNTIME }

    public static final Split NONE = new Split(Kind.NONE, null);
    public static final Split COLD = new Split(Kind.COLD, null);
    public static final Split VERSION = new Split(Kind.VERSION, null);
    public static final Split RUNTIME = new Split(Kind.RUNTIME, null);

    /** The key of a span without the thing split by (no annotation, not in a Lambda function). */
    public static final String NO_VALUE = "(none)";
    public static final String COLD_KEY = "cold";
    public static final String WARM_KEY = "warm";

    public static Split annotation(String name) {
        return new Split(Kind.ANNOTATION, name);
    }

    /**
     * Reads {@code cold}, {@code annotation.NAME}, {@code version} or {@code runtime}; null or blank is no split.
     *
     * @throws IllegalArgumentException in words, naming what is accepted
     */
    public static Split parse(String text) {
        if (text == null || text.isBlank()) return NONE;
        String t = text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("cold")) return COLD;
        if (lower.equals("version")) return VERSION;
        if (lower.equals("runtime")) return RUNTIME;
        if (lower.startsWith("annotation.") && t.length() > "annotation.".length()) {
            return annotation(t.substring("annotation.".length()));
        }
        throw new IllegalArgumentException("\"" + t + "\" is not a split: use cold, annotation.NAME, version or runtime");
    }

    /** What the command line takes back: {@code cold}, {@code annotation.key}, … ; empty for none. */
    public String label() {
        return switch (kind) {
            case NONE -> "";
            case COLD -> "cold";
            case ANNOTATION -> "annotation." + annotation;
            case VERSION -> "version";
            case RUNTIME -> "runtime";
        };
    }
}
