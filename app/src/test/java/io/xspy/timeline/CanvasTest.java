package io.xspy.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CanvasTest {

    @Test
    void cutTextEndsInAnEllipsisThatMeansNothingElse() {
        assertEquals("xraystar\u2026", Text.truncate("xraystarter-go", 9, false));
        // in ASCII "~" is the throttle mark, so a cut ends in "." as an abbreviation does
        assertEquals("xraystar.", Text.truncate("xraystarter-go", 9, true));
    }

    @Test
    void wideCharactersTakeTwoCells() {
        Canvas c = new Canvas(6, 1);
        assertEquals(5, c.put(0, 0, "注文x", Style.NORMAL));
        assertEquals("注", c.cell(0, 0).text());
        assertTrue(c.cell(1, 0).isContinuation());
        assertEquals("注文x", c.line(0));
    }

    @Test
    void drawCutsWideCharactersAtTheEdge() {
        Canvas name = new Canvas(4, 1);
        name.put(0, 0, "a注b", Style.NORMAL);
        Canvas target = new Canvas(2, 1);
        target.draw(name, 0, 0);
        assertEquals("a", target.line(0), "half of 注 is not drawn");
        Canvas shifted = new Canvas(4, 1);
        shifted.draw(name, -2, 0);
        assertEquals(" b", shifted.line(0), "the continuation alone is not drawn");
    }

    @Test
    void drawOverAWideCharacterBlanksItsOtherHalf() {
        Canvas target = new Canvas(6, 1);
        target.put(0, 0, "注文注", Style.NORMAL);
        Canvas patch = new Canvas(2, 1);
        patch.put(0, 0, "xy", Style.OK);
        target.draw(patch, 1, 0);
        assertEquals(" xy 注", target.line(0));
        assertEquals(Style.OK, target.cell(1, 0).style());
    }

    @Test
    void controlCharactersBecomePlaceholders() {
        Canvas c = new Canvas(10, 1);
        c.put(0, 0, "a\u001Bb\u0085c\u202Ed", Style.NORMAL);
        assertEquals("a\uFFFDb\uFFFDc\uFFFDd", c.line(0));
        Canvas a = new Canvas(10, 1, true);
        a.put(0, 0, "a\u001Bb", Style.NORMAL);
        assertEquals("a?b", a.line(0));
    }

    @Test
    void textClippedAtAColumnIsWhatACanvasEndingThereDrawsOntoABlankRow() {
        // the timeline's name column is written so, instead of on a canvas of its own
        for (String text : new String[] {"abcdef", "a注b", "注文注文", "e\u0301x\u0301yz", "a\u001Bbcdef", "\uD83D\uDE00\uD83D\uDE00ab"}) {
            for (int right = 1; right <= 6; right++) {
                for (int x = 0; x <= right; x++) {
                    Canvas own = new Canvas(right, 1, false);
                    int ownEnd = own.put(x, 0, text, Style.ACCENT);
                    Canvas drawn = new Canvas(9, 1, false);
                    drawn.draw(own, 0, 0);
                    Canvas clipped = new Canvas(9, 1, false);
                    int clippedEnd = clipped.put(x, 0, text, Style.ACCENT, right);
                    String at = text + " from " + x + " clipped at " + right;
                    assertEquals(ownEnd, clippedEnd, at);
                    for (int col = 0; col < 9; col++) assertEquals(drawn.cell(col, 0), clipped.cell(col, 0), at + ", column " + col);
                }
            }
        }
    }
}
