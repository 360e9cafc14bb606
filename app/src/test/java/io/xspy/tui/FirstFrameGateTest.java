package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loads asked for before the first frame wait for it, in order; later ones go straight through. */
class FirstFrameGateTest {
    @Test
    void loadsBeforeTheFirstFrameRunOnceItIsDrawnThenEveryLoadRunsAtOnce() {
        List<String> ran = new ArrayList<>();
        FirstFrameGate gate = new FirstFrameGate(Runnable::run);
        gate.execute(() -> ran.add("graph"));
        gate.execute(() -> ran.add("traces"));
        assertEquals(List.of(), ran);
        gate.open();
        assertEquals(List.of("graph", "traces"), ran);
        gate.execute(() -> ran.add("trace"));
        gate.open(); // a second frame changes nothing
        assertEquals(List.of("graph", "traces", "trace"), ran);
    }
}
