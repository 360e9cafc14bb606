package io.xspy.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The compact field map behaves as a LinkedHashMap does, small or large. */
class FieldMapTest {

    @Property(tries = 200)
    void behavesLikeALinkedHashMap(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 40) Integer> ops) {
        Map<String, JsonNode> expected = new LinkedHashMap<>();
        Map<String, JsonNode> actual = new FieldMap();
        int step = 0;
        for (int op : ops) {
            String key = "k" + (op % 25);
            if (op % 7 == 0) assertEquals(expected.remove(key), actual.remove(key));
            else assertEquals(expected.put(key, IntNode.valueOf(step)), actual.put(key, IntNode.valueOf(step)));
            step++;
            assertEquals(expected, actual);
            assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()), "insertion order");
            assertEquals(expected.get("k3"), actual.get("k3"));
        }
    }

    @Test
    void iteratorRemovesAndLargeObjectsAreIndexed() {
        Map<String, JsonNode> m = new FieldMap();
        for (int i = 0; i < 40; i++) m.put("f" + i, IntNode.valueOf(i));
        assertEquals(IntNode.valueOf(33), m.get("f33"));
        for (Iterator<Map.Entry<String, JsonNode>> it = m.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue().intValue() % 2 == 0) it.remove();
        }
        assertEquals(20, m.size());
        assertNull(m.get("f32"));
        assertEquals(IntNode.valueOf(33), m.get("f33"));
    }

    @Test
    void treesReadWithItEqualJacksonsOwn() throws Exception {
        String json = "{\"a\":1,\"b\":{\"c\":[1,2,{\"d\":\"e\"}]},\"f\":null,\"g\":true,\"h\":1.5}";
        assertEquals(Json.mapper().readTree(json), Json.read(json));
        assertEquals(Json.read(json), Json.mapper().readTree(json));
        assertEquals(json, Json.read(json).toString());
    }
}
