package io.xspy.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Holds the loads asked for before the first frame until it is drawn, then passes everything on:
 * the first load (the demo's whole history, a large file's graph) would otherwise take the cores
 * the first frame needs, so the screen would stay blank for longer on a two-core machine.
 */
final class FirstFrameGate implements Executor {
    private final Executor next;
    private List<Runnable> held = new ArrayList<>();

    FirstFrameGate(Executor next) {
        this.next = next;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (held != null) {
                held.add(task);
                return;
            }
        }
        next.execute(task);
    }

    /** The first frame is on screen: runs what was held, in order, and lets later loads through. */
    void open() {
        List<Runnable> release;
        synchronized (this) {
            if (held == null) return;
            release = held;
            held = null;
        }
        for (Runnable task : release) next.execute(task); // no lambda spun up right after the first frame
    }
}
