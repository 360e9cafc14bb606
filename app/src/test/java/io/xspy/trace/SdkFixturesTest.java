package io.xspy.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.timeline.AnsiText;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.TimelineLayout;
import io.xspy.timeline.TimelineOptions;
import io.xspy.timeline.TimelineRenderer;
import io.xspy.timeline.TimelineRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Segments captured from the real X-Ray SDKs (one directory per runtime): they parse, assemble and render. */
class SdkFixturesTest {

    static final Path DIR = Path.of("src/test/resources/sdk-segments");

    @TestFactory
    Stream<DynamicTest> everySdkFixture() throws IOException {
        List<Path> fixtures;
        try (Stream<Path> dirs = Files.list(DIR)) {
            fixtures = dirs.map(d -> d.resolve("segments.ndjson")).filter(Files::exists).sorted().toList();
        }
        assertFalse(fixtures.isEmpty(), "no fixtures under " + DIR.toAbsolutePath());
        return fixtures.stream().map(f -> DynamicTest.dynamicTest(f.getParent().getFileName().toString(), () -> check(f)));
    }

    private static void check(Path file) throws IOException {
        String text = Files.readString(file);
        ParseResult parsed = SegmentDocuments.parse(text, file.toString());
        long lines = text.lines().filter(l -> !l.isBlank()).count();
        assertEquals(lines, parsed.segments().size(), "every line is a document: " + parsed.diagnostics());
        List<Trace> traces = TestTraces.traces(text, file.toString());
        boolean putItem = false;
        for (Trace trace : traces) {
            List<TimelineRow> rows = TimelineLayout.rows(trace, Set.of());
            assertEquals(trace.nodeCount(), rows.size());
            for (TimelineRow r : rows) {
                Segment s = r.segment();
                if (s.name().toLowerCase(Locale.ROOT).equals("dynamodb") && "PutItem".equals(s.aws().operation())) {
                    putItem = true;
                    assertTrue(r.label().contains("PutItem"), r.label());
                }
            }
            for (boolean ascii : new boolean[] {false, true}) {
                Canvas c = TimelineRenderer.render(trace, rows, TimelineOptions.full(100, ascii));
                String out = AnsiText.of(c, true);
                assertEquals(rows.size() + 1, c.height());
                assertTrue(out.contains("PutItem") || rows.stream().noneMatch(r -> r.label().contains("PutItem")), out);
            }
        }
        assertTrue(putItem, "a DynamoDB PutItem node in " + file);
    }
}
