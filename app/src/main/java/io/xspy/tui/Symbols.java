package io.xspy.tui;

import io.xspy.timeline.StatusMarks;
import io.xspy.timeline.Style;
import io.xspy.trace.Status;

/** The marks that carry status when there is no colour, in Unicode or ASCII. */
final class Symbols {
    private Symbols() {}

    /** The status mark of a list row: ok gets a tick too. */
    static String status(Status s, boolean ascii) {
        return StatusMarks.mark(s, ascii);
    }

    static Style style(Status s) {
        return StatusMarks.style(s);
    }

    static String word(Status s) {
        return StatusMarks.word(s);
    }

    static String cold(boolean ascii) { return ascii ? "*" : "\u2744"; }

    static String separator(boolean ascii) { return ascii ? ">" : "\u203A"; }

    static String ellipsis(boolean ascii) { return ascii ? "." : "\u2026"; } // "~" marks a throttle

    /** Between the parts of a title: "·" ("|" in ASCII, where "-" would run into a trace id). */
    static String dot(boolean ascii) { return ascii ? "|" : "\u00B7"; }

    static String vertical(boolean ascii) { return ascii ? "|" : "\u2502"; }

    static String horizontal(boolean ascii) { return ascii ? "-" : "\u2500"; }

    static String up(boolean ascii) { return ascii ? "^" : "\u25B2"; }

    static String down(boolean ascii) { return ascii ? "v" : "\u25BC"; }
}
