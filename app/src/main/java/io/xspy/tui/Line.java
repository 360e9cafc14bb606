package io.xspy.tui;

import io.xspy.timeline.Style;

/** One line of a text pane (details, logs, raw JSON, help) with its style and indent. */
record Line(String text, Style style) {
    static Line of(String text) { return new Line(text, Style.NORMAL); }
}
