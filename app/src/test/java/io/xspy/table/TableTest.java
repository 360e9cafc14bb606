package io.xspy.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.xspy.timeline.Canvas;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    record Row(String name, long n) {}

    static final Table<Row> TABLE = new Table<>(List.of(
            Column.text("name", 6, 1, Row::name),
            Column.<Row>number("n", 3, (r, ascii) -> Long.toString(r.n())),
            Column.<Row>number("more", 5, (r, ascii) -> "x").optional(1)));

    @Test
    void flexibleColumnsTakeTheRoomFixedOnesLeave() {
        assertArrayEquals(new int[] {20, 3, 5}, TABLE.widths(30, 1));
    }

    @Test
    void optionalColumnsGoBeforeAnythingIsCut() {
        assertArrayEquals(new int[] {10, 3, 0}, TABLE.widths(14, 1));
        Canvas c = new Canvas(14, 2);
        int[] w = TABLE.widths(14, 1);
        TABLE.header(c, 0, 0, w, 1);
        TABLE.row(c, 0, 1, new Row("checkout", 120), w, 1);
        assertEquals(List.of("name         n", "checkout   120"), c.lines());
    }

    @Test
    void printedColumnsFitTheirContent() {
        Canvas c = TABLE.print(List.of(new Row("a", 7), new Row("longer name", 1234)), false);
        assertEquals(List.of("name            n  more", "a               7     x", "longer name  1234     x"), c.lines());
    }
}
