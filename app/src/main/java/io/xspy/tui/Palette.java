package io.xspy.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import io.xspy.timeline.Style;

/** Colours of each style; without colour only bold, dim-free text and reverse video remain. */
final class Palette {
    record Look(TextColor fg, TextColor bg, SGR[] sgr) {}

    private static final SGR[] NONE = {};
    private final Look[] looks = new Look[Style.values().length];

    Palette(boolean color) {
        TextColor d = TextColor.ANSI.DEFAULT;
        for (Style s : Style.values()) {
            looks[s.ordinal()] = color ? colored(s) : switch (s) {
                case SELECTED -> new Look(d, d, new SGR[] {SGR.REVERSE});
                case HEADER -> new Look(d, d, new SGR[] {SGR.BOLD});
                default -> new Look(d, d, NONE);
            };
        }
    }

    private static Look colored(Style s) {
        TextColor d = TextColor.ANSI.DEFAULT;
        return switch (s) {
            case NORMAL -> new Look(d, d, NONE);
            case DIM -> new Look(TextColor.ANSI.BLACK_BRIGHT, d, NONE);
            case HEADER -> new Look(TextColor.ANSI.CYAN_BRIGHT, d, new SGR[] {SGR.BOLD});
            case ACCENT -> new Look(TextColor.ANSI.CYAN, d, NONE);
            case OK -> new Look(TextColor.ANSI.GREEN, d, NONE);
            case ERROR -> new Look(TextColor.ANSI.YELLOW, d, NONE);
            case THROTTLE -> new Look(TextColor.ANSI.MAGENTA, d, NONE);
            case FAULT -> new Look(TextColor.ANSI.RED, d, NONE);
            case COLD -> new Look(TextColor.ANSI.BLUE_BRIGHT, d, NONE);
            case SELECTED -> new Look(d, d, new SGR[] {SGR.REVERSE});
        };
    }

    Look look(Style s) {
        return looks[s.ordinal()];
    }
}
