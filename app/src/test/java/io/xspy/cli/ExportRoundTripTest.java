package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.xspy.cli.CliTest.Run;
import io.xspy.testing.RequiredTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export never invents, never clobbers, and writes what --file reads back the same. */
class ExportRoundTripTest {
    @TempDir Path dir;

    static final String TRACE = "1-581cf771-a006649127e371903a2de979";
    static final String SUMMARY_ONLY = "1-581cf772-b006649127e371903a2de979";

    /** A Lambda trace whose log group is not in the file, a log line tied to no trace, and a summary-only trace. */
    private Path input() throws Exception {
        String lambda = "{\"id\":\"a000000000000001\",\"trace_id\":\"" + TRACE + "\",\"name\":\"resize\","
                + "\"origin\":\"AWS::Lambda::Function\",\"start_time\":1478293361.1,\"end_time\":1478293361.3,"
                + "\"aws\":{\"function_arn\":\"arn:aws:lambda:eu-central-1:123456789012:function:resize\"}}";
        String unrelated = "{\"logGroupName\":\"/aws/lambda/other\",\"logStreamName\":\"2016/11/04/[$LATEST]x\","
                + "\"timestamp\":1478293361200,\"message\":\"a line of no trace\"}";
        String summary = "{\"TraceSummaries\":[{\"Id\":\"" + SUMMARY_ONLY + "\",\"StartTime\":1478293362.0,\"Duration\":0.5,"
                + "\"ResponseTime\":0.4,\"HasFault\":true}]}";
        return Files.writeString(dir.resolve("in.ndjson"), lambda + "\n" + unrelated + "\n" + summary + "\n");
    }

    private static JsonNode traces(Run r) throws Exception {
        assertEquals(0, r.exit(), r.err());
        return CliTest.JSON.readTree(r.out()).get("TraceSummaries");
    }

    @Test
    void exportKeepsTracesSummariesAndLogLinesAndInventsNothing() throws Exception {
        Path in = input();
        Path out = dir.resolve("out.ndjson");
        Run export = CliTest.run("--file", in.toString(), "export", "--output", out.toString());
        assertEquals(0, export.exit(), export.err());
        String written = Files.readString(out);
        assertFalse(written.contains("not found"), "the screen's placeholder is no log event: " + written);
        assertTrue(export.err().contains("wrote 1 trace (1 segment document, 1 log event) and 1 trace summary"), export.err());

        JsonNode before = traces(CliTest.run("--file", in.toString(), "traces", "--output", "json"));
        JsonNode after = traces(CliTest.run("--file", out.toString(), "traces", "--output", "json"));
        assertEquals(before, after, "the same traces, summaries included");
        assertEquals(2, after.size());

        Path again = dir.resolve("again.ndjson");
        Run second = CliTest.run("--file", out.toString(), "export", "--output", again.toString());
        assertEquals(0, second.exit(), second.err());
        assertEquals(written, Files.readString(again), "a second round trip changes nothing");
    }

    @Test
    void anExistingFileIsNotOverwrittenWithoutForce() throws Exception {
        Path in = input();
        Path precious = Files.writeString(dir.resolve("precious.txt"), "keep me\n");
        Run refused = CliTest.run("--file", in.toString(), "export", "-o", precious.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("precious.txt already exists; add --force to replace it"), refused.err());
        assertEquals("keep me\n", Files.readString(precious));

        Run forced = CliTest.run("--file", in.toString(), "export", "-o", precious.toString(), "--force");
        assertEquals(0, forced.exit(), forced.err());
        assertTrue(Files.readString(precious).contains(TRACE));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("in.ndjson", "precious.txt"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file left behind");
        }
    }

    @Test
    void theExportHasTheUsualPermissionsAndAReplacedFileKeepsItsOwn() throws Exception {
        RequiredTool.require(dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "a file system without POSIX permissions");
        Path in = input();
        Path usual = Files.createFile(dir.resolve("usual"));
        Path fresh = dir.resolve("fresh.ndjson");
        assertEquals(0, CliTest.run("--file", in.toString(), "export", "-o", fresh.toString()).exit());
        assertEquals(Files.getPosixFilePermissions(usual), Files.getPosixFilePermissions(fresh), "not a private temporary file");

        Files.setPosixFilePermissions(fresh, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
        assertEquals(0, CliTest.run("--file", in.toString(), "export", "-o", fresh.toString(), "--force").exit());
        assertEquals("rw-rw----", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    }
}
