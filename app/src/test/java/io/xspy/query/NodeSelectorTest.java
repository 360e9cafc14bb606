package io.xspy.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.trace.ServiceId;
import io.xspy.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The selector's shortcut for segments must agree with ServiceId.of on every node. */
class NodeSelectorTest {

    @Test
    void agrees_with_service_id_on_every_node_of_the_fixtures() {
        List<Trace> traces = List.of(Fixtures.okWeb(), Fixtures.web(), Fixtures.lambda("xraystarter-go", 5, 0.1, true),
                Fixtures.inProgress(), Fixtures.inferred());
        int checked = 0;
        for (Trace trace : traces) {
            for (var s : trace.nodesById().values()) {
                ServiceId id = ServiceId.of(s);
                if (id == null) {
                    assertEquals(false, NodeSelector.ANY.matches(s) && TraceWalk.isServiceNode(s), s.name());
                    continue;
                }
                checked++;
                assertTrue(new NodeSelector(id.name(), id.type(), id.accountId()).matches(s), id.toString());
                assertTrue(new NodeSelector(null, id.type(), null).matches(s), id.toString());
                assertEquals(false, new NodeSelector(id.name(), id.type() + "x", null).matches(s), id.toString());
                assertEquals(false, new NodeSelector(id.name() + "x", null, null).matches(s), id.toString());
                assertEquals(false, new NodeSelector(null, null, "999").matches(s), id.toString());
            }
        }
        assertTrue(checked >= 12, "checked " + checked);
    }
}
