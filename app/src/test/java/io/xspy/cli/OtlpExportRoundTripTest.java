package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.cli.CliTest.Run;
import io.xspy.source.otel.OtlpJson;
import io.xspy.source.otel.Spans;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export --format otlp writes OTLP JSON that --file reads back to the same timeline. */
class OtlpExportRoundTripTest {
    @TempDir Path dir;

    private static final String OTEL_TRACE = "1-5759e988-bd862e3fe1be46a994272793";

    private static String timeline(Path file, String traceId) {
        Run r = CliTest.run("--file", file.toString(), "--ascii", "trace", traceId, "--width", "110");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        return r.out();
    }

    private Path export(Path in, String name) {
        Path out = dir.resolve(name);
        Run r = CliTest.run("--file", in.toString(), "export", "--format", "otlp", "--output", out.toString());
        assertEquals(0, r.exit(), r.err());
        return out;
    }

    @Test
    void otlpJsonThroughTheStoreAndBackGivesTheSameTimeline() throws Exception {
        Path in = Files.writeString(dir.resolve("spans.json"), OtlpJson.write(Spans.checkout()) + "\n");
        String before = timeline(in, OTEL_TRACE);
        assertTrue(before.contains("DynamoDB"), before);
        Path out = export(in, "out.json");
        assertTrue(Files.readString(out).startsWith("{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\""),
                Files.readString(out));
        assertEquals(before, timeline(out, OTEL_TRACE));
        Path again = export(out, "again.json");
        assertEquals(Files.readString(out), Files.readString(again), "a second round trip changes nothing");
    }

    @Test
    void xraySegmentDocumentsBecomeSpansWithTheSameTimeline() throws Exception {
        Path in = Path.of(CliTest.BLOG);
        Path out = export(in, "blog.json");
        assertEquals(timeline(in, CliTest.BLOG_TRACE), timeline(out, CliTest.BLOG_TRACE));
    }
}
