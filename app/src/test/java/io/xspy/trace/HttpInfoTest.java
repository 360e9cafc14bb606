package io.xspy.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** HttpInfo's written-out equals and hashCode are a record's: every component counts, nulls included. */
class HttpInfoTest {
    private static final HttpInfo GET = new HttpInfo("GET", "https://x/", "curl", "10.0.0.1", false, true, 200, 12L);

    @Test
    void equalComponentsAreEqualWithTheSameHash() {
        HttpInfo same = new HttpInfo("GET", "https://x/", "curl", "10.0.0.1", false, true, 200, 12L);
        assertEquals(GET, same);
        assertEquals(GET.hashCode(), same.hashCode());
        assertTrue(new HttpInfo(null, null, null, null, null, null, null, null).isEmpty());
        assertFalse(GET.isEmpty());
    }

    @Test
    void eachComponentCounts() {
        HttpInfo[] differing = {
            new HttpInfo("POST", "https://x/", "curl", "10.0.0.1", false, true, 200, 12L),
            new HttpInfo("GET", "https://y/", "curl", "10.0.0.1", false, true, 200, 12L),
            new HttpInfo("GET", "https://x/", "wget", "10.0.0.1", false, true, 200, 12L),
            new HttpInfo("GET", "https://x/", "curl", "10.0.0.2", false, true, 200, 12L),
            new HttpInfo("GET", "https://x/", "curl", "10.0.0.1", true, true, 200, 12L),
            new HttpInfo("GET", "https://x/", "curl", "10.0.0.1", false, null, 200, 12L),
            new HttpInfo("GET", "https://x/", "curl", "10.0.0.1", false, true, 500, 12L),
            new HttpInfo("GET", "https://x/", "curl", "10.0.0.1", false, true, 200, null),
        };
        for (HttpInfo other : differing) assertNotEquals(GET, other, other.toString());
        assertNotEquals(GET, "GET");
    }
}
