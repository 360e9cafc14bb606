package io.xspy.trace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The root-cause members of a TraceSummary in the X-Ray API's shapes: FaultRootCauses, ErrorRootCauses and
 * ResponseTimeRootCauses, each a list of {ClientImpacting, Services: [{Name, Names, Type, AccountId,
 * Inferred, EntityPath: [{Name, Exceptions: [{Name, Message}], Remote}]}]}; response-time entities carry
 * Coverage instead of Exceptions. The three lists are always written, empty when there is none, as X-Ray
 * does (clients such as xray-cli read them without checking). The filter {@code rootcause.json} matches
 * patterns against this same form.
 */
public final class RootCauseJson {

    private RootCauseJson() {}

    /** Adds the three lists to a TraceSummaries entry. */
    public static ObjectNode put(ObjectNode summary, RootCauses causes) {
        list(summary.putArray("FaultRootCauses"), causes.fault());
        list(summary.putArray("ErrorRootCauses"), causes.error());
        list(summary.putArray("ResponseTimeRootCauses"), causes.responseTime());
        return summary;
    }

    /** Every root cause of every kind, each as one JSON object, for {@link RootCausePattern}. */
    public record Documents(List<ObjectNode> each) {}

    public static Documents documents(RootCauses causes) {
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        list(all, causes.fault());
        list(all, causes.error());
        list(all, causes.responseTime());
        List<ObjectNode> out = new ArrayList<>(all.size());
        all.forEach(c -> out.add((ObjectNode) c));
        return new Documents(List.copyOf(out));
    }

    private static void list(ArrayNode out, List<RootCause> causes) {
        for (RootCause cause : causes) {
            ObjectNode c = out.addObject();
            ArrayNode services = c.putArray("Services");
            for (RootCause.Service s : cause.services()) {
                ObjectNode service = services.addObject();
                service.put("Name", s.id().name());
                ArrayNode names = service.putArray("Names");
                s.id().names().forEach(names::add);
                service.put("Type", s.id().type());
                if (s.id().accountId() != null) service.put("AccountId", s.id().accountId());
                ArrayNode path = service.putArray("EntityPath");
                for (RootCause.Entity e : s.entityPath()) path.add(entity(e));
                service.put("Inferred", s.inferred());
            }
            c.put("ClientImpacting", cause.clientImpacting());
        }
    }

    private static ObjectNode entity(RootCause.Entity e) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("Name", e.name());
        if (e.coverage() != null) {
            out.put("Coverage", e.coverage());
        } else {
            ArrayNode exceptions = out.putArray("Exceptions");
            for (RootCause.Problem p : e.exceptions()) {
                ObjectNode x = exceptions.addObject();
                if (p.name() != null) x.put("Name", p.name());
                if (p.message() != null) x.put("Message", p.message());
            }
        }
        out.put("Remote", e.remote());
        return out;
    }
}
