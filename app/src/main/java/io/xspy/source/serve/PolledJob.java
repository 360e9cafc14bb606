package io.xspy.source.serve;

/**
 * The status of an asynchronous job (a trace retrieval, a Logs Insights query): it answers the
 * running status for the first N reads, then its final status, unless cancelled or failed before.
 * Counting reads rather than time keeps clients' polling testable without clocks.
 */
final class PolledJob {

    enum State { RUNNING, COMPLETE, FAILED, CANCELLED }

    private int readsBeforeDone;
    private State finalState;
    private State cancelled;

    PolledJob(int readsBeforeDone, boolean fails) {
        this.readsBeforeDone = readsBeforeDone;
        this.finalState = fails ? State.FAILED : State.COMPLETE;
    }

    /** The status now; each read while running brings the end one read closer. */
    synchronized State read() {
        if (cancelled != null) return cancelled;
        if (readsBeforeDone > 0) {
            readsBeforeDone--;
            return State.RUNNING;
        }
        return finalState;
    }

    /** Cancels a job not yet done; returns whether it was running. */
    synchronized boolean cancel() {
        if (cancelled != null || readsBeforeDone == 0) return false;
        cancelled = State.CANCELLED;
        return true;
    }
}
