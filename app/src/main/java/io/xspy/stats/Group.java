package io.xspy.stats;

/**
 * The spans of one path that share a key (cold, warm, an annotation's value; {@code all} for every
 * span of the path): their durations and how many ended in a fault or an error (a throttle is one).
 */
public record Group(String key, Distribution durations, int faults, int errors) {

    public static final String ALL = "all";

    public int count() {
        return durations.count();
    }

    /** Share of the spans that faulted, 0..1; NaN without spans. */
    public double faultRate() {
        return count() == 0 ? Double.NaN : (double) faults / count();
    }

    public double errorRate() {
        return count() == 0 ? Double.NaN : (double) errors / count();
    }
}
