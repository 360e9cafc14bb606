package io.xspy.timeline;

/** What a cell means; the TUI and the ANSI printer map styles to colours (or to nothing under NO_COLOR). */
public enum Style {
    NORMAL, DIM, HEADER, ACCENT, OK, ERROR, THROTTLE, FAULT, COLD, SELECTED
}
