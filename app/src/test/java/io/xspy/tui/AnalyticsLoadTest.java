package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.graph.ServiceGraph;
import io.xspy.query.TimeWindow;
import io.xspy.source.Page;
import io.xspy.source.SourceException;
import io.xspy.source.TraceSource;
import io.xspy.stats.Split;
import io.xspy.trace.LogLine;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceSummary;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The Analytics screen's loads: a remote source is sampled with a progress line, and Esc cancels. */
class AnalyticsLoadTest {

    /** The fixtures as a remote source would serve them; full traces wait for {@link #release} when it is set. */
    static final class RemoteSource implements TraceSource {
        final FakeSource fake = FakeSource.world();
        volatile CountDownLatch release;
        final CountDownLatch interrupted = new CountDownLatch(1);

        @Override public String describe() { return "remote fixtures"; }
        @Override public boolean remote() { return true; }
        @Override public ServiceGraph serviceGraph(TimeWindow w) { return fake.serviceGraph(w); }
        @Override public Page<TraceSummary> traceSummaries(TimeWindow w, String f, String t) { return fake.traceSummaries(w, f, t); }
        @Override public List<LogLine> logs(Trace trace) { return fake.logs(trace); }

        @Override
        public List<Trace> traces(Collection<String> ids) {
            CountDownLatch r = release;
            if (r != null) {
                try {
                    r.await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw new SourceException("interrupted");
                }
            }
            return fake.traces(ids);
        }
    }

    @Test
    void aSampleIsSpreadEvenlyAndSaysSo() {
        FakeSource source = FakeSource.world();
        TimeWindow window = TimeWindow.last(TuiOptions.DEFAULT_WINDOW, Fixtures.CLOCK.instant());
        Loader.Progress progress = new Loader.Progress("", false);
        AnalyticsSample sample = AnalyticsSample.load(source, window, "", 10, progress);
        assertEquals(10, sample.traces().size());
        assertEquals(40, sample.matched());
        assertEquals("10 of 40 traces sampled", sample.describe());
        assertEquals("sampling: 0 of 10 traces read (40 match)", progress.text());
        assertEquals(List.of("a", "c", "e"), AnalyticsSample.evenly(List.of("a", "b", "c", "d", "e", "f"), 3));
    }

    @Test
    void aFirstPartAndItsRestGiveTheStatisticsOfAllTraces() {
        FakeSource source = FakeSource.world();
        TimeWindow window = TimeWindow.last(TuiOptions.DEFAULT_WINDOW, Fixtures.CLOCK.instant());
        AnalyticsScope scope = AnalyticsScope.ofFilter("");
        Loader.Progress progress = new Loader.Progress("", false);
        AnalyticsSample first = AnalyticsSample.first(source, window, "", 15, progress);
        assertEquals(20, first.traces().size(), "to the end of the page of 10 that reaches 15");
        assertTrue(!first.complete());
        assertEquals("newest 20 traces, reading the rest...", first.describe());
        AnalyticsSample rest = first.rest(source, window, "", progress);
        assertEquals(20, rest.traces().size());
        assertEquals("reading 0 of 20 traces", progress.text());

        AnalyticsData combined = AnalyticsData.complete(AnalyticsData.compute(first, scope, Split.COLD), rest, scope);
        AnalyticsData whole = AnalyticsData.compute(AnalyticsSample.load(source, window, "", progress), scope, Split.COLD);
        assertEquals("40 traces", combined.sample.describe());
        assertEquals(whole.sample.traces().stream().map(Trace::id).toList(), combined.sample.traces().stream().map(Trace::id).toList());
        assertEquals(whole.paths.stream().map(p -> p.path() + " " + p.count()).toList(),
                combined.paths.stream().map(p -> p.path() + " " + p.count()).toList());
        assertEquals(java.util.Arrays.toString(whole.p50), java.util.Arrays.toString(combined.p50));
        assertEquals(java.util.Arrays.toString(whole.p95), java.util.Arrays.toString(combined.p95));
        for (int i = 0; i < whole.paths.size(); i++) assertEquals(whole.paths.get(i).spans(), combined.paths.get(i).spans());

        AnalyticsSample few = AnalyticsSample.first(source, window, "", 100, progress);
        assertTrue(few.complete());
        assertEquals("40 traces", few.describe());
    }

    @Test
    void theNewestTracesShowFirstSayingTheRestAreReadAndThenAllOfThem() {
        java.util.ArrayDeque<Runnable> tasks = new java.util.ArrayDeque<>();
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), 100, 60, tasks::add)) {
            tasks.poll().run(); // the service map
            ui.step().tui.app().open(new AnalyticsScreen(AnalyticsScope.ofFilter(""), 15));
            tasks.poll().run(); // the newest traces
            String first = ui.step().screen();
            assertTrue(first.contains("newest 20 traces, reading the rest... │ split by cold"), first);
            assertTrue(first.contains("span path"), first);
            assertEquals(1, tasks.size(), "the rest, queued");
            String waiting = ui.keys("b").screen();
            assertTrue(waiting.contains("wait for the statistics of every trace"), waiting);
            tasks.poll().run(); // the rest
            String all = ui.step().screen();
            assertTrue(all.contains("40 traces │ split by cold"), all);
            assertTrue(all.contains("where the time goes: computing..."), all);
            assertEquals(1, tasks.size(), "then the breakdown");
            tasks.poll().run();
            assertTrue(!ui.step().screen().contains("computing..."), ui.screen());
        }
    }

    @Test
    void theRestFailingKeepsTheNewestTracesAndSaysSo() {
        java.util.ArrayDeque<Runnable> tasks = new java.util.ArrayDeque<>();
        FakeSource source = FakeSource.world();
        try (Harness ui = new Harness(source, Harness.options(), 100, 60, tasks::add)) {
            tasks.poll().run();
            ui.step().tui.app().open(new AnalyticsScreen(AnalyticsScope.ofFilter(""), 15));
            tasks.poll().run();
            ui.step();
            source.failure = new SourceException("throttled");
            tasks.poll().run(); // the rest fails
            String failed = ui.step().screen();
            assertTrue(failed.contains("reading the rest of the traces: throttled"), failed);
            assertTrue(failed.contains("newest 20 traces only (r reads all) │ split by cold"), failed);
            assertTrue(tasks.isEmpty(), "not tried again on every frame");
            source.failure = null;
            ui.keys("r");
            tasks.poll().run();
            ui.step();
            tasks.poll().run();
            assertTrue(ui.step().screen().contains("40 traces │ split by cold"), ui.screen());
        }
    }

    @Test
    void escGoesBackWhileTheRestIsRead() {
        java.util.ArrayDeque<Runnable> tasks = new java.util.ArrayDeque<>();
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), 100, 60, tasks::add)) {
            tasks.poll().run();
            ui.step().tui.app().open(new AnalyticsScreen(AnalyticsScope.ofFilter(""), 15));
            tasks.poll().run();
            assertTrue(ui.step().screen().contains("reading the rest..."), ui.screen());
            String back = ui.keys("Esc").screen();
            assertTrue(back.contains("Services") && !back.contains("span path") && !back.contains("load cancelled"), back);
        }
    }

    @Test
    void aRemoteLoadShowsItsProgressAndEscCancelsIt() throws InterruptedException {
        RemoteSource source = new RemoteSource();
        try (Harness ui = new Harness(source, Harness.options(), 80, 24, r -> new Thread(r, "load").start())) {
            ui.stepUntil(s -> s.contains("xraystarter-go"), "the services");
            source.release = new CountDownLatch(1);
            ui.keys("j", "j", "a");
            String loading = ui.stepUntil(s -> s.contains("sampling: 0 of 13 traces read (13 match) (Esc cancels)"), "the progress line");
            assertTrue(loading.contains("loading the traces for the statistics"), loading);
            ui.keys("Esc");
            source.interrupted.await();
            String cancelled = ui.stepUntil(s -> s.contains("load cancelled"), "the cancelled load");
            assertTrue(cancelled.contains("no statistics loaded (r reloads)"), cancelled);
            source.release.countDown();
            source.release = null;
            String loaded = ui.keys("r").stepUntil(s -> s.contains("13 traces │ split by cold"), "the statistics");
            assertTrue(loaded.contains("span path"), loaded);
        }
    }

    @Test
    void theStatisticsShowBeforeWhereTheTimeGoesAndEscStillGoesBack() {
        java.util.ArrayDeque<Runnable> tasks = new java.util.ArrayDeque<>();
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), 100, 60, tasks::add)) {
            tasks.poll().run(); // the service map
            ui.step().keys("j", "j", "a");
            tasks.poll().run(); // the statistics
            String first = ui.step().screen();
            assertTrue(first.contains("13 traces │ split by cold"), first);
            assertTrue(first.contains("where the time goes: computing..."), first);
            assertEquals(1, tasks.size(), "the breakdown waits its turn");
            tasks.poll().run();
            String then = ui.step().screen();
            assertTrue(then.contains("xraystarter-go: where the time goes (10 warm, 3 cold)"), then);
            assertTrue(!then.contains("computing..."), then);

            ui.keys("b");
            tasks.poll().run(); // split by the annotation "key", which the breakdown's pass found
            assertTrue(ui.step().screen().contains("split by annotation.key"), ui.screen());
        }
    }

    @Test
    void escGoesBackWhileWhereTheTimeGoesIsComputed() {
        java.util.ArrayDeque<Runnable> tasks = new java.util.ArrayDeque<>();
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), 100, 60, tasks::add)) {
            tasks.poll().run();
            ui.step().keys("j", "j", "a");
            tasks.poll().run();
            ui.step();
            assertEquals(1, tasks.size());
            String back = ui.keys("Esc").screen();
            assertTrue(back.contains("Services") && !back.contains("span path") && !back.contains("load cancelled"), back);
        }
    }
}
