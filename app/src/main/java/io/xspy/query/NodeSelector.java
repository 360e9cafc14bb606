package io.xspy.query;

import io.xspy.trace.Kind;
import io.xspy.trace.Segment;
import io.xspy.trace.ServiceId;

/**
 * Which service-map nodes a {@code service()} or {@code edge()} argument names: a name, or
 * {@code id(name: ..., type: ..., account.id: ...)} with any of the fields. Null fields match anything.
 * Node identity is {@link ServiceId#of(Segment)}; a name matches the node's name or one of its names.
 */
record NodeSelector(String name, String type, String accountId) {

    static final NodeSelector ANY = new NodeSelector(null, null, null);

    boolean matches(Segment s) {
        if (s.kind() != Kind.SUBSEGMENT) {
            // A segment's identity is cheap to read without building its ServiceId (this mirrors ServiceId.of).
            if (name != null && !name.equals(s.name())) return false;
            if (type != null && !type.equals(segmentType(s))) return false;
            return accountId == null || accountId.equals(s.aws().accountId());
        }
        if (!s.isRemote()) return false;
        if (type != null && !type.equals(remoteType(s))) return false;
        if (name == null && accountId == null) return true;
        return matches(ServiceId.of(s));
    }

    private static String segmentType(Segment s) {
        if (s.origin() != null) return s.origin();
        return s.kind() == Kind.INFERRED ? "remote" : "client";
    }

    boolean matches(ServiceId id) {
        if (id == null) return false;
        if (name != null && !name.equals(id.name()) && !id.names().contains(name)) return false;
        if (type != null && !type.equals(id.type())) return false;
        return accountId == null || accountId.equals(id.accountId());
    }

    private static String remoteType(Segment s) {
        return "aws".equals(s.namespace()) ? ServiceId.awsType(s.name()) : "remote";
    }

    @Override
    public String toString() {
        if (type == null && accountId == null) return name == null ? "any node" : "\"" + name + "\"";
        return "id(name: " + name + ", type: " + type + (accountId == null ? "" : ", account.id: " + accountId) + ")";
    }
}
