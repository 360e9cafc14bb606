package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.testing.GoldenFiles;
import org.junit.jupiter.api.Test;

/** {@code xspy services} as text: the table the TUI draws, then the edges with their nodes' types. */
class ServicesCommandTest {

    @Test
    void servicesOfAFile() {
        CliTest.Run r = CliTest.run("--file", CliTest.BLOG, "services");
        assertEquals(0, r.exit(), r.err());
        GoldenFiles.check("cli", "services-blog-go.txt", r.out());
        CliTest.Run ascii = CliTest.run("--file", CliTest.BLOG, "--ascii", "services");
        GoldenFiles.check("cli", "services-blog-go-ascii.txt", ascii.out());
        assertTrue(ascii.out().chars().allMatch(c -> c < 128), "ASCII only");
    }

    @Test
    void edgesBetweenNodesOfOneNameSayTheirTypes() {
        CliTest.Run r = CliTest.run("--file", CliTest.BLOG, "services");
        assertTrue(r.out().lines().anyMatch(l -> l.matches(".*xraystarter-go \\(AWS::Lambda\\)\\s+\u2192\\s+xraystarter-go \\(AWS::Lambda::Function\\)\\s.*")),
                r.out());
    }

    @Test
    void throttlesAreClientErrorsAsInXRay() {
        CliTest.Run r = CliTest.run("--demo", "services");
        assertEquals(0, r.exit(), r.err());
        String header = r.out().lines().findFirst().orElseThrow().strip().replaceAll("\\s+", " ");
        assertEquals("service type req 4xx% 429% 5xx% p50 p90 p99", header, r.out());
        for (String line : r.out().lines().skip(1).takeWhile(l -> !l.isBlank()).toList()) {
            String[] cells = line.strip().split("\\s+");
            int n = cells.length;
            double all4xx = Double.parseDouble(cells[n - 6]);
            double throttled = Double.parseDouble(cells[n - 5]);
            assertTrue(all4xx >= throttled, "4xx% includes 429%: " + line);
        }
    }
}
