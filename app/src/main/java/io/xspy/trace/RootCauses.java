package io.xspy.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The fault, error and response-time root causes of a trace, as X-Ray's GetTraceSummaries reports them
 * (FaultRootCauses, ErrorRootCauses, ResponseTimeRootCauses). X-Ray does not publish its algorithm; xspy
 * applies these rules:
 * <ul>
 * <li><b>Fault</b> (5xx): every node that faulted and has no faulting node below it (the deepest fault on
 *     its path) is a root cause; a fault that only passes on a fault from below is not. A node faults
 *     when its fault flag is set or its HTTP status is 5xx.</li>
 * <li><b>Error</b> (4xx, throttles included, as X-Ray counts a throttle as an error): the same rule with
 *     the error and throttle flags and 4xx statuses.</li>
 * <li><b>Response time</b>: from the entry point, always into the child that took longest, down to a
 *     leaf; that leaf is the root cause. Coverage is each entity's duration over the entry point's
 *     response time, to three decimals. xspy computes it for every complete trace; X-Ray reports it
 *     only for traces it judges slow, by a rule it does not publish.</li>
 * </ul>
 * The path of a root cause runs from a root of the trace down to the root-cause entity. A segment (or an
 * inferred segment) starts a new service; subsegments belong to the service of their segment. A remote
 * call (namespace aws or remote) whose callee sent no segment ends in an inferred service named as the
 * service map names it (for example the DynamoDB table). Each entity lists its own exceptions.
 * At most {@value #MAX_PER_KIND} root causes of each kind are kept, in the order of the trace tree.
 */
public record RootCauses(List<RootCause> fault, List<RootCause> error, List<RootCause> responseTime) {

    public static final int MAX_PER_KIND = 10;
    public static final RootCauses NONE = new RootCauses(List.of(), List.of(), List.of());

    public RootCauses {
        fault = List.copyOf(fault);
        error = List.copyOf(error);
        responseTime = List.copyOf(responseTime);
    }

    private static final Predicate<Segment> FAULT = s -> s.fault() || s.status() == Status.FAULT;
    private static final Predicate<Segment> ERROR =
            s -> s.error() || s.throttle() || s.status() == Status.ERROR || s.status() == Status.THROTTLE;

    public static RootCauses of(Trace trace) {
        return new RootCauses(deepest(trace, FAULT), deepest(trace, ERROR), responseTime(trace));
    }

    // ---- fault and error ----

    /** One frame of the walk: a node and the index of its next child to visit. */
    private static final class Frame {
        final Segment node;
        int next;
        boolean below; // some descendant matched

        Frame(Segment node) {
            this.node = node;
        }
    }

    /** The deepest matching nodes, each with its path, walked without recursion (trees can be deep). */
    private static List<RootCause> deepest(Trace trace, Predicate<Segment> failed) {
        List<RootCause> out = new ArrayList<>();
        Segment entry = trace.rootSegment();
        for (Segment root : trace.roots()) {
            List<Frame> stack = new ArrayList<>();
            stack.add(new Frame(root));
            while (!stack.isEmpty()) {
                Frame top = stack.get(stack.size() - 1);
                List<Segment> kids = top.node.subsegments();
                if (top.next < kids.size()) {
                    stack.add(new Frame(kids.get(top.next++)));
                    continue;
                }
                stack.remove(stack.size() - 1);
                boolean self = failed.test(top.node);
                if (self && !top.below && out.size() < MAX_PER_KIND) {
                    List<Segment> path = new ArrayList<>(stack.size() + 1);
                    for (Frame f : stack) path.add(f.node);
                    path.add(top.node);
                    boolean client = root == entry && failed.test(root);
                    out.add(new RootCause(services(path, null), client));
                }
                if ((self || top.below) && !stack.isEmpty()) stack.get(stack.size() - 1).below = true;
            }
        }
        return out;
    }

    // ---- response time ----

    private static List<RootCause> responseTime(Trace trace) {
        Segment entry = trace.rootSegment();
        if (entry == null || entry.endTime() == null || entry.duration() <= 0) return List.of();
        List<Segment> path = new ArrayList<>();
        Segment node = entry;
        while (node != null) {
            path.add(node);
            Segment longest = null;
            for (Segment child : node.subsegments()) {
                if (longest == null || child.duration() > longest.duration()) longest = child;
            }
            node = longest;
        }
        return List.of(new RootCause(services(path, entry.duration()), true));
    }

    // ---- the path as services and entities ----

    /** Splits a path from a root into services; {@code total} is the response time for coverage, or null. */
    private static List<RootCause.Service> services(List<Segment> path, Double total) {
        List<RootCause.Service> services = new ArrayList<>();
        ServiceId id = null;
        boolean inferred = false;
        List<RootCause.Entity> entities = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            Segment s = path.get(i);
            if (s.kind() != Kind.SUBSEGMENT || id == null) {
                if (id != null) services.add(new RootCause.Service(id, inferred, entities));
                id = s.kind() == Kind.SUBSEGMENT ? ServiceId.of(s.name(), "client") : ServiceId.of(s);
                inferred = s.kind() == Kind.INFERRED;
                entities = new ArrayList<>();
            }
            entities.add(entity(s, s.name(), total));
            if (i == path.size() - 1 && s.isRemote() && !calledASegment(s)) {
                services.add(new RootCause.Service(id, inferred, entities));
                id = ServiceId.of(s);
                inferred = true;
                entities = new ArrayList<>();
                entities.add(new RootCause.Entity(id.name(), List.of(), false, coverage(s, total)));
            }
        }
        if (id != null) services.add(new RootCause.Service(id, inferred, entities));
        return services;
    }

    private static boolean calledASegment(Segment remote) {
        for (Segment child : remote.subsegments()) if (child.kind() != Kind.SUBSEGMENT) return true;
        return false;
    }

    private static RootCause.Entity entity(Segment s, String name, Double total) {
        List<RootCause.Problem> problems = new ArrayList<>();
        if (s.cause() != null) {
            for (Cause.ExceptionInfo e : s.cause().exceptions()) problems.add(new RootCause.Problem(e.type(), e.message()));
        }
        return new RootCause.Entity(name, problems, s.isRemote(), coverage(s, total));
    }

    private static Double coverage(Segment s, Double total) {
        if (total == null) return null;
        return Math.round(s.duration() / total * 1000) / 1000.0;
    }
}
