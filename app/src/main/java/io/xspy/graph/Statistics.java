package io.xspy.graph;

import io.xspy.trace.Status;


/**
 * X-Ray's summary statistics of a node or edge: counts by outcome and the total response time in
 * seconds. A throttle is an error (ErrorStatistics.ThrottleCount); other 4xx are OtherCount.
 */
public record Statistics(
        long okCount,
        long errorThrottleCount,
        long errorOtherCount,
        long faultOtherCount,
        long totalCount,
        double totalResponseTime) {

    public static final Statistics EMPTY = new Statistics(0, 0, 0, 0, 0, 0);

    /** One completed request with this outcome and response time (seconds). */
    public static Statistics of(Status status, double responseTime) {
        return new Statistics(status == Status.OK ? 1 : 0, status == Status.THROTTLE ? 1 : 0,
                status == Status.ERROR ? 1 : 0, status == Status.FAULT ? 1 : 0, 1, responseTime);
    }

    public long errorTotal() {
        return errorThrottleCount + errorOtherCount;
    }

    public long faultTotal() {
        return faultOtherCount;
    }

    /** Mean response time in seconds, 0 without requests. */
    public double average() {
        return totalCount == 0 ? 0 : totalResponseTime / totalCount;
    }

    /** The health these counts show: any fault, else any throttle, else any other error, else ok. */
    public Status status() {
        if (faultTotal() > 0) return Status.FAULT;
        if (errorThrottleCount > 0) return Status.THROTTLE;
        if (errorOtherCount > 0) return Status.ERROR;
        return Status.OK;
    }

    public Statistics plus(Statistics o) {
        return new Statistics(okCount + o.okCount, errorThrottleCount + o.errorThrottleCount,
                errorOtherCount + o.errorOtherCount, faultOtherCount + o.faultOtherCount, totalCount + o.totalCount,
                totalResponseTime + o.totalResponseTime);
    }
}
