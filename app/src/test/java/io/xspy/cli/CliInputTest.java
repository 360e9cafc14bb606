package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.cli.CliTest.Run;
import io.xspy.testing.RequiredTool;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line says about bad options and odd names: usage errors, sanitized echoes. */
class CliInputTest {
    @TempDir Path dir;

    static final String TRACE = "1-581cf771-a006649127e371903a2de979";

    @Test
    void aNegativeLimitIsAUsageError() {
        Run r = CliTest.run("--file", CliTest.BLOG, "traces", "--limit", "-1");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("xspy: --limit: must be at least 1, not -1"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void anAddressThatCannotBeResolvedIsAUsageErrorInWords() {
        Run r = CliTest.run("--listen", "999.0.0.1:5", "traces");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("xspy: --listen \"999.0.0.1:5\": cannot resolve host 999.0.0.1"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void exportSanitizesTheFileNameItEchoes() {
        Path out = dir.resolve("evil\u001b]0;owned\u0007.ndjson");
        Run r = CliTest.run("--file", CliTest.BLOG, "export", "--output", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.exists(out));
        assertTrue(r.err().contains("wrote 1 trace"), r.err());
        assertFalse(r.err().contains("\u001b") || r.err().contains("\u0007"), "no raw ESC or BEL: " + r.err());
    }

    @Test
    void fileDiagnosticsAreSanitized() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad\u001b[31m.ndjson"), "not json \u001b[2J\n");
        Run r = CliTest.run("--file", bad.toString(), "traces");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("bad"), r.err());
        assertFalse(r.err().contains("\u001b"), "no raw ESC: " + r.err());
    }

    @Test
    void oneBadByteLosesNeitherItsFileNorTheOthers() throws Exception {
        byte[] good = Files.readAllBytes(Path.of(CliTest.BLOG));
        Path other = Files.write(dir.resolve("other.json"), good);
        byte[] broken = ("{\"id\":\"a\",\"trace_id\":\"" + TRACE + "\",\"name\":\"caf#\",\"start_time\":1478293361.1,"
                + "\"end_time\":1478293361.2}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        broken[new String(broken, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf('#')] = (byte) 0xC3; // a lead byte alone
        Path bad = Files.write(dir.resolve("bad.ndjson"), broken);
        Run r = CliTest.run("--file", bad.toString(), "--file", other.toString(), "traces", "--output", "json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("bad.ndjson: line 1: bytes that are not UTF-8"), r.err());
        assertTrue(r.out().contains(CliTest.BLOG_TRACE), "the other file is kept: " + r.out());
        assertTrue(r.out().contains(TRACE), "and the bad file's document: " + r.out());
    }

    @Test
    void devZeroEndsWithOneClearLine() {
        RequiredTool.require(Files.isReadable(Path.of("/dev/zero")), "no /dev/zero to read");
        Run r = CliTest.run("--file", "/dev/zero", "traces");
        assertEquals(0, r.exit(), r.err());
        assertEquals("xspy: warning: zero: line 1: binary data (a NUL byte), not JSON text; the rest of the input is not read\n",
                r.err());
    }

    @Test
    void tracesBeyondMaxTracesAreCountedOnStderr() throws Exception {
        java.io.StringWriter text = new java.io.StringWriter();
        io.xspy.source.local.ManyTraces.write(text, 30);
        Path many = Files.writeString(dir.resolve("many.ndjson"), text.toString());
        Run r = CliTest.run("--file", many.toString(), "--max-traces", "10", "traces", "--output", "json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("many.ndjson: more traces than --max-traces 10: kept the last 10 read, dropped 20"), r.err());
    }

    @Test
    void aFileOfTraceSummariesOnlyIsListedWholeByDefault() throws Exception {
        Path summaries = Files.writeString(dir.resolve("summaries.json"), "{\"TraceSummaries\": [{\"Id\": \"" + TRACE
                + "\", \"StartTime\": 1478293361.1, \"Duration\": 0.5, \"ResponseTime\": 0.4, \"HasFault\": true}],"
                + " \"ApproximateTime\": 1478293400, \"TracesProcessedCount\": 1}");
        Run r = CliTest.run("--file", summaries.toString(), "traces", "--output", "json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(TRACE), "a file's window is all of it, summaries too: " + r.out());
    }

    @Test
    void optionValuesEchoedInErrorsAreSanitized() {
        for (String[] args : new String[][] {
                {"--file", CliTest.BLOG, "--since", "1\u001b[2J\u202e", "traces"},
                {"--file", CliTest.BLOG, "--until", "x\u001b]0;t\u0007", "traces"},
                {"--file", CliTest.BLOG, "traces", "--filter", "annotation.\u202e\u001b[31m = "}}) {
            Run r = CliTest.run(args);
            assertEquals(2, r.exit(), String.join(" ", args) + " => " + r.err());
            assertTrue(r.err().chars().noneMatch(c -> c == 0x1b || c == 0x07 || c == 0x202e), "sanitized: " + r.err());
        }
    }
}
