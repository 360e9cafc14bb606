package io.xspy.timeline;

/**
 * One column of a canvas row. {@code text} is one printable character (with any combining marks),
 * or empty for the second column of a wide character.
 */
public record Cell(String text, Style style) {
    public static final Cell BLANK = new Cell(" ", Style.NORMAL);

    public boolean isContinuation() {
        return text.isEmpty();
    }
}
