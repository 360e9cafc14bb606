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

    // written out: the record's generated equals and hashCode link through invokedynamic, whose method
    // handles are spun into classes on first use (~15 of them, before the UI's first frame; not in the CDS archive)
    @Override
    public boolean equals(Object o) {
        return o instanceof Cell c && text.equals(c.text) && style == c.style;
    }

    @Override
    public int hashCode() {
        return 31 * text.hashCode() + style.hashCode();
    }
}
