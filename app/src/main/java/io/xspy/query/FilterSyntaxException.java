package io.xspy.query;

/** A filter expression that cannot be read or is not supported, with the 1-based column of the problem. */
public class FilterSyntaxException extends IllegalArgumentException {
    private final int column;

    public FilterSyntaxException(String message, int column) {
        super(message + " (column " + column + ")");
        this.column = column;
    }

    public int column() {
        return column;
    }
}
