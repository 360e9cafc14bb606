package io.xspy.cli;

import io.xspy.testing.GoldenFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {
    static final String BLOG = "src/test/resources/cli/blog-go-cold.json";
    static final String MIXED = "src/test/resources/cli/mixed.ndjson";
    static final String BLOG_TRACE = "1-63847262-1f7b1f131c705dd37c779140";
    static final ObjectMapper JSON = new ObjectMapper();

    record Run(int exit, String out, String err) {}

    /**
     * The demo's clock in these tests: its history is the same whenever a test runs. (On the wall clock
     * the newest upload could be half-way through its fan-out, its functions not yet logging.)
     */
    static final java.time.Clock FIXED_CLOCK =
            java.time.Clock.fixed(java.time.Instant.parse("2026-11-26T16:00:00Z"), java.time.ZoneOffset.UTC);

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // as Main builds it: only the subcommands args name (SubcommandsTest: the same as with all of them)
        CommandLine cli = Subcommands.forArgs(CliTest::root, args);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = Main.run(cli, args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** The root command of these tests: UTF-8, the fixed clock. */
    static XspyCommand root() {
        XspyCommand command = new XspyCommand();
        command.env = Map.of("LANG", "C.UTF-8");
        command.clock = FIXED_CLOCK;
        return command;
    }

    @Test
    void csvIsOnlyForTheTabularStats() {
        Run traces = run("--demo", "traces", "--output", "csv");
        assertEquals(2, traces.exit(), traces.err());
        assertTrue(traces.err().contains("text, json"), traces.err());
        Run stats = run("--demo", "stats", "--span", "DynamoDB", "--output", "csv");
        assertEquals(0, stats.exit(), stats.err());
        assertTrue(stats.out().lines().findFirst().orElse("").contains(","), stats.out());
    }

    @Test
    void versionAndHelp() {
        Run version = run("--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().startsWith("xspy 0.1.0"), version.out());
        Run help = run("--help");
        for (String command : new String[] {"services", "traces", "trace", "logs", "export"}) {
            assertTrue(help.out().contains(command), command);
        }
    }

    @Test
    void traceFromABatchGetTracesFileIsDrawnAsATimeline() {
        Run r = run("--file", BLOG, "trace", BLOG_TRACE, "--width", "100");
        assertEquals(0, r.exit(), r.err());
        GoldenFiles.check("cli", "trace-blog-go-100.txt", r.out());
        Run ascii = run("--file", BLOG, "trace", BLOG_TRACE, "--width", "80", "--ascii");
        GoldenFiles.check("cli", "trace-blog-go-80-ascii.txt", ascii.out());
        assertTrue(ascii.out().chars().allMatch(c -> c < 128), "ASCII only");
    }

    @Test
    void traceAsJsonHasTheShapeOfBatchGetTraces() throws Exception {
        Run r = run("--file", BLOG, "trace", BLOG_TRACE, "--output", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = JSON.readTree(r.out());
        assertEquals(BLOG_TRACE, json.at("/Traces/0/Id").asText());
        assertEquals(2, json.at("/Traces/0/Segments").size());
        JsonNode doc = JSON.readTree(json.at("/Traces/0/Segments/0/Document").asText());
        assertEquals(BLOG_TRACE, doc.get("trace_id").asText());
        assertTrue(json.get("UnprocessedTraceIds").isArray());
    }

    @Test
    void tracesListsTheFileWithItsColdStart() {
        Run r = run("--file", BLOG, "traces");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(BLOG_TRACE), r.out());
        assertTrue(r.out().contains("\u2744"), "cold start marked: " + r.out());
        assertTrue(r.out().contains("2022-11-28 08:33:38Z"), r.out());
    }

    @Test
    void unknownTraceAndUnreadableFileAreOneLineErrors() {
        Run unknown = run("--file", BLOG, "trace", "1-00000000-000000000000000000000000");
        assertEquals(1, unknown.exit());
        assertEquals(1, unknown.err().lines().count(), unknown.err());
        assertTrue(unknown.err().startsWith("xspy: no trace 1-00000000-000000000000000000000000"));
        Run missing = run("--file", "no/such/file.json", "traces");
        assertEquals(1, missing.exit());
        assertEquals("xspy: cannot read no/such/file.json: no such readable file\n", missing.err());
        assertEquals("", missing.out());
    }

    @Test
    void badDocumentsAreReportedOnStderrAndGoodOnesStillShown() {
        Run r = run("--file", MIXED, "trace", BLOG_TRACE, "--width", "80");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("not valid JSON"), r.err());
        assertTrue(r.err().contains("end_time before start_time"), r.err());
        assertTrue(r.out().contains("xraystarter-go"), r.out());
        assertTrue(r.out().contains("evil"), "the bad subsegment is kept: " + r.out());
        assertFalse(r.out().contains("\u001b"), "no escape from data reaches the output");
        assertFalse(r.err().contains("\u001b"), "nor the diagnostics");
    }

    @Test
    void jsonOutputEscapesWhatATerminalWouldObey() throws Exception {
        Run r = run("--file", MIXED, "trace", BLOG_TRACE, "--output", "json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f)), "printable ASCII only: " + r.out());
        JsonNode doc = JSON.readTree(JSON.readTree(r.out()).at("/Traces/0/Segments/1/Document").asText());
        assertTrue(doc.toString().contains("evil"), "the data is all there, escaped: " + doc);
    }

    @Test
    void demoServicesAsJsonHaveTheShapeOfGetServiceGraph() throws Exception {
        Run r = run("--demo", "--seed", "3", "services", "--output", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = JSON.readTree(r.out());
        boolean py = false;
        for (JsonNode s : json.get("Services")) {
            if (s.get("Name").asText().equals("xraystarter-py") && s.get("Type").asText().equals("AWS::Lambda")) {
                py = true;
                assertTrue(s.at("/SummaryStatistics/TotalCount").asLong() > 0);
            }
        }
        assertTrue(py, r.out());
    }

    @Test
    void theDemosDefaultWindowHoldsItsWholeStoryThePythonFaultAndTheFix() throws Exception {
        Run faults = run("--demo", "traces", "--filter", "service(\"xraystarter-py\") { fault }", "--output", "json");
        assertEquals(0, faults.exit(), faults.err());
        assertTrue(JSON.readTree(faults.out()).get("TraceSummaries").size() > 10, faults.out());
        Run healthy = run("--demo", "traces", "--filter", "service(\"xraystarter-py\") { ok }", "--output", "json");
        assertTrue(JSON.readTree(healthy.out()).get("TraceSummaries").size() > 10, "and after the fix: " + healthy.out());
    }

    @Test
    void aFilterWithASyntaxErrorNamesItsColumn() {
        Run r = run("--demo", "traces", "--filter", "responsetime >");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("column"), r.err());
    }

    @Test
    void exportWritesWhatFileReadsBack(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo.ndjson");
        Run export = run("--demo", "--seed", "4", "--since", "5m", "export", "--output", out.toString());
        assertEquals(0, export.exit(), export.err());
        assertTrue(Files.size(out) > 0);
        java.util.regex.Matcher wrote = java.util.regex.Pattern.compile("wrote (\\d+) traces").matcher(export.err());
        assertTrue(wrote.find(), export.err());
        int traces = Integer.parseInt(wrote.group(1));
        assertTrue(traces > 10, "five minutes of uploads every ~10 s: " + traces);
        Run back = run("--file", out.toString(), "traces", "--limit", "1000", "--output", "json");
        assertEquals(0, back.exit(), back.err());
        assertEquals(traces, JSON.readTree(back.out()).get("TraceSummaries").size(), "every exported trace reads back");
        Run logs = run("--file", out.toString(), "logs", JSON.readTree(back.out()).at("/TraceSummaries/0/Id").asText());
        assertTrue(logs.out().contains("REPORT"), "log lines are exported too: " + logs.out());
    }
}
