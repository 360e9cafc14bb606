package io.xspy.statsview;

/**
 * The characters of the statistics views: bars in eighths of a cell (▏▎▍▌▋▊▉█), sparkline levels
 * (▁▂▃▄▅▆▇█) and the fills that tell the parts of a stacked bar apart; in ASCII, as the timeline
 * draws its bars, {@code #} for a whole cell and {@code =} for part of one.
 */
public final class Glyphs {
    private static final String[] EIGHTHS = {"", "\u258F", "\u258E", "\u258D", "\u258C", "\u258B", "\u258A", "\u2589"};
    private static final String SPARKS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
    private static final String ASCII_SPARKS = "_.,-=+*#";
    private static final String[] FILLS = {"\u2588", "\u2593", "\u2592", "\u2591", "\u259A", "\u259E"};
    private static final String[] ASCII_FILLS = {"#", "=", "+", ":", "%", "o", "x", "~"};

    private Glyphs() {}

    /** A bar {@code cells} long (fractions in eighths); at least a sliver when the value is not zero. */
    public static String bar(double cells, boolean ascii) {
        if (!(cells > 0)) return "";
        int eighths = Math.max(1, (int) Math.round(cells * 8));
        int whole = eighths / 8;
        int rest = eighths % 8;
        if (ascii) return "#".repeat(whole) + (rest > 0 ? "=" : "");
        return "\u2588".repeat(whole) + EIGHTHS[rest];
    }

    /** A sparkline level for a value at {@code level} (0..1) of the range; a blank for NaN. */
    public static String spark(double level, boolean ascii) {
        if (Double.isNaN(level)) return " ";
        String levels = ascii ? ASCII_SPARKS : SPARKS;
        int i = (int) Math.round(Math.max(0, Math.min(1, level)) * (levels.length() - 1));
        return String.valueOf(levels.charAt(i));
    }

    /** The fill of the i-th part of a stacked bar. */
    public static String fill(int i, boolean ascii) {
        String[] fills = ascii ? ASCII_FILLS : FILLS;
        return fills[i % fills.length];
    }

    public static String cold(boolean ascii) {
        return ascii ? "*" : "\u2744";
    }

    public static String arrow(boolean ascii) {
        return ascii ? "->" : "\u2192";
    }

    public static String dot(boolean ascii) {
        return ascii ? "|" : "\u00B7";
    }
}
