package io.xspy.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A trace's documents deflated together read back as they were, alone or packed again with another. */
class RawJsonPackTest {

    private static String doc(int i) {
        return "{\"id\":\"" + Integer.toHexString(0x1000 + i) + "\",\"name\":\"fn-" + i + "\",\"start_time\":1.5,"
                + "\"trace_id\":\"1-5f84c7a1-1234567890abcdef12345678\",\"subsegments\":[{\"id\":\"s" + i + "\",\"name\":\"é ☃\"}]}";
    }

    @Test
    void packedDocumentsReadBackAndPackAgain() throws Exception {
        List<RawJson> docs = new ArrayList<>();
        for (int i = 0; i < 5; i++) docs.add(RawJson.document(doc(i)));
        docs.get(2).compact(); // deflated alone before: packed with the rest all the same
        RawJson.pack(docs);
        for (int i = 4; i >= 0; i--) { // out of order: each reads its own place
            assertTrue(docs.get(i).isCompact());
            assertEquals(doc(i), docs.get(i).text());
            assertEquals("s" + i, docs.get(i).subsegment(0).node().get("id").asText());
        }
        docs.add(RawJson.document(doc(5)));
        RawJson.pack(docs);
        for (int i = 0; i < docs.size(); i++) assertEquals(doc(i), docs.get(i).text());
        assertEquals(Json.read(doc(3)), docs.get(3).node());
    }
}
