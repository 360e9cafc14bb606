package io.xspy.source.aws;

/**
 * Trace ids in the two forms AWS uses: X-Ray's {@code 1-5f84c7a4-0123456789abcdef01234567} (how xspy
 * shows and asks for them) and W3C's 32 hex digits (how aws/spans stores them).
 */
final class TraceIds {

    private TraceIds() {}

    /** A W3C id in X-Ray form; any other id as it is. */
    static String xray(String id) {
        if (id != null && id.length() == 32 && id.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return "1-" + id.substring(0, 8) + "-" + id.substring(8);
        }
        return id;
    }

    /** An X-Ray id in W3C form; any other id as it is. */
    static String w3c(String id) {
        if (id.length() == 35 && id.startsWith("1-") && id.charAt(10) == '-') return id.substring(2, 10) + id.substring(11);
        return id;
    }

    /** The epoch second an X-Ray id carries (its first field), or -1. */
    static long epochSecond(String id) {
        String hex = id.length() == 35 && id.startsWith("1-") ? id.substring(2, 10)
                : id.length() == 32 ? id.substring(0, 8) : null;
        if (hex == null) return -1;
        try {
            return Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
