package io.xspy.timeline;

/**
 * Display width and sanitizing of text from data. Control characters (C0, DEL, C1), bidi
 * overrides and isolates, line separators and unpaired surrogates are never printable: they become
 * a visible placeholder, so data cannot move the cursor, recolour or reorder the terminal.
 */
public final class Text {

    public static final String PLACEHOLDER = "\uFFFD";
    public static final String ASCII_PLACEHOLDER = "?";

    private Text() {}

    /** Whether a code point must not reach a terminal as itself. */
    public static boolean isUnsafe(int cp) {
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) return true;
        if (cp < 0x7F) return false; // printable ASCII: most of what is drawn, without a Unicode table lookup
        if (cp >= 0x202A && cp <= 0x202E) return true; // bidi embeddings and overrides
        if (cp >= 0x2066 && cp <= 0x2069) return true; // bidi isolates
        if (cp == 0x200E || cp == 0x200F || cp == 0x061C) return true; // bidi marks
        if (cp == 0x2028 || cp == 0x2029) return true; // line and paragraph separators
        if (cp >= 0xD800 && cp <= 0xDFFF) return true; // lone surrogates
        // other invisible format characters (tags, interlinear annotations) can hide text;
        // zero-width joiners stay, emoji sequences need them
        return Character.getType(cp) == Character.FORMAT && cp != 0x200C && cp != 0x200D && cp != 0x00AD;
    }

    /** Columns a code point takes: 0 for combining marks, 2 for East Asian wide and emoji, else 1. */
    public static int width(int cp) {
        if (cp >= 0x20 && cp < 0x7F) return 1; // printable ASCII, without a Unicode table lookup
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) return 0;
        if (cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF) return 0;
        if (isWide(cp)) return 2;
        return 1;
    }

    /** Columns a string takes once sanitized. */
    public static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            w += isUnsafe(cp) ? 1 : width(cp);
        }
        return w;
    }

    /** The text with every unsafe code point replaced by the placeholder (tabs become a space). */
    public static String sanitize(String s, boolean ascii) {
        if (s == null) return "";
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            if (isUnsafe(cp)) {
                if (out == null) out = new StringBuilder(s.length()).append(s, 0, i);
                out.append(cp == '\t' ? " " : ascii ? ASCII_PLACEHOLDER : PLACEHOLDER);
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            i += n;
        }
        return out == null ? s : out.toString();
    }

    /**
     * Cuts sanitized text to at most {@code cols} columns, ending in an ellipsis when cut
     * ("…" or, in ASCII, "." as in an abbreviation: "~" marks a throttle).
     */
    public static String truncate(String s, int cols, boolean ascii) {
        if (cols <= 0) return "";
        if (width(s) <= cols) return s;
        String ellipsis = ascii ? "." : "\u2026";
        StringBuilder out = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int cw = isUnsafe(cp) ? 1 : width(cp);
            if (w + cw > cols - 1) break;
            out.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        return out.append(ellipsis).toString();
    }

    /** Pads (or cuts) to exactly {@code cols} columns, text on the left. */
    public static String padRight(String s, int cols, boolean ascii) {
        String t = truncate(s, cols, ascii);
        return t + " ".repeat(Math.max(0, cols - width(t)));
    }

    /** Pads (or cuts) to exactly {@code cols} columns, text on the right. */
    public static String padLeft(String s, int cols, boolean ascii) {
        String t = truncate(s, cols, ascii);
        return " ".repeat(Math.max(0, cols - width(t))) + t;
    }

    /**
     * East Asian Wide and Fullwidth, and emoji that terminals draw two columns wide (those with
     * Emoji_Presentation, such as U+231B, not only the supplementary planes).
     */
    private static boolean isWide(int cp) {
        if (cp >= 0x231A && cp <= 0x2B55 && isBmpEmojiPresentation(cp)) return true;
        return (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0x303E)
                || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F000 && cp <= 0x1F02F)
                || (cp >= 0x1F0A0 && cp <= 0x1F0FF)
                || (cp >= 0x1F18E && cp <= 0x1F1FF)
                || (cp >= 0x1F200 && cp <= 0x1F2FF)
                || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F680 && cp <= 0x1F6FF)
                || (cp >= 0x1F7E0 && cp <= 0x1F7FF)
                || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x1FA70 && cp <= 0x1FAFF)
                || (cp >= 0x20000 && cp <= 0x2FFFD)
                || (cp >= 0x30000 && cp <= 0x3FFFD);
    }

    private static boolean isBmpEmojiPresentation(int cp) {
        switch (cp) {
            case 0x231A, 0x231B, 0x23E9, 0x23EA, 0x23EB, 0x23EC, 0x23F0, 0x23F3, 0x25FD, 0x25FE, 0x2614, 0x2615,
                    0x267F, 0x2693, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26D4, 0x26EA,
                    0x26F2, 0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A, 0x270B, 0x2728, 0x274C, 0x274E, 0x2753,
                    0x2754, 0x2755, 0x2757, 0x2795, 0x2796, 0x2797, 0x27B0, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B55:
                return true;
            default:
                return cp >= 0x2648 && cp <= 0x2653;
        }
    }
}
