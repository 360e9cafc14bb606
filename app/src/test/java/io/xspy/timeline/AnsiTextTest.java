package io.xspy.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.trace.TestTraces;
import io.xspy.trace.Trace;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnsiTextTest {

    @Test
    void plainTextTrimsTrailingBlanks() {
        Canvas c = new Canvas(10, 2);
        c.put(0, 0, "ab", Style.FAULT);
        c.put(2, 1, "x", Style.OK);
        assertEquals("ab\n  x\n", AnsiText.of(c, false));
    }

    @Test
    void coloursEachRunOnceAndResets() {
        Canvas c = new Canvas(12, 1);
        c.put(0, 0, "!!", Style.FAULT);
        c.put(2, 0, "??", Style.ERROR);
        c.put(5, 0, "ok", Style.NORMAL);
        c.put(8, 0, "~", Style.THROTTLE);
        assertEquals("\u001B[31m!!\u001B[0m\u001B[33m??\u001B[0m ok \u001B[35m~\u001B[0m\n", AnsiText.of(c, true));
    }

    @Test
    void everyStyleHasItsColour() {
        assertEquals("31", AnsiText.sgr(Style.FAULT));
        assertEquals("33", AnsiText.sgr(Style.ERROR));
        assertEquals("35", AnsiText.sgr(Style.THROTTLE));
        assertEquals("32", AnsiText.sgr(Style.OK));
        assertEquals("36", AnsiText.sgr(Style.COLD));
        assertEquals("90", AnsiText.sgr(Style.DIM));
        assertEquals("1", AnsiText.sgr(Style.HEADER));
        assertEquals("7", AnsiText.sgr(Style.SELECTED));
        assertEquals(null, AnsiText.sgr(Style.NORMAL));
    }

    @Test
    void selectedLineKeepsItsReverseVideoToTheEdge() {
        Canvas c = new Canvas(6, 1);
        c.put(0, 0, "ab", Style.NORMAL);
        c.restyle(0, 0, 6, Style.SELECTED);
        assertEquals("\u001B[7mab    \u001B[0m\n", AnsiText.of(c, true));
        assertEquals("ab\n", AnsiText.of(c, false));
    }

    @Test
    void hostileNamesCannotInjectEscapes() {
        Canvas c = new Canvas(20, 1);
        c.put(0, 0, "a\u001B[2Jb\u009B31m\u202Ec", Style.NORMAL);
        String plain = AnsiText.of(c, false);
        assertFalse(plain.contains("\u001B"));
        assertFalse(plain.contains("\u009B"));
        assertFalse(plain.contains("\u202E"));
        String colored = AnsiText.of(c, true);
        assertFalse(colored.contains("\u001B"), "a NORMAL line needs no escape at all");
    }

    @Test
    void colouredTimelineMarksFaultsRed() {
        Trace trace = TestTraces.fixture("python-fault.json");
        String text = AnsiText.of(TimelineRenderer.render(trace, TimelineLayout.rows(trace, Set.of()),
                TimelineOptions.full(80, false)), true);
        assertTrue(text.contains("\u001B[31m!"), text);
        assertTrue(text.contains("\u001B[36m\u2744"), "cold start mark in cyan: " + text);
        assertTrue(text.contains("\u001B[1m1-638475c3"), "header in bold: " + text);
        assertTrue(text.contains("\u001B[90m0"), "axis in grey: " + text);
    }
}
