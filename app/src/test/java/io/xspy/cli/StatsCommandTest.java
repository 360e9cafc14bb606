package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xspy.testing.GoldenFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code xspy stats} on the demo at a fixed moment (its history 20:00 to 20:29 UTC, the Python fix at 20:10). */
class StatsCommandTest {
    static final Instant NOW = Instant.parse("2026-11-29T20:29:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    static CliTest.Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        XspyCommand command = new XspyCommand();
        command.env = Map.of("LANG", "C.UTF-8");
        command.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        CommandLine cli = Subcommands.all(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = Main.run(cli, args);
        return new CliTest.Run(exit, out.toString(), err.toString());
    }

    @Test
    void dynamoDbColdAndWarmAsThePostMeasuredIt() throws Exception {
        CliTest.Run r = run("--demo", "stats", "--span", "DynamoDB", "--by", "cold", "--width", "80");
        assertEquals(0, r.exit(), r.err());
        GoldenFiles.check("cli", "stats-demo-dynamodb-cold-80.txt", r.out());
        JsonNode json = JSON.readTree(run("--demo", "stats", "--span", "DynamoDB", "--by", "cold", "--output", "json").out());
        JsonNode go = null;
        for (JsonNode p : json.get("Paths")) if (p.get("Path").asText().startsWith("xraystarter-go")) go = p;
        assertEquals("xraystarter-go \u203A Invocation \u203A write-items \u203A DynamoDB PutItem", go.get("Path").asText());
        JsonNode cold = go.at("/Groups/0");
        JsonNode warm = go.at("/Groups/1");
        assertEquals("cold", cold.get("Key").asText());
        assertEquals(0.081, cold.get("P50").asDouble(), 0.006, "cold \u2248 81 ms");
        assertEquals("warm", warm.get("Key").asText());
        assertTrue(warm.get("Min").asDouble() >= 0.004 && warm.get("Max").asDouble() <= 0.032, "warm 4\u201332 ms: " + warm);
    }

    @Test
    void theBlogsTableGeneratedInTextJsonAndCsv() throws Exception {
        String[] args = {"--demo", "stats", "--filter", "service(\"xraystarter-go\")", "--span", "DynamoDB", "--by", "cold",
            "--traces", "--width", "100"};
        CliTest.Run text = run(args);
        assertEquals(0, text.exit(), text.err());
        GoldenFiles.check("cli", "stats-demo-go-traces-100.txt", text.out());
        CliTest.Run csv = run(concat(args, "--output", "csv"));
        String[] lines = csv.out().split("\r\n");
        assertEquals("path,trace_id,start,group,duration,fault,error", lines[0]);
        assertTrue(lines[1].startsWith("xraystarter-go \u203A Invocation \u203A write-items \u203A DynamoDB PutItem,1-"), lines[1]);
        assertEquals(text.out().lines().filter(l -> l.startsWith("  1-")).count(), lines.length - 1);
        JsonNode json = JSON.readTree(run(concat(args, "--output", "json")).out());
        int spans = 0;
        for (JsonNode p : json.get("Paths")) spans += p.get("Spans").size();
        assertEquals(lines.length - 1, spans);
        assertEquals("cold", json.at("/Paths/0/Spans/0/Group").asText());
    }

    @Test
    void thePythonFunctionBeforeAndAfterItsFixSaysTheFaultRateChanged() throws Exception {
        CliTest.Run r = run("--demo", "stats", "--span", "xraystarter-py", "--split-at", "+10m", "--width", "80");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("fault rate fell: 100% \u2192 0%"), r.out());
        GoldenFiles.check("cli", "stats-demo-python-fix-80.txt", r.out());
        JsonNode json = JSON.readTree(run("--demo", "stats", "--span", "xraystarter-py", "--split-at", "20:10",
                "--output", "json").out());
        JsonNode faults = json.at("/Comparison/Paths/0/FaultRate");
        assertEquals("fell", faults.get("Verdict").asText());
        assertEquals(1.0, faults.get("A").asDouble());
        assertEquals(0.0, faults.get("B").asDouble());
    }

    @Test
    void theSameSetTwiceIsNoSignificantChange() {
        String filter = "service(\"xraystarter-go\")";
        CliTest.Run r = run("--demo", "stats", "--filter", filter, "--compare-filter", filter,
                "--span", "xraystarter-go > Invocation", "--output", "csv");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().lines().skip(1).allMatch(l -> l.endsWith(",no significant change")), r.out());
    }

    @Test
    void partWholeOfAFunction() {
        CliTest.Run r = run("--demo", "stats", "--span", "xraystarter-go", "--breakdown", "--width", "80", "--ascii");
        assertEquals(0, r.exit(), r.err());
        GoldenFiles.check("cli", "stats-demo-go-breakdown-80-ascii.txt", r.out());
        assertTrue(r.out().chars().allMatch(c -> c < 128), "ASCII only");
    }

    @Test
    void badOptionsAreUsageErrorsInWords() {
        CliTest.Run by = run("--demo", "stats", "--by", "colour");
        assertEquals(2, by.exit());
        assertTrue(by.err().contains("--by: \"colour\" is not a split: use cold, annotation.NAME, version or runtime"), by.err());
        CliTest.Run at = run("--demo", "stats", "--split-at", "yesterday");
        assertEquals(2, at.exit());
        assertTrue(at.err().contains("--split-at: \"yesterday\" is not a moment"), at.err());
        CliTest.Run filter = run("--demo", "stats", "--compare-filter", "service(");
        assertEquals(2, filter.exit());
        assertTrue(filter.err().contains("--compare-filter:"), filter.err());
        CliTest.Run both = run("--demo", "stats", "--split-at", "+10m", "--by", "cold");
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("leave out --by"), both.err());
    }

    @Test
    void helpNamesTheDefinitionsWithoutAWarning() {
        CliTest.Run help = run("stats", "--help");
        assertEquals(0, help.exit());
        assertEquals("", help.err());
        assertTrue(help.out().contains("nearest-rank (HdrHistogram, microseconds, 3 significant"), help.out());
        assertTrue(help.out().contains("95% (seeded bootstrap"), help.out());
    }

    private static String[] concat(String[] a, String... more) {
        String[] out = java.util.Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }
}
