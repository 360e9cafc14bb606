package io.xspy.source.aws;

import software.amazon.awssdk.core.exception.AbortedException;

/**
 * Whether a failure is really an interrupt. An interrupt meets a poll either in its sleep
 * (InterruptedException) or inside an SDK call, which ends with an AbortedException (wrapped by
 * {@link AwsCalls} in a SourceException) and may leave the thread's flag set.
 */
final class Interruptions {

    private Interruptions() {}

    static boolean isInterrupt(Throwable e) {
        if (Thread.currentThread().isInterrupted()) return true;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof AbortedException) return true;
        }
        return false;
    }

    /** Runs a clean-up call (cancel, stop) with the interrupt flag cleared, then sets it again. */
    static void cleanUp(Runnable call) {
        boolean was = Thread.interrupted();
        try {
            call.run();
        } catch (RuntimeException ignored) {
            // best effort: AWS ends retrievals and queries on its own within 60 minutes
        } finally {
            if (was) Thread.currentThread().interrupt();
        }
    }
}
