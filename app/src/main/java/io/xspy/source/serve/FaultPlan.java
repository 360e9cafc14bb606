package io.xspy.source.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults that {@code xspy serve} injects, per API operation, to show how a client copes with a bad
 * link or a strict account. Operations are the API names (GetServiceGraph, GetTraceSummaries,
 * BatchGetTraces, PutTraceSegments, FilterLogEvents, GetLogEvents, the Transaction Search ones:
 * GetTraceSegmentDestination, UpdateTraceSegmentDestination, StartTraceRetrieval, ListRetrievedTraces,
 * GetRetrievedTracesGraph, CancelTraceRetrieval, StartQuery, GetQueryResults, StopQuery) or {@code *} for all.
 *
 * <p>Applied to each request in this order: the added latency; an AccessDenied answer; a hang (the
 * answer comes only after that many ms, longer than a client's timeout); the next of N throttles
 * (X-Ray: 429 ThrottledException, Logs: ThrottlingException); the next of N server errors (500).
 * Counted faults are used up, then requests succeed.
 *
 * <p>As text ({@code --faults} or the XSPY_FAULTS environment variable): entries separated by commas,
 * each {@code OPERATION:KIND[=N]} with KIND one of {@code latency=MS}, {@code throttle=N},
 * {@code error=N} (5xx), {@code hang=MS}, {@code deny}, and {@code fail} for StartTraceRetrieval and
 * StartQuery (the job is accepted, then its status ends FAILED); for example
 * {@code *:latency=50,BatchGetTraces:throttle=2,GetLogEvents:deny}.
 */
public final class FaultPlan {

    public static final String ENV = "XSPY_FAULTS";
    public static final Set<String> OPERATIONS = Set.of("GetServiceGraph", "GetTraceSummaries", "BatchGetTraces",
            "PutTraceSegments", "FilterLogEvents", "GetLogEvents", "GetTraceSegmentDestination",
            "UpdateTraceSegmentDestination", "StartTraceRetrieval", "ListRetrievedTraces", "GetRetrievedTracesGraph",
            "CancelTraceRetrieval", "StartQuery", "GetQueryResults", "StopQuery");
    /** The operations that start a job, which {@code fail} makes end FAILED. */
    private static final Set<String> JOB_STARTS = Set.of("StartTraceRetrieval", "StartQuery");
    private static final String ALL = "*";

    /** What to do with one request. */
    public enum Outcome { SERVE, DENY, THROTTLE, SERVER_ERROR }

    /** The decision for one request: wait this long, then answer so. */
    public record Action(long delayMs, Outcome outcome) {}

    private static final class Faults {
        volatile long latencyMs;
        volatile long hangMs;
        volatile boolean deny;
        volatile boolean failJobs;
        int throttles;
        int errors;
    }

    private final Map<String, Faults> byOperation = new ConcurrentHashMap<>();

    public static FaultPlan none() {
        return new FaultPlan();
    }

    public FaultPlan latency(String operation, long ms) {
        faults(operation).latencyMs = requireNonNegative(ms, "latency");
        return this;
    }

    public FaultPlan throttle(String operation, int times) {
        Faults f = faults(operation);
        synchronized (f) {
            f.throttles = (int) requireNonNegative(times, "throttle count");
        }
        return this;
    }

    public FaultPlan serverError(String operation, int times) {
        Faults f = faults(operation);
        synchronized (f) {
            f.errors = (int) requireNonNegative(times, "error count");
        }
        return this;
    }

    public FaultPlan hang(String operation, long ms) {
        faults(operation).hangMs = requireNonNegative(ms, "hang");
        return this;
    }

    public FaultPlan deny(String operation) {
        faults(operation).deny = true;
        return this;
    }

    /** The jobs this operation starts (StartTraceRetrieval, StartQuery) are accepted, then end FAILED. */
    public FaultPlan failJobs(String operation) {
        if (!JOB_STARTS.contains(operation)) {
            throw new IllegalArgumentException("fail applies to StartTraceRetrieval or StartQuery, not \"" + operation + "\"");
        }
        faults(operation).failJobs = true;
        return this;
    }

    /** Whether a job this request starts is to fail. */
    public boolean failsJob(String operation) {
        Faults f = byOperation.get(operation);
        return f != null && f.failJobs;
    }

    /** Removes every fault. */
    public FaultPlan clear() {
        byOperation.clear();
        return this;
    }

    /** Decides what happens to the next request of this operation, using up counted faults. */
    public Action next(String operation) {
        Faults own = byOperation.get(operation);
        Faults all = byOperation.get(ALL);
        long delay = latency(own) + latency(all);
        if (denies(own) || denies(all)) return new Action(delay, Outcome.DENY);
        long hang = Math.max(own == null ? 0 : own.hangMs, all == null ? 0 : all.hangMs);
        delay += hang;
        if (take(own, true) || take(all, true)) return new Action(delay, Outcome.THROTTLE);
        if (take(own, false) || take(all, false)) return new Action(delay, Outcome.SERVER_ERROR);
        return new Action(delay, Outcome.SERVE);
    }

    private static long latency(Faults f) {
        return f == null ? 0 : f.latencyMs;
    }

    private static boolean denies(Faults f) {
        return f != null && f.deny;
    }

    private static boolean take(Faults f, boolean throttle) {
        if (f == null) return false;
        synchronized (f) {
            if (throttle && f.throttles > 0) {
                f.throttles--;
                return true;
            }
            if (!throttle && f.errors > 0) {
                f.errors--;
                return true;
            }
            return false;
        }
    }

    private Faults faults(String operation) {
        if (!ALL.equals(operation) && !OPERATIONS.contains(operation)) {
            throw new IllegalArgumentException("unknown operation \"" + operation + "\" in fault plan; use * or one of "
                    + String.join(", ", OPERATIONS.stream().sorted().toList()));
        }
        return byOperation.computeIfAbsent(operation, k -> new Faults());
    }

    private static long requireNonNegative(long n, String what) {
        if (n < 0) throw new IllegalArgumentException(what + " must not be negative");
        return n;
    }

    /** Reads the text form (see the class comment); blank gives no faults. */
    public static FaultPlan parse(String spec) {
        FaultPlan plan = new FaultPlan();
        if (spec == null || spec.isBlank()) return plan;
        for (String entry : spec.split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) continue;
            int colon = e.indexOf(':');
            if (colon <= 0) throw new IllegalArgumentException("fault \"" + e + "\" is not OPERATION:KIND[=N]");
            String op = e.substring(0, colon).strip();
            String kind = e.substring(colon + 1).strip();
            String value = null;
            int eq = kind.indexOf('=');
            if (eq >= 0) {
                value = kind.substring(eq + 1).strip();
                kind = kind.substring(0, eq).strip();
            }
            switch (kind.toLowerCase(Locale.ROOT)) {
                case "latency" -> plan.latency(op, number(e, value));
                case "throttle" -> plan.throttle(op, (int) number(e, value));
                case "error" -> plan.serverError(op, (int) number(e, value));
                case "hang" -> plan.hang(op, number(e, value));
                case "deny" -> {
                    if (value != null) throw new IllegalArgumentException("fault \"" + e + "\": deny takes no value");
                    plan.deny(op);
                }
                case "fail" -> {
                    if (value != null) throw new IllegalArgumentException("fault \"" + e + "\": fail takes no value");
                    plan.failJobs(op);
                }
                default -> throw new IllegalArgumentException("fault \"" + e
                        + "\": kind must be latency=MS, throttle=N, error=N, hang=MS, deny or fail");
            }
        }
        return plan;
    }

    /** The plan in the environment variable {@value #ENV}, or none. */
    public static FaultPlan fromEnvironment() {
        return parse(System.getenv(ENV));
    }

    private static long number(String entry, String value) {
        if (value == null) throw new IllegalArgumentException("fault \"" + entry + "\" needs a number after =");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("fault \"" + entry + "\": \"" + value + "\" is not a whole number");
        }
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        byOperation.forEach((op, f) -> {
            if (f.latencyMs > 0) parts.add(op + ":latency=" + f.latencyMs);
            if (f.hangMs > 0) parts.add(op + ":hang=" + f.hangMs);
            if (f.deny) parts.add(op + ":deny");
            if (f.failJobs) parts.add(op + ":fail");
            synchronized (f) {
                if (f.throttles > 0) parts.add(op + ":throttle=" + f.throttles);
                if (f.errors > 0) parts.add(op + ":error=" + f.errors);
            }
        });
        return parts.isEmpty() ? "no faults" : String.join(",", parts);
    }
}
