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

    /**
     * The mark of a row in a list or table, where ok is marked too: a tick, or in ASCII "o" (not
     * "+", which is a folded node in the timeline).
     */
    public static String mark(Status s, boolean ascii) {
        return s == Status.OK ? (ascii ? "o" : "\u2713") : symbol(s);
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
