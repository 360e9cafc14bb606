package io.xspy.trace;

import java.util.regex.Pattern;

/**
 * One CloudWatch Logs event: when (seconds since the epoch), where (group and stream) and what.
 * {@code message} is raw data: it reaches the terminal only through the canvas.
 */
public record LogLine(double timestamp, String logGroup, String logStream, String message) {

    private static final Pattern ERROR = Pattern.compile("ERROR|Exception|Traceback|Task timed out");

    /** The function a log group belongs to: {@code /aws/lambda/NAME} gives NAME. */
    public String function() {
        if (logGroup == null) return "";
        return logGroup.substring(logGroup.lastIndexOf('/') + 1);
    }

    /** Whether log text reads as a failure (an ERROR level, an exception, a traceback, a timeout). */
    public static boolean looksLikeError(String text) {
        return text != null && ERROR.matcher(text).find();
    }
}
