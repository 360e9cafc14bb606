package io.xspy.source.serve;

/**
 * Whether {@code serve} behaves as an account with CloudWatch Transaction Search: segments "go to"
 * CloudWatch Logs (GetTraceSegmentDestination says CloudWatchLogs), every span is queryable in the
 * log group {@value #SPANS_GROUP}, only {@link #indexedPercent()} of the traces are indexed as
 * X-Ray trace summaries (chosen by trace id, so the same traces every time), and BatchGetTraces finds
 * nothing, as its API reference says. Switched by {@code serve --transaction-search} or by the
 * UpdateTraceSegmentDestination call. Retrievals and queries answer RUNNING for the first
 * {@link #pollsBeforeComplete()} reads of their status, so a client's polling is exercised.
 */
public final class TransactionSearch {

    public static final String SPANS_GROUP = "aws/spans";
    public static final double DEFAULT_INDEXED_PERCENT = 1.0;

    private volatile boolean enabled;
    private volatile double indexedPercent = DEFAULT_INDEXED_PERCENT;
    private volatile int pollsBeforeComplete = 1;

    public boolean enabled() {
        return enabled;
    }

    public TransactionSearch enable(boolean on) {
        enabled = on;
        return this;
    }

    public double indexedPercent() {
        return indexedPercent;
    }

    public TransactionSearch indexedPercent(double percent) {
        if (!(percent >= 0 && percent <= 100)) throw new IllegalArgumentException("indexed percentage must be 0..100");
        indexedPercent = percent;
        return this;
    }

    public int pollsBeforeComplete() {
        return pollsBeforeComplete;
    }

    public TransactionSearch pollsBeforeComplete(int n) {
        if (n < 0) throw new IllegalArgumentException("polls must not be negative");
        pollsBeforeComplete = n;
        return this;
    }

    /** Whether X-Ray indexes this trace as a summary: always without Transaction Search, else a stable share. */
    public boolean indexed(String traceId) {
        if (!enabled) return true;
        int bucket = Math.floorMod(traceId.hashCode() * 0x9E3779B1, 10_000);
        return bucket < indexedPercent * 100;
    }
}
