package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.xspy.testing.GoldenFiles;
import org.junit.jupiter.api.Test;

/** {@code xspy trace ID --critical-path}: the timeline with the path marked, and each span's share. */
class TraceCriticalPathTest {

    @Test
    void textMarksThePathAndListsTheShares() {
        CliTest.Run r = CliTest.run("--file", CliTest.BLOG, "trace", CliTest.BLOG_TRACE, "--width", "100", "--critical-path");
        assertEquals(0, r.exit(), r.err());
        GoldenFiles.check("cli", "trace-blog-go-critical-100.txt", r.out());
        assertTrue(r.out().contains("critical path: "), r.out());
        CliTest.Run ascii = CliTest.run("--file", CliTest.BLOG, "trace", CliTest.BLOG_TRACE, "--width", "80", "--ascii",
                "--critical-path");
        GoldenFiles.check("cli", "trace-blog-go-critical-80-ascii.txt", ascii.out());
        assertTrue(ascii.out().chars().allMatch(c -> c < 128), "ASCII only");
    }

    /** The demo's fan-out: S3 hands over to SNS after its segment ends, so the path has an untraced stretch. */
    @Test
    void theDemosColdGoInvocation() {
        CliTest.Run r = CliTest.run("--file", DiffCommandTest.FILE, "trace", DiffCommandTest.COLD, "--width", "120",
                "--critical-path");
        assertEquals(0, r.exit(), r.err());
        GoldenFiles.check("cli", "trace-demo-go-cold-critical-120.txt", r.out());
        assertTrue(r.out().contains("(untraced)"), r.out());
    }

    @Test
    void jsonAddsTheCriticalPathToTheBatchGetTracesShape() throws Exception {
        CliTest.Run r = CliTest.run("--file", CliTest.BLOG, "trace", CliTest.BLOG_TRACE, "--output", "json", "--critical-path");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = CliTest.JSON.readTree(r.out());
        assertEquals(CliTest.BLOG_TRACE, json.at("/Traces/0/Id").asText());
        JsonNode path = json.get("CriticalPath");
        assertTrue(path.isArray() && path.size() > 3, r.out());
        double millis = 0;
        double share = 0;
        double previousStart = path.get(0).get("start").asDouble();
        for (JsonNode step : path) {
            for (String field : new String[] {"id", "name", "start", "end", "selfMillis", "share", "sections"}) {
                assertTrue(step.has(field), field + " in " + step);
            }
            assertTrue(step.get("start").asDouble() >= previousStart, "in the order they join the path: " + step);
            assertTrue(step.get("end").asDouble() >= step.get("start").asDouble(), step.toString());
            previousStart = step.get("start").asDouble();
            millis += step.get("selfMillis").asDouble();
            share += step.get("share").asDouble();
        }
        double duration = json.at("/Traces/0/Duration").asDouble();
        assertEquals(duration * 1000, millis, 1.0, "the path adds up to the trace's duration");
        assertEquals(1.0, share, 0.002);
    }

    @Test
    void withoutTheOptionNothingChanges() {
        CliTest.Run r = CliTest.run("--file", CliTest.BLOG, "trace", CliTest.BLOG_TRACE, "--width", "100");
        assertTrue(!r.out().contains("critical path") && !r.out().contains("\u25C6"), r.out());
    }
}
