package io.xspy.tui;

/** What a key does. The key map binds keys to actions; the controller performs them. */
enum Action {
    UP, DOWN, PAGE_UP, PAGE_DOWN, TOP, BOTTOM,
    OPEN, FOLD, UNFOLD_ALL, FOLD_ALL,
    BACK, QUIT, HELP, REDRAW,
    FILTER, COMMAND, WINDOW, REFRESH, FOLLOW, SORT,
    NEXT_PANE, TOGGLE_LOGS, RAW,
    ZOOM_IN, ZOOM_OUT, PAN_LEFT, PAN_RIGHT, WIDER_NAMES, NARROWER_NAMES
}
