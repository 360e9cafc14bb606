package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.query.TimeWindow;
import io.xspy.graph.ServiceGraph;
import io.xspy.source.Page;
import io.xspy.source.TraceSource;
import io.xspy.source.demo.DemoSource;
import io.xspy.trace.LogLine;
import io.xspy.trace.TraceSummary;
import io.xspy.trace.Trace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How stats reads a source that charges for full traces (AWS): an even sample, with progress and a count. */
class TraceSampleTest {

    @Test
    void aPaidSourceIsSampledEvenlyWithProgressAndSaysNOfM() {
        List<Integer> batches = new ArrayList<>();
        DemoSource world = new DemoSource(1, Clock.fixed(StatsCommandTest.NOW, ZoneOffset.UTC));
        TraceSource demo = new TraceSource() { // what AWS would answer, counting the BatchGetTraces-like calls
            @Override public String describe() { return "paid"; }
            @Override public ServiceGraph serviceGraph(TimeWindow w) { return world.serviceGraph(w); }
            @Override public Page<TraceSummary> traceSummaries(TimeWindow w, String f, String token) {
                return world.traceSummaries(w, f, token);
            }
            @Override public List<Trace> traces(Collection<String> ids) {
                batches.add(ids.size());
                return world.traces(ids);
            }
            @Override public List<LogLine> logs(Trace trace) { return List.of(); }
        };
        TimeWindow window = new TimeWindow(world.historyStart(), StatsCommandTest.NOW);
        StringWriter err = new StringWriter();
        TraceSample sample = TraceSample.load(new CommandLine(new XspyCommand()), demo, window, null, 120, false,
                new PrintWriter(err, true), true);
        assertEquals(120, sample.traces().size());
        assertEquals(176, sample.matched());
        assertEquals(List.of(50, 50, 20), batches, "fetched in batches");
        assertTrue(err.toString().contains("\rxspy: fetching traces 100 of 120 (176 match)"), err.toString());
        assertTrue(err.toString().endsWith("xspy: 120 of 176 traces sampled\n"), err.toString());
        // spread over the window: from the newest to near the oldest
        double first = sample.traces().stream().mapToDouble(Trace::startTime).min().orElseThrow();
        assertTrue(first - window.startSeconds() < 30, "the sample reaches back to the window's start");
    }

    @Test
    void anEmbeddedSourceGivesEveryTraceAndSaysNothingOnStderr() {
        DemoSource demo = new DemoSource(1, Clock.fixed(StatsCommandTest.NOW, ZoneOffset.UTC));
        StringWriter err = new StringWriter();
        TraceSample sample = TraceSample.load(new CommandLine(new XspyCommand()), demo,
                new TimeWindow(demo.historyStart(), StatsCommandTest.NOW), null, 10, true, new PrintWriter(err, true), true);
        assertEquals(176, sample.traces().size());
        assertEquals("176 traces", sample.describe());
        assertEquals("", err.toString());
    }

    @Test
    void evenlyTakesEveryKthId() {
        List<String> ids = IntStream.range(0, 10).mapToObj(Integer::toString).toList();
        assertEquals(List.of("0", "2", "5", "7"), TraceSample.evenly(ids, 4));
        assertEquals(ids, TraceSample.evenly(ids, 10));
    }
}
