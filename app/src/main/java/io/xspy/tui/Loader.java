package io.xspy.tui;

import io.xspy.source.SourceException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs loads off the UI thread and hands their results back through a queue the UI thread
 * drains. One load at a time: starting one cancels the one before, and so does {@link #cancel}.
 * Cancelling interrupts the running task and drops its result, even if it comes later; the
 * executor must not make a new load wait for a cancelled one that ignores the interrupt (the UI
 * gives each load a thread of its own).
 */
final class Loader {

    /** What a running load reports: a line such as "loading 35/100 traces", and whether it was cancelled. */
    static final class Progress {
        private volatile String text;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private Future<?> task;
        private final boolean quiet;

        Progress(String text, boolean quiet) {
            this.text = text;
            this.quiet = quiet;
        }

        void report(String line) { text = line; }

        String text() { return text; }

        boolean cancelled() { return cancelled.get(); }
    }

    /** A load: computes a result, may report progress, may throw. */
    interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    private final Executor executor;
    private final Queue<Runnable> done = new ConcurrentLinkedQueue<>();
    private Progress current;

    Loader(Executor executor) {
        this.executor = executor;
    }

    /** Starts a load; {@code onResult} or {@code onError} (with a one-line message) runs later on the UI thread. */
    <T> void start(String label, Work<T> work, Consumer<T> onResult, Consumer<String> onError) {
        start(label, work, onResult, onError, false);
    }

    /**
     * As {@link #start(String, Work, Consumer, Consumer)}; a {@code quiet} load (a live refresh)
     * shows no progress line and gives way silently to Esc and to any other load.
     */
    <T> void start(String label, Work<T> work, Consumer<T> onResult, Consumer<String> onError, boolean quiet) {
        cancel();
        Progress progress = new Progress(label, quiet);
        current = progress;
        FutureTask<Void> task = new FutureTask<>(() -> {
            try {
                T value = work.run(progress);
                done.add(() -> finish(progress, () -> onResult.accept(value)));
            } catch (Throwable e) {
                String message = message(e);
                done.add(() -> finish(progress, () -> onError.accept(message)));
            }
        }, null);
        progress.task = task;
        executor.execute(task);
    }

    private void finish(Progress progress, Runnable then) {
        if (progress.cancelled()) return;
        if (current == progress) current = null;
        then.run();
    }

    /** Cancels the running load, if any; returns whether there was one the user would miss (not a quiet one). */
    boolean cancel() {
        Progress p = current;
        current = null;
        if (p == null) return false;
        p.cancelled.set(true);
        p.task.cancel(true); // interrupts a blocked call; its result, if any, is dropped by finish
        return !p.quiet;
    }

    /** Whether a load the user waits for runs (a quiet one does not count). */
    boolean busy() {
        Progress p = current;
        return p != null && !p.quiet;
    }

    /** Whether no load at all runs. */
    boolean idle() { return current == null; }

    /** The running load's progress line, or null (also for a quiet load). */
    String progress() {
        Progress p = current;
        return p == null || p.quiet ? null : p.text();
    }

    /** Runs the results that have arrived; returns whether there were any. */
    boolean drain() {
        boolean any = false;
        for (Runnable r; (r = done.poll()) != null; ) {
            r.run();
            any = true;
        }
        return any;
    }

    /** A one-line message for the status line: the source's own words, else the exception's. */
    static String message(Throwable e) {
        Throwable t = e;
        while (!(t instanceof SourceException) && t.getCause() != null && t.getMessage() == null) t = t.getCause();
        String m = t.getMessage();
        if (m == null || m.isBlank()) m = t.getClass().getSimpleName();
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }
}
