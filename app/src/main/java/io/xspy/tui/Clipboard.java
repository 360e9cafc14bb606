package io.xspy.tui;

/** Where {@code y} puts a copy: the terminal's clipboard (OSC 52), or nowhere on a terminal that cannot take one. */
interface Clipboard {

    enum Result { COPIED, UNAVAILABLE, TOO_LONG }

    Result copy(String text);

    /** What the status line adds after a copy (how to let tmux pass it on), or "". */
    default String note() { return ""; }

    /** A terminal without a clipboard (TERM=dumb, XSPY_CLIPBOARD=off): the UI shows the text for the mouse instead. */
    Clipboard NONE = text -> Result.UNAVAILABLE;
}
