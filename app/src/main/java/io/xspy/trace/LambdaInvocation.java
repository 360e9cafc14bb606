package io.xspy.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * One Lambda invocation in a trace, read from the two segments Lambda writes: the AWS::Lambda
 * service segment (Dwell Time, Attempt #N) and the AWS::Lambda::Function segment (Initialization on
 * a cold start, Invocation, Overhead). Either may be missing. Durations are in seconds, 0 if absent.
 */
public record LambdaInvocation(
        String functionName,
        String requestId,
        String logGroup,
        Segment serviceSegment,
        Segment functionSegment,
        boolean coldStart,
        double initDuration,
        double dwellTime,
        int attempts,
        double invocationDuration,
        double overhead) {

    public static final String SERVICE_ORIGIN = "AWS::Lambda";
    public static final String FUNCTION_ORIGIN = "AWS::Lambda::Function";

    /** Time window in which this invocation's log lines were written. */
    public double startTime() {
        return serviceSegment != null ? serviceSegment.startTime() : functionSegment.startTime();
    }

    public double endTime() {
        double end = serviceSegment != null ? serviceSegment.endOrStart() : 0;
        return functionSegment != null ? Math.max(end, functionSegment.endOrStart()) : end;
    }

    public Status status() {
        Status s = serviceSegment != null ? serviceSegment.status() : Status.OK;
        return functionSegment != null ? s.worst(functionSegment.status()) : s;
    }

    /** Every invocation in the trace, in start order. */
    public static List<LambdaInvocation> of(Trace trace) {
        List<Segment> services = new ArrayList<>();
        List<Segment> functions = new ArrayList<>();
        for (Segment root : trace.roots()) {
            root.walk(s -> {
                if (s.kind() == Kind.SUBSEGMENT) return;
                if (SERVICE_ORIGIN.equals(s.origin())) services.add(s);
                else if (FUNCTION_ORIGIN.equals(s.origin())) functions.add(s);
            });
        }
        List<LambdaInvocation> out = new ArrayList<>();
        List<Segment> unmatched = new ArrayList<>(services);
        functions.removeIf(fn -> insideFunction(trace, fn));
        for (Segment fn : functions) {
            Segment service = serviceOf(trace, fn, unmatched);
            unmatched.remove(service);
            out.add(read(service, fn));
        }
        for (Segment service : unmatched) out.add(read(service, null));
        out.sort((a, b) -> Double.compare(a.startTime(), b.startTime()));
        return out;
    }

    /**
     * Whether a function segment sits below another: the code's own view of the invocation (an
     * OpenTelemetry handler span continuing Lambda's trace), not a second invocation.
     */
    private static boolean insideFunction(Trace trace, Segment fn) {
        for (Segment p = trace.parentOf(fn); p != null; p = trace.parentOf(p)) {
            if (FUNCTION_ORIGIN.equals(p.origin()) && p.kind() != Kind.SUBSEGMENT) return true;
        }
        return false;
    }

    /** The service segment above the function segment, else an unmatched one of the same name. */
    private static Segment serviceOf(Trace trace, Segment fn, List<Segment> unmatched) {
        for (Segment p = trace.parentOf(fn); p != null; p = trace.parentOf(p)) {
            if (SERVICE_ORIGIN.equals(p.origin()) && p.kind() != Kind.SUBSEGMENT) return p;
        }
        for (Segment s : unmatched) if (s.name().equals(fn.name())) return s;
        return null;
    }

    private static LambdaInvocation read(Segment service, Segment fn) {
        String name = fn != null ? fn.name() : service.name();
        String requestId = service != null ? service.aws().requestId() : null;
        if (requestId == null && fn != null) requestId = fn.aws().requestId();
        String logGroup = fn != null ? fn.aws().logGroup() : null;
        if (logGroup == null && service != null) logGroup = service.aws().logGroup();
        if (logGroup == null) logGroup = "/aws/lambda/" + name;
        double init = 0, dwell = 0, invocation = 0, overhead = 0;
        int attempts = 0;
        boolean cold = false;
        if (service != null) {
            for (Segment sub : service.subsegments()) {
                if (sub.name().equals("Dwell Time")) dwell += sub.duration();
                else if (sub.name().startsWith("Attempt")) attempts++;
            }
        }
        if (fn != null) {
            for (Segment sub : fn.subsegments()) {
                switch (sub.name()) {
                    case "Initialization" -> { cold = true; init += sub.duration(); }
                    case "Invocation" -> invocation += sub.duration();
                    case "Overhead" -> overhead += sub.duration();
                    default -> { }
                }
            }
        }
        return new LambdaInvocation(name, requestId, logGroup, service, fn, cold, init, dwell,
                Math.max(attempts, service != null ? 1 : 0), invocation, overhead);
    }
}
