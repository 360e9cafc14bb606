package io.xspy.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * One character written alone takes a quicker way onto the canvas (a 10,000-row timeline is mostly
 * such writes): it must land as before, clear the half of a wide character it covers, and leave to the
 * general way every character that is unsafe, wide or combining.
 */
class CanvasPlainCharacterTest {
    private static final Cell WIDE = new Cell("\u4e00", Style.DIM);
    private static final Cell HALF = new Cell("", Style.DIM);
    private static final Cell BLANKED = new Cell(" ", Style.DIM);

    /** A canvas of four columns with a wide character in columns 1 and 2. */
    private static Canvas canvas() {
        Canvas c = new Canvas(4, 1);
        c.put(1, 0, "\u4e00", Style.DIM);
        return c;
    }

    private static void assertCells(Canvas c, Cell... expected) {
        for (int x = 0; x < expected.length; x++) assertEquals(expected[x], c.cell(x, 0), "column " + x);
    }

    @Test
    void aNarrowCharacterTakesItsCellAndBlanksTheOtherHalfOfAWideOne() {
        for (char ch : new char[] {' ', 'a', '~', '\u00a0', '\u00e9', '\u00ff', '\u2500', '\u2588', '\u25b8', '\u25fc'}) {
            Cell cell = new Cell(String.valueOf(ch), Style.FAULT);
            Canvas c = canvas();
            assertEquals(1, c.put(0, 0, String.valueOf(ch), Style.FAULT));
            assertCells(c, cell, WIDE, HALF, Cell.BLANK);
            c = canvas();
            assertEquals(2, c.put(1, 0, String.valueOf(ch), Style.FAULT));
            assertCells(c, Cell.BLANK, cell, BLANKED, Cell.BLANK);
            c = canvas();
            assertEquals(3, c.put(2, 0, String.valueOf(ch), Style.FAULT));
            assertCells(c, Cell.BLANK, BLANKED, cell, Cell.BLANK);
            c = canvas();
            assertEquals(4, c.put(4, 0, String.valueOf(ch), Style.FAULT)); // clipped
            assertCells(c, Cell.BLANK, WIDE, HALF, Cell.BLANK);
        }
    }

    @Test
    void unsafeWideAndCombiningCharactersStillGoTheGeneralWay() {
        Canvas c = new Canvas(4, 1);
        c.put(0, 0, "\u007f", Style.NORMAL);
        c.put(1, 0, "\u0085", Style.NORMAL);
        assertEquals(Text.PLACEHOLDER + Text.PLACEHOLDER, c.line(0));
        c = new Canvas(4, 1);
        assertEquals(2, c.put(0, 0, "\u25fd", Style.NORMAL)); // an emoji square: two columns
        assertEquals(new Cell("", Style.NORMAL), c.cell(1, 0));
        c = new Canvas(4, 1);
        c.put(0, 0, "e", Style.NORMAL);
        assertEquals(1, c.put(1, 0, "\u0301", Style.NORMAL)); // a combining accent joins the cell before
        assertEquals("e\u0301", c.cell(0, 0).text());
    }
}
