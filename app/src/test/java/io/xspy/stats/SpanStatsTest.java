package io.xspy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.query.Filter;
import io.xspy.query.FilterParser;
import io.xspy.trace.Trace;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SpanStatsTest {
    static final List<Trace> DEMO = DemoTraces.all();
    static final SpanPath GO_DYNAMO = SpanPath.of("xraystarter-go", "Invocation", "write-items", "DynamoDB PutItem");

    @Test
    void theGoFunctionsDynamoDbCallIsColdAbout81msAndWarm4To32ms() {
        SpanStats stats = SpanStats.compute(DEMO, Filter.ALL, SpanSelector.of("DynamoDB"), Split.COLD);
        PathStats go = stats.path(GO_DYNAMO);
        assertNotNull(go, "paths: " + stats.paths().stream().map(PathStats::path).toList());
        Group cold = go.group("cold");
        Group warm = go.group("warm");
        assertEquals(List.of("cold", "warm"), go.groups().stream().map(Group::key).toList());
        assertTrue(cold.count() >= 1 && warm.count() > 50, cold.count() + " cold, " + warm.count() + " warm");
        assertEquals(0.081, cold.durations().percentile(50), 0.006);
        assertTrue(warm.durations().min() >= 0.004 && warm.durations().max() <= 0.032, "warm " + warm.durations().min()
                + ".." + warm.durations().max());
        assertEquals(go.all().count(), cold.count() + warm.count());
        assertEquals(DEMO.size(), stats.traces());
        // a substring selects each runtime's call, whatever its SDK calls it
        Set<String> services = stats.paths().stream().map(p -> p.path().service()).collect(Collectors.toSet());
        assertEquals(Set.of("xraystarter-go", "xraystarter-py", "xraystarter-ts"), services);
    }

    @Test
    void pathsNameTheServiceTheChainAndTheLambdaPhases() {
        SpanStats stats = SpanStats.compute(DEMO, FilterParser.parse("service(\"xraystarter-go\")"), SpanSelector.ALL,
                Split.NONE);
        Set<String> paths = stats.paths().stream().map(p -> p.path().toString()).collect(Collectors.toSet());
        for (String expected : List.of("xraystarter-go", "xraystarter-go \u203A (function)",
                "xraystarter-go \u203A Dwell Time", "xraystarter-go \u203A Attempt #1",
                "xraystarter-go \u203A Initialization", "xraystarter-go \u203A Invocation",
                "xraystarter-go \u203A Overhead", GO_DYNAMO.toString())) {
            assertTrue(paths.contains(expected), expected + " in " + paths);
        }
        assertTrue(stats.paths().get(0).groups().isEmpty(), "no split, no groups");
    }

    @Test
    void aWholePathSelectsThatPathAloneTypedWithEitherSeparator() {
        SpanStats stats = SpanStats.compute(DEMO, Filter.ALL,
                SpanSelector.of("xraystarter-go > Invocation"), Split.NONE);
        assertEquals(List.of(SpanPath.of("xraystarter-go", "Invocation")), stats.paths().stream().map(PathStats::path).toList());
    }

    @Test
    void splitByAnnotationReadsItAboveOrInTheSameDocument() {
        SpanStats stats = SpanStats.compute(DEMO, Filter.ALL, SpanSelector.of("Invocation"), Split.annotation("runtime"));
        PathStats goInvocation = stats.path(SpanPath.of("xraystarter-go", "Invocation"));
        // the Go SDK annotates the write below the invocation; the Python invocations that failed have none
        assertEquals(List.of("go"), goInvocation.groups().stream().map(Group::key).toList());
        PathStats py = stats.path(SpanPath.of("xraystarter-py", "Invocation"));
        assertEquals(Set.of("py", Split.NO_VALUE), py.groups().stream().map(Group::key).collect(Collectors.toSet()));
        SpanStats runtime = SpanStats.compute(DEMO, Filter.ALL, SpanSelector.of("DynamoDB"), Split.RUNTIME);
        assertEquals("ts", runtime.path(SpanPath.of("xraystarter-ts", "Invocation", "handler", "write-item",
                "DynamoDB PutItem")).groups().get(0).key());
        SpanStats version = SpanStats.compute(DEMO, Filter.ALL, SpanSelector.of("DynamoDB"), Split.VERSION);
        assertEquals("$LATEST", version.path(GO_DYNAMO).groups().get(0).key());
    }

    @Test
    void thePythonFunctionFaultsUntilItsFixAndNotAfter() {
        SpanStats stats = SpanStats.compute(DEMO, Filter.ALL, SpanSelector.of("xraystarter-py \u203A (function)"),
                Split.NONE);
        PathStats py = stats.paths().get(0);
        double fix = DemoTraces.FIX.getEpochSecond();
        for (SpanRow row : py.spans()) {
            // the fix applies to invocations from its moment on; a function starts a dwell time later
            if (Math.abs(row.start() - fix) > 1) assertEquals(row.start() < fix, row.fault(), row.toString());
        }
        assertTrue(py.all().faults() > 0 && py.all().faults() < py.all().count());
    }

    @Test
    void seriesPerMinuteShowsTheFixAsAStep() {
        SpanStats stats = SpanStats.compute(DEMO, Filter.ALL, SpanSelector.of("xraystarter-py \u203A (function)"),
                Split.NONE);
        PathStats py = stats.paths().get(0);
        double from = DemoTraces.FIX.getEpochSecond() - 600;
        double[] p50 = py.series(Group.ALL, 50, from, 60, 20);
        assertTrue(p50[2] > 0.5, "broken: init and a retried init " + p50[2]);
        assertTrue(p50[15] < 0.2, "fixed " + p50[15]);
    }

    @Test
    void aLargeSetWalkedInParallelChunksGivesWhatOneWalkGives() {
        List<Trace> many = new java.util.ArrayList<>();
        while (many.size() < SpanStats.PARALLEL_FROM + SpanStats.CHUNK / 2) many.addAll(DEMO);
        Iterable<Trace> oneByOne = many::iterator; // not a list: one walk
        for (Split split : List.of(Split.COLD, Split.annotation("runtime"))) {
            SpanStats parallel = SpanStats.compute(many, Filter.ALL, SpanSelector.of("Invocation"), split);
            SpanStats sequential = SpanStats.compute(oneByOne, Filter.ALL, SpanSelector.of("Invocation"), split);
            assertEquals(sequential.traces(), parallel.traces());
            assertEquals(sequential.paths().size(), parallel.paths().size());
            for (int i = 0; i < sequential.paths().size(); i++) {
                PathStats a = sequential.paths().get(i);
                PathStats b = parallel.paths().get(i);
                assertEquals(a.path(), b.path());
                assertEquals(a.groups().stream().map(g -> g.key() + g.count() + ":" + g.durations().percentile(95)).toList(),
                        b.groups().stream().map(g -> g.key() + g.count() + ":" + g.durations().percentile(95)).toList());
                assertEquals(a.spans(), b.spans());
            }
        }
    }

    @Test
    void aFirstPartCombinedWithTheRestGivesWhatOneWalkOverAllGives() {
        int cut = DEMO.size() / 3;
        for (Split split : List.of(Split.COLD, Split.annotation("runtime"), Split.NONE)) {
            for (SpanSelector selector : List.of(SpanSelector.ALL, SpanSelector.of("DynamoDB"))) {
                SpanStats whole = SpanStats.compute(DEMO, Filter.ALL, selector, split);
                SpanStats combined = SpanStats.combine(SpanStats.compute(DEMO.subList(0, cut), Filter.ALL, selector, split),
                        SpanStats.compute(DEMO.subList(cut, DEMO.size()), Filter.ALL, selector, split));
                assertEquals(whole.traces(), combined.traces());
                assertEquals(whole.paths().stream().map(PathStats::path).toList(), combined.paths().stream().map(PathStats::path).toList());
                for (int i = 0; i < whole.paths().size(); i++) {
                    PathStats a = whole.paths().get(i);
                    PathStats b = combined.paths().get(i);
                    assertEquals(a.count(), b.count());
                    assertEquals(summary(a.all()), summary(b.all()));
                    assertEquals(a.groups().stream().map(SpanStatsTest::summary).toList(), b.groups().stream().map(SpanStatsTest::summary).toList());
                    assertEquals(a.spans(), b.spans());
                    assertEquals(a.firstStart(), b.firstStart());
                    assertEquals(a.lastStart(), b.lastStart());
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> SpanStats.combine(SpanStats.compute(DEMO, Filter.ALL, SpanSelector.ALL, Split.COLD),
                SpanStats.compute(DEMO, Filter.ALL, SpanSelector.ALL, Split.NONE)));
    }

    private static String summary(Group g) {
        Distribution d = g.durations();
        return g.key() + " n=" + g.count() + " min=" + d.min() + " p50=" + d.percentile(50) + " p99=" + d.percentile(99)
                + " max=" + d.max() + " mean=" + d.mean() + " faults=" + g.faults() + " errors=" + g.errors()
                + " under 10ms=" + d.countBetween(0, 0.010);
    }

    @Test
    void parsesSplitsAndRefusesOthersInWords() {
        assertEquals(Split.COLD, Split.parse("cold"));
        assertEquals(Split.annotation("key"), Split.parse("annotation.key"));
        assertEquals(Split.NONE, Split.parse(null));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Split.parse("colour"));
        assertTrue(e.getMessage().contains("cold, annotation.NAME, version or runtime"), e.getMessage());
    }
}
