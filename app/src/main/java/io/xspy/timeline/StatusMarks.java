package io.xspy.timeline;

import io.xspy.trace.Status;

/**
 * How a status looks everywhere (timeline, TUI, CLI): fault red {@code !}, error yellow {@code ?},
 * throttle magenta {@code ~}, ok green. The symbols carry the meaning when there is no colour.
 */
public final class StatusMarks {
    private StatusMarks() {}

    /** The mark of a problem, or null for ok (which needs none beside a bar). */
    public static String symbol(Status s) {
        return switch (s) {
            case FAULT -> "!";
            case ERROR -> "?";
            case THROTTLE -> "~";
            case OK -> null;
        };
    }

    public static Style style(Status s) {
        return switch (s) {
            case FAULT -> Style.FAULT;
            case ERROR -> Style.ERROR;
            case THROTTLE -> Style.THROTTLE;
            case OK -> Style.OK;
        };
    }

    public static String word(Status s) {
        return switch (s) {
            case FAULT -> "fault";
            case ERROR -> "error";
            case THROTTLE -> "throttle";
            case OK -> "ok";
        };
    }
}
