package io.xspy.table;

import io.xspy.timeline.Style;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One column of a table, defined once and drawn by the TUI and printed by the CLI alike: its
 * header, width, alignment, value and colour, so a number means the same everywhere.
 *
 * @param header  the column's name
 * @param width   columns of a fixed column; the least a flexible one gets
 * @param share   a flexible column's share of the room the fixed ones leave (0: fixed)
 * @param align   where the text sits
 * @param value   the cell's text for a row (the flag: ASCII only)
 * @param compact a shorter text for when the value does not fit (null: the value is cut)
 * @param style   the cell's colour for a row
 * @param drop    on a screen too narrow for every column, optional columns go first, highest first (0: always shown)
 */
public record Column<T>(String header, int width, int share, Align align, BiFunction<T, Boolean, String> value,
        Function<T, String> compact, Function<T, Style> style, int drop) {

    public Column(String header, int width, int share, Align align, BiFunction<T, Boolean, String> value,
            Function<T, String> compact, Function<T, Style> style) {
        this(header, width, share, align, value, compact, style, 0);
    }

    /** A fixed, right-aligned column (a number). */
    public static <T> Column<T> number(String header, int width, BiFunction<T, Boolean, String> value) {
        return new Column<>(header, width, 0, Align.RIGHT, value, null, r -> Style.NORMAL);
    }

    /** A flexible, left-aligned column (a name) that takes {@code share} of the free room, at least {@code width}. */
    public static <T> Column<T> text(String header, int width, int share, Function<T, String> value) {
        return new Column<>(header, width, share, Align.LEFT, (r, ascii) -> value.apply(r), null, r -> Style.NORMAL);
    }

    public Column<T> styled(Function<T, Style> by) {
        return new Column<>(header, width, share, align, value, compact, by, drop);
    }

    public Column<T> compactly(Function<T, String> shorter) {
        return new Column<>(header, width, share, align, value, shorter, style, drop);
    }

    /** Optional on a narrow screen: dropped before columns of a lower rank. */
    public Column<T> optional(int rank) {
        return new Column<>(header, width, share, align, value, compact, style, rank);
    }
}
