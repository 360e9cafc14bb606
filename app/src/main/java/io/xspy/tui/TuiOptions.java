package io.xspy.tui;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * How the TUI starts: the span of the time window (ending now), the initial filter expression,
 * ASCII instead of Unicode bars and symbols, colour, and follow mode (refresh every
 * {@code followInterval}).
 */
public record TuiOptions(Duration window, String filter, boolean ascii, boolean color, boolean follow,
        Duration followInterval) {

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);
    public static final Duration DEFAULT_FOLLOW_INTERVAL = Duration.ofSeconds(5);

    public TuiOptions {
        window = window == null ? DEFAULT_WINDOW : window;
        filter = filter == null ? "" : filter.strip();
        followInterval = followInterval == null ? DEFAULT_FOLLOW_INTERVAL : followInterval;
        if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("the time window must be positive");
    }

    /** Defaults for this process: ASCII under a non-UTF-8 locale, no colour under NO_COLOR. */
    public static TuiOptions defaults() {
        Map<String, String> env = System.getenv();
        return new TuiOptions(DEFAULT_WINDOW, "", !utf8Locale(env), !noColor(env), false, DEFAULT_FOLLOW_INTERVAL);
    }

    public TuiOptions withWindow(Duration span) { return new TuiOptions(span, filter, ascii, color, follow, followInterval); }

    public TuiOptions withFilter(String expr) { return new TuiOptions(window, expr, ascii, color, follow, followInterval); }

    public TuiOptions withAscii(boolean on) { return new TuiOptions(window, filter, on, color, follow, followInterval); }

    public TuiOptions withColor(boolean on) { return new TuiOptions(window, filter, ascii, on, follow, followInterval); }

    public TuiOptions withFollow(boolean on) { return new TuiOptions(window, filter, ascii, color, on, followInterval); }

    /** NO_COLOR set to anything non-empty turns colour off (https://no-color.org). */
    public static boolean noColor(Map<String, String> env) {
        String v = env.get("NO_COLOR");
        return v != null && !v.isEmpty();
    }

    /** Whether the locale (LC_ALL, else LC_CTYPE, else LANG) names UTF-8; unset means the POSIX locale. */
    public static boolean utf8Locale(Map<String, String> env) {
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = env.get(name);
            if (v != null && !v.isEmpty()) {
                String lower = v.toLowerCase(Locale.ROOT);
                return lower.contains("utf-8") || lower.contains("utf8");
            }
        }
        return false;
    }
}
