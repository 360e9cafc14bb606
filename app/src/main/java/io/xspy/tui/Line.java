package io.xspy.tui;

import io.xspy.timeline.Style;

/**
 * One line of a text pane (details, logs, raw JSON, help) with its style and hang: the column
 * where its continuation rows start when it is wrapped (-1: two past its own indent).
 */
record Line(String text, Style style, int hang) {
    Line(String text, Style style) {
        this(text, style, -1);
    }

    static Line of(String text) { return new Line(text, Style.NORMAL); }

    /** The hang in columns: as given, or the line's leading spaces plus two. */
    int hangColumns() {
        if (hang >= 0) return hang;
        int spaces = 0;
        while (spaces < text.length() && text.charAt(spaces) == ' ') spaces++;
        return spaces + 2;
    }
}
