package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.graph.ServiceGraph;
import io.xspy.query.TimeWindow;
import io.xspy.source.Page;
import io.xspy.source.SourceException;
import io.xspy.source.TraceSource;
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
