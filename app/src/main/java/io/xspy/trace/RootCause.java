package io.xspy.trace;

import java.util.List;

/**
 * One root cause of a trace in X-Ray's shape (FaultRootCause, ErrorRootCause, ResponseTimeRootCause):
 * the chain of services from the trace's entry point to the service where the cause lies, each with the
 * path of its entities (its segment, then subsegments) that leads there. {@link RootCauses} computes them.
 *
 * @param services        from the entry point down; the last service holds the root-cause entity
 * @param clientImpacting whether the cause reached the client: the entry point itself failed (fault and
 *                        error), always true for response time
 */
public record RootCause(List<Service> services, boolean clientImpacting) {

    public RootCause {
        services = List.copyOf(services);
    }

    /** A service on the path: its identity, whether X-Ray inferred it, and its entities on the path. */
    public record Service(ServiceId id, boolean inferred, List<Entity> entityPath) {
        public Service {
            entityPath = List.copyOf(entityPath);
        }
    }

    /**
     * A segment or subsegment on the path.
     *
     * @param remote   a call to another service (namespace aws or remote)
     * @param coverage for response time only: the entity's duration over the entry point's response
     *                 time; null for faults and errors
     */
    public record Entity(String name, List<Problem> exceptions, boolean remote, Double coverage) {
        public Entity {
            exceptions = List.copyOf(exceptions);
        }
    }

    /** An exception the entity recorded (X-Ray's RootCauseException): its type and message, either may be null. */
    public record Problem(String name, String message) {}

    /** The last entity of the last service: the root cause itself. */
    public Entity entity() {
        List<Entity> path = services.get(services.size() - 1).entityPath();
        return path.get(path.size() - 1);
    }
}
