package io.xspy.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The annotations map of a stored node: the same map as a LinkedHashMap, in the same order, immutable. */
class SmallMapTest {

    @Test
    void behavesAsTheLinkedHashMapItCopies() {
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("runtime", "go");
        sent.put("objects", 3);
        sent.put("cold", true);
        sent.put("none", null);
        Map<String, Object> copy = SmallMap.copyOf(sent);
        assertEquals(sent, copy);
        assertEquals(copy, sent);
        assertEquals(sent.hashCode(), copy.hashCode());
        assertEquals(sent.toString(), copy.toString());
        assertEquals(List.copyOf(sent.keySet()), List.copyOf(copy.keySet()));
        assertEquals(3, copy.get("objects"));
        assertNull(copy.get("missing"));
        assertFalse(copy.containsKey("missing"));
        assertEquals(true, copy.containsKey("none"));
        assertSame(copy, SmallMap.copyOf(copy));
        assertSame(Map.of(), SmallMap.copyOf(new LinkedHashMap<>()));
        assertThrows(UnsupportedOperationException.class, () -> copy.put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> copy.entrySet().iterator().next().setValue(1));
    }
}
