package io.xspy.query;

import io.xspy.trace.Segment;
import io.xspy.trace.ServiceId;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * The nodes of a trace that stand for services (segments and remote calls) with their callers and
 * both identities, in flat arrays built once per trace. service() and edge() filters visit only these, not every
 * local subsegment, and filters re-run over the same loaded traces each time the expression changes.
 */
final class ServiceNodes {

    private static final Trace.Derived<ServiceNodes> INDEX = new Trace.Derived<>(ServiceNodes::build);

    private final Segment[] nodes;
    private final ServiceId[] ids;
    private final Segment[] callers;
    private final ServiceId[] callerIds;

    private ServiceNodes(Segment[] nodes, ServiceId[] ids, Segment[] callers, ServiceId[] callerIds) {
        this.nodes = nodes;
        this.ids = ids;
        this.callers = callers;
        this.callerIds = callerIds;
    }

    /** A test of one service node: its segment and identity, and its caller's (null for a root). */
    interface Visitor {
        boolean visit(Trace trace, Segment node, ServiceId id, Segment caller, ServiceId callerId);
    }

    static ServiceNodes of(Trace trace) {
        return trace.derived(INDEX);
    }

    private static ServiceNodes build(Trace trace) {
        List<Segment> nodes = new ArrayList<>();
        List<Segment> callers = new ArrayList<>();
        TraceWalk.any(trace, (t, s, caller) -> {
            if (TraceWalk.isServiceNode(s)) {
                nodes.add(s);
                callers.add(caller);
            }
            return false;
        });
        ServiceId[] ids = new ServiceId[nodes.size()];
        ServiceId[] callerIds = new ServiceId[nodes.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ServiceId.of(nodes.get(i));
            callerIds[i] = callers.get(i) == null ? null : ServiceId.of(callers.get(i));
        }
        return new ServiceNodes(nodes.toArray(new Segment[0]), ids, callers.toArray(new Segment[0]), callerIds);
    }

    /** Whether the visitor returns true for some service node, in walk order. */
    boolean any(Trace trace, Visitor visitor) {
        for (int i = 0; i < nodes.length; i++) {
            if (visitor.visit(trace, nodes[i], ids[i], callers[i], callerIds[i])) return true;
        }
        return false;
    }
}
