package io.xspy.tui;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of a Lambda REPORT log line: {@code REPORT RequestId: … Duration: 83.23 ms Billed
 * Duration: 84 ms Memory Size: 1024 MB Max Memory Used: 47 MB Init Duration: 172.27 ms}. Times in
 * milliseconds; fields the line lacks are null (Init Duration only appears on a cold start).
 */
record LambdaReport(String requestId, double durationMs, Double billedMs, Integer memorySizeMb, Integer maxMemoryMb,
        Double initMs) {

    private static final Pattern HEAD =
            Pattern.compile("^REPORT\\s+RequestId:\\s*(\\S+)\\s+Duration:\\s*([0-9.]+)\\s*ms");
    private static final Pattern BILLED = Pattern.compile("Billed Duration:\\s*([0-9.]+)\\s*ms");
    private static final Pattern SIZE = Pattern.compile("Memory Size:\\s*(\\d+)\\s*MB");
    private static final Pattern USED = Pattern.compile("Max Memory Used:\\s*(\\d+)\\s*MB");
    private static final Pattern INIT = Pattern.compile("Init Duration:\\s*([0-9.]+)\\s*ms");

    /** The report in a log message, or null when the message is not a REPORT line. */
    static LambdaReport parse(String message) {
        if (message == null) return null;
        Matcher head = HEAD.matcher(message.strip());
        if (!head.find()) return null;
        try {
            return new LambdaReport(head.group(1), Double.parseDouble(head.group(2)), number(BILLED, message),
                    integer(SIZE, message), integer(USED, message), number(INIT, message));
        } catch (NumberFormatException e) {
            return null; // "1.2.3 ms" is not a report we can read; the line is shown as it is
        }
    }

    /** One line for the log pane: duration 83.23 ms · billed 84 ms · memory 47/1024 MB · init 172.27 ms. */
    String summary(boolean ascii) {
        String dot = ascii ? " - " : " \u00B7 ";
        StringBuilder s = new StringBuilder("REPORT duration ").append(ms(durationMs));
        if (billedMs != null) s.append(dot).append("billed ").append(ms(billedMs));
        if (maxMemoryMb != null || memorySizeMb != null) {
            s.append(dot).append("memory ").append(maxMemoryMb == null ? "?" : maxMemoryMb)
                    .append('/').append(memorySizeMb == null ? "?" : memorySizeMb).append(" MB");
        }
        if (initMs != null) s.append(dot).append("init ").append(ms(initMs)).append(' ').append(Symbols.cold(ascii));
        return s.toString();
    }

    private static String ms(double v) {
        return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v)) + " ms";
    }

    private static Double number(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : null;
    }

    private static Integer integer(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : null;
    }
}
