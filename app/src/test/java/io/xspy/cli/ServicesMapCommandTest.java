package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.graph.ServiceGraph;
import io.xspy.query.TimeWindow;
import io.xspy.source.demo.DemoSource;
import io.xspy.testing.GoldenFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code xspy services --map}: the demo's map at 80 and 160 columns, in Unicode and in ASCII. */
class ServicesMapCommandTest {

    /** The demo world at a fixed moment (the command line's demo runs on the wall clock). */
    private static final Instant NOW = Instant.parse("2026-11-26T14:52:00Z");

    @Test
    void theDemoMapAt80And160Columns() {
        ServiceGraph graph = demoGraph();
        GoldenFiles.check("cli", "services-map-demo-80.txt", print(graph, 80, false));
        GoldenFiles.check("cli", "services-map-demo-160.txt", print(graph, 160, false));
        String ascii = print(graph, 80, true);
        GoldenFiles.check("cli", "services-map-demo-80-ascii.txt", ascii);
        assertTrue(ascii.chars().allMatch(c -> c < 128), "ASCII only:\n" + ascii);
    }

    @Test
    void theCommandLinePrintsTheMap() {
        CliTest.Run r = CliTest.run("--demo", "services", "--map", "--width", "100");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("SNS::Topic") && r.out().contains("\u25B6") && r.out().contains("! fault"), r.out());
    }

    static ServiceGraph demoGraph() {
        try (DemoSource demo = new DemoSource(1, Clock.fixed(NOW, ZoneOffset.UTC))) {
            return demo.serviceGraph(new TimeWindow(demo.historyStart(), NOW));
        }
    }

    private static String print(ServiceGraph graph, int width, boolean ascii) {
        StringWriter out = new StringWriter();
        try (PrintWriter w = new PrintWriter(out)) {
            ServiceMapPrinter.print(w, graph, width, false, ascii);
        }
        return out.toString();
    }

    @Test
    void theDemoMapFitsAnEightyByTwentyFourTerminal() {
        List<String> lines = CliTest.run("--demo", "services", "--map", "--width", "80").out().lines().toList();
        assertTrue(lines.size() <= 24, lines.size() + " rows");
        assertTrue(lines.stream().allMatch(l -> l.codePointCount(0, l.length()) <= 80), String.join("\n", lines));
    }

    @Test
    void theMapRunsFromTheBucketThroughTheTopicAndTheFunctionsToDynamoDb() {
        String out = CliTest.run("--demo", "services", "--map", "--width", "160").out();
        List<String> lines = out.lines().toList();
        int bucket = column(lines, "S3::Bucket");
        int topic = column(lines, "SNS::Topic");
        int lambda = column(lines, "Lambda ");
        int function = column(lines, "Lambda::Function");
        int table = column(lines, "DynamoDB::Table");
        assertTrue(bucket < topic && topic < lambda && lambda < function && function < table, out);
        for (String fn : List.of("xraystarter-go", "xraystarter-py", "xraystarter-ts")) assertEquals(2, count(out, fn), out);
    }

    @Test
    void thePythonFunctionsFaultIsVisibleWithoutColour() {
        List<String> lines = CliTest.run("--demo", "--no-color", "services", "--map", "--width", "80").out().lines().toList();
        // the box under the name "…er-py" of type Lambda::Function has the fault mark on its third line
        for (int y = 0; y < lines.size(); y++) {
            for (int x = lines.get(y).indexOf("er-py\u2502"); x >= 0; x = lines.get(y).indexOf("er-py\u2502", x + 1)) {
                int left = lines.get(y).lastIndexOf('\u2502', x);
                if (!lines.get(y + 1).substring(left + 1).startsWith("Lambda::Fun")) continue;
                assertTrue(lines.get(y + 2).substring(left + 1).startsWith("! "), String.join("\n", lines));
                return;
            }
        }
        throw new AssertionError("no box of the Python function:\n" + String.join("\n", lines));
    }

    @Test
    void colourIsOnlyWhereAsked() {
        assertTrue(CliTest.run("--demo", "--no-color", "services", "--map").out().chars().noneMatch(c -> c == 0x1B));
    }

    private static int column(List<String> lines, String text) {
        for (String l : lines) if (l.contains(text)) return l.indexOf(text);
        throw new AssertionError("no " + text + " in\n" + String.join("\n", lines));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }
}
