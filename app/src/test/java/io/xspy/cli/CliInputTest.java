package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line says about bad options and odd names: usage errors, sanitized echoes. */
class CliInputTest {
    @TempDir Path dir;

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
        assertTrue(r.err().startsWith("xspy: --listen: cannot listen on 999.0.0.1:5: not a valid address"), r.err());
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
}
