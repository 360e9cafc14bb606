package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.xspy.testing.GoldenFiles;
import org.junit.jupiter.api.Test;

/** {@code xspy diff ID1 ID2}: the demo's cold Go invocation against a warm one, as text and as JSON. */
class DiffCommandTest {
    static final String FILE = "src/test/resources/cli/demo-go-cold-warm.ndjson";
    static final String COLD = "1-6b0852ee-310c43fc398820efda0df446";
    static final String WARM = "1-6b0852f5-fc1a784556cce4bbe715e2a1";

    @Test
    void textIsTheDiffViewAtTheGivenWidth() {
        for (int width : new int[] {80, 160}) {
            CliTest.Run r = CliTest.run("--file", FILE, "diff", COLD, WARM, "--width", String.valueOf(width));
            assertEquals(0, r.exit(), r.err());
            GoldenFiles.check("statsview", "diff-go-cold-warm-" + width + ".txt", r.out());
        }
        CliTest.Run ascii = CliTest.run("--file", FILE, "--ascii", "diff", COLD, WARM, "--width", "80");
        GoldenFiles.check("statsview", "diff-go-cold-warm-80-ascii.txt", ascii.out());
    }

    @Test
    void jsonHasBothTracesAndOneObjectPerAlignedRow() throws Exception {
        CliTest.Run r = CliTest.run("--file", FILE, "diff", COLD, WARM, "--output", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = CliTest.JSON.readTree(r.out());
        assertEquals(COLD, json.at("/A/Id").asText());
        assertEquals(WARM, json.at("/B/Id").asText());
        assertEquals("xraystarter-go", json.at("/A/ColdStarts/0").asText());
        assertEquals(0, json.at("/B/ColdStarts").size());
        assertEquals(Math.round((json.at("/B/Duration").asDouble() - json.at("/A/Duration").asDouble()) * 1000),
                Math.round(json.get("deltaMillis").asDouble()));
        JsonNode init = null;
        JsonNode put = null;
        for (JsonNode row : json.get("rows")) {
            String path = row.get("path").toString();
            if (path.contains("\"xraystarter-go\"") && path.endsWith("\"Initialization\"]")) init = row;
            if (path.contains("\"xraystarter-go\"") && path.endsWith("\"DynamoDB\"]")) put = row;
        }
        assertTrue(init != null && put != null, r.out());
        assertEquals("onlyA", init.get("presence").asText());
        assertTrue(init.get("b").isNull() && init.get("deltaMillis").isNull());
        assertEquals("both", put.get("presence").asText());
        assertEquals("DynamoDB \u00B7 PutItem", put.get("label").asText());
        double a = put.at("/a/durationMillis").asDouble();
        double b = put.at("/b/durationMillis").asDouble();
        assertTrue(a > 75 && a < 90, "the cold PutItem takes about 81 ms as in the post: " + a);
        assertTrue(b >= 4 && b <= 32, "the warm one 4 to 32 ms: " + b);
        assertEquals(b - a, put.get("deltaMillis").asDouble(), 0.002);
        assertEquals(Math.round((b - a) / a * 1000) / 10.0, put.get("deltaPercent").asDouble(), 0.11);
        assertEquals(put.get("path").size() - 1, put.get("depth").asInt());
    }

    @Test
    void aMissingTraceIsAnErrorInWords() {
        CliTest.Run r = CliTest.run("--file", FILE, "diff", COLD, "1-00000000-000000000000000000000000");
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().contains("no trace 1-00000000-000000000000000000000000"), r.err());
    }

    @Test
    void aTraceAgainstItselfChangesNothing() throws Exception {
        CliTest.Run r = CliTest.run("--file", FILE, "diff", COLD, COLD, "--output", "json");
        assertEquals(0, r.exit(), r.err());
        for (JsonNode row : CliTest.JSON.readTree(r.out()).get("rows")) {
            assertEquals("both", row.get("presence").asText());
            assertEquals(0, row.get("deltaMillis").asDouble());
        }
    }

    @Test
    void helpListsDiff() {
        assertTrue(CliTest.run("--help").out().contains("diff"));
    }
}
