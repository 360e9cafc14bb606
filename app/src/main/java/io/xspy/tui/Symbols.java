package io.xspy.tui;

import io.xspy.timeline.Style;
import io.xspy.trace.Status;

/** The marks that carry status when there is no colour, in Unicode or ASCII. */
final class Symbols {
    private Symbols() {}

    static String status(Status s, boolean ascii) {
        return switch (s) {
            case FAULT -> "!";
            case ERROR -> "?";
            case THROTTLE -> "~";
            case OK -> ascii ? "+" : "\u2713";
        };
    }

    static Style style(Status s) {
        return switch (s) {
            case FAULT -> Style.FAULT;
            case ERROR -> Style.ERROR;
            case THROTTLE -> Style.THROTTLE;
            case OK -> Style.OK;
        };
    }

    static String word(Status s) {
        return switch (s) {
            case FAULT -> "fault";
            case ERROR -> "error";
            case THROTTLE -> "throttle";
            case OK -> "ok";
        };
    }

    static String cold(boolean ascii) { return ascii ? "*" : "\u2744"; }

    static String separator(boolean ascii) { return ascii ? ">" : "\u203A"; }

    static String ellipsis(boolean ascii) { return ascii ? "~" : "\u2026"; }

    static String vertical(boolean ascii) { return ascii ? "|" : "\u2502"; }

    static String horizontal(boolean ascii) { return ascii ? "-" : "\u2500"; }

    static String up(boolean ascii) { return ascii ? "^" : "\u25B2"; }

    static String down(boolean ascii) { return ascii ? "v" : "\u25BC"; }
}
