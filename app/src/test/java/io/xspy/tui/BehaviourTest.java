package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.query.FilterParser;
import io.xspy.query.FilterSyntaxException;
import io.xspy.source.SourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the UI does beyond the walk: errors, prompts, loads in flight, resizing, paging. */
class BehaviourTest {

    @Test
    void timeWindowPickerAndCustomSpanChangeTheWindowAndFollowToggles() {
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), 100, 30)) {
            assertTrue(ui.screen().lines().findFirst().orElseThrow().contains("last 15m"), ui.screen());
            ui.keys("t");
            assertTrue(ui.screen().contains("time window (ending now)"), ui.screen());
            ui.keys("j", "Enter");
            assertTrue(ui.screen().lines().findFirst().orElseThrow().contains("last 1h"), ui.screen());
            ui.keys("t", "G", "Enter");
            assertTrue(ui.screen().contains("window (e.g. 90s, 30m, 2h, 1d)>"), "custom asks for a span: " + ui.screen());
            ui.keys("Ctrl-U").type("45m").keys("Enter");
            assertTrue(ui.screen().lines().findFirst().orElseThrow().contains("last 45m"), ui.screen());
            ui.keys("F");
            assertTrue(ui.screen().contains("follow on"), ui.screen());
            ui.keys("F");
            assertTrue(ui.screen().contains("follow off"), ui.screen());
        }
    }

    @Test
    void theSourcesOwnStatusShowsInTheStatusLineAfterALoad() {
        FakeSource source = FakeSource.world();
        source.status = "AWS throttled 2 requests; retrying slower";
        try (Harness ui = new Harness(source, Harness.options(), 80, 24)) {
            assertTrue(ui.screen().contains("AWS throttled 2 requests; retrying slower"), ui.screen());
            source.failure = new SourceException("socket closed");
            ui.keys("r");
            assertTrue(ui.screen().contains("! socket closed"), "an error outranks the source's status: " + ui.screen());
        }
    }

    @Test
    void theStatusLineFollowsTheSourcesCountersWithoutAKey() {
        FakeSource source = FakeSource.world();
        source.status = "udp: 3 datagrams";
        try (Harness ui = new Harness(source, Harness.options(), 100, 30)) {
            assertTrue(ui.screen().contains("udp: 3 datagrams"), ui.screen());
            ui.keys("/", "Enter");
            int calls = source.summaryCalls;
            source.status = "udp: 9 datagrams, 2 dropped \u00B7 4 traces evicted";
            ui.tick();
            assertTrue(ui.screen().contains("udp: 9 datagrams, 2 dropped \u00B7 4 traces evicted"), ui.screen());
            assertEquals(calls, source.summaryCalls, "a source that is not live is not reloaded");
        }
    }

    @Test
    void aLiveSourcesNewTracesAppearWithoutAKeyAndTheSelectionStays() {
        Fixtures f = new Fixtures(41);
        FakeSource source = new FakeSource(f.ndjson(), f.logs(), 10);
        source.live = true;
        io.xspy.trace.Trace newest = source.traces.remove(Fixtures.traceId(40)); // arrives later
        try (Harness ui = new Harness(source, Harness.options(), 120, 30)) {
            ui.keys("/", "Enter", "j", "j");
            Views.Traces list = (Views.Traces) ui.tui.app().top();
            String chosen = list.current().id();
            assertTrue(ui.screen().contains("40 traces"), ui.screen());
            int first = list.first;

            source.traces.put(newest.id(), newest);
            ui.tick(); // the reload runs (on the calling thread here) and is drawn
            assertTrue(ui.screen().contains("41 traces"), ui.screen());
            assertEquals(newest.id(), list.items.get(0).id(), "the new trace is listed first");
            assertEquals(chosen, list.current().id(), "the same trace stays selected");
            assertEquals(first, list.first, "the list does not scroll");
            assertFalse(ui.screen().contains("(Esc cancels)"), "a live reload shows no progress line");

            ui.keys("Esc");
            source.traces.remove(newest.id());
            ui.tick();
            assertTrue(ui.screen().contains("xraystarter-go"), ui.screen());
            ui.keys("Esc");
            assertFalse(ui.tui.quitRequested());
            assertTrue(ui.screen().contains("q quits"), "Esc means back, not cancel a live reload: " + ui.screen());
        }
    }

    @Test
    void aLiveReloadThatFailsOnceDoesNotFreezeTheStatusLine() {
        FakeSource source = FakeSource.world();
        source.live = true;
        source.status = "udp: 3 datagrams";
        try (Harness ui = new Harness(source, Harness.options(), 100, 30)) {
            source.failure = new SourceException("the store is busy");
            ui.tick();
            assertTrue(ui.screen().contains("the store is busy"), "a failing live reload says so: " + ui.screen());
            source.failure = null;
            source.status = "udp: 5 datagrams";
            ui.tick();
            assertFalse(ui.screen().contains("the store is busy"), "the next live reload that works clears it: " + ui.screen());
            assertTrue(ui.screen().contains("udp: 5 datagrams"), ui.screen());
            source.status = "udp: 8 datagrams";
            ui.tick();
            assertTrue(ui.screen().contains("udp: 8 datagrams"), "the counters follow again: " + ui.screen());
        }
    }

    @Test
    void failingSourceShowsItsMessageInTheStatusLineAndStaysUsable() {
        FakeSource source = FakeSource.world();
        source.failure = new SourceException("AccessDeniedException: not authorized to perform xray:GetServiceGraph");
        try (Harness ui = new Harness(source, Harness.options(), 80, 24)) {
            String screen = ui.screen();
            assertTrue(screen.lines().anyMatch(l -> l.startsWith("! AccessDeniedException: not authorized")), screen);
            source.failure = null;
            ui.keys("r");
            assertTrue(ui.screen().contains("xraystarter-py"), ui.screen());
            assertFalse(ui.screen().contains("AccessDenied"), ui.screen());
            source.failure = new IllegalStateException("socket closed");
            ui.keys("Enter");
            assertTrue(ui.screen().contains("! socket closed"), ui.screen());
            assertTrue(ui.screen().contains("Services"), ui.screen());
            ui.keys("Esc", "j");
            assertFalse(ui.tui.quitRequested());
        }
    }

    @Test
    void filterPromptShowsTheSyntaxErrorUnderItsColumnAndKeepsTheText() {
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), 80, 24)) {
            ui.keys("/").type("service(\"x\"");
            ui.keys("Enter");
            String screen = ui.screen();
            List<String> lines = screen.lines().toList();
            assertEquals("filter> service(\"x\"", lines.get(23), screen);
            int caret = lines.get(22).indexOf('^');
            int column = assertThrows(FilterSyntaxException.class, () -> FilterParser.parse("service(\"x\"")).column();
            assertEquals("filter> ".length() + column - 1, caret, screen);
            // the caret stands under its column; the message wraps on the rows above it, never cut
            assertTrue(String.join(" ", lines.subList(19, 23)).contains("expected \")\""), screen);
            ui.keys(")", "Esc");
            assertFalse(ui.screen().contains("filter>"), ui.screen());
            // a valid expression is loaded, remembered, and recalled with the up arrow
            ui.keys("/").type("fault");
            ui.keys("Enter");
            assertTrue(ui.screen().contains("filter fault"), ui.screen());
            assertTrue(ui.screen().contains("fault "), ui.screen());
            ui.keys("/", "Ctrl-U", "Up");
            assertTrue(ui.screen().lines().anyMatch(l -> l.equals("filter> fault")), ui.screen());
        }
    }

    @Test
    void commandLineOpensTracesAndServicesAndQuits() {
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), 100, 30)) {
            ui.keys(":").type("trace " + Fixtures.traceId(4));
            ui.keys("Enter");
            assertTrue(ui.screen().contains("Initialization") || ui.screen().contains("Invocation"), ui.screen());
            ui.keys(":").type("service nosuch");
            ui.keys("Enter");
            assertTrue(ui.screen().contains("no service named \"nosuch\""), ui.screen());
            ui.keys("Ctrl-U").type("bogus");
            ui.keys("Enter");
            assertTrue(ui.screen().contains("unknown command \"bogus\""), ui.screen());
            ui.keys("Esc", ":").type("q");
            ui.keys("Enter");
            assertTrue(ui.tui.quitRequested());
        }
    }

    /** An executor that holds tasks until the test runs them: a load in flight. */
    static final class Held implements Executor {
        final List<Runnable> tasks = new ArrayList<>();

        @Override public void execute(Runnable r) { tasks.add(r); }

        void runAll() {
            List<Runnable> now = new ArrayList<>(tasks);
            tasks.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void loadsShowProgressAndEscCancelsThem() {
        Held held = new Held();
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), 80, 24, held)) {
            assertTrue(ui.screen().contains("loading the service map (Esc cancels)"), ui.screen());
            ui.keys("Esc");
            held.runAll();
            ui.step();
            assertTrue(ui.screen().contains("load cancelled"), ui.screen());
            assertFalse(ui.screen().contains("xraystarter"), "a cancelled result is dropped");
            ui.keys("r");
            held.runAll();
            ui.step();
            assertTrue(ui.screen().contains("xraystarter-go"), ui.screen());
        }
    }

    @Test
    void escInterruptsAHungLoadAndTheNextLoadDoesNotWaitForIt() throws Exception {
        FakeSource source = FakeSource.world();
        CountDownLatch release = new CountDownLatch(1);
        source.stallNext = release; // the service map's call hangs and ignores interrupts, as a stuck socket may
        // null: the UI's own loader threads, as in production
        try (Harness ui = new Harness(source, Harness.options(), 100, 30, null)) {
            assertTrue(source.stalled.await(60, TimeUnit.SECONDS), "the first load reached the source");
            ui.stepUntil(s -> s.contains("loading the service map"), "the progress line");
            ui.keys("Esc");
            assertTrue(ui.screen().contains("load cancelled"), ui.screen());
            assertTrue(source.interruptedWhileStalled.await(60, TimeUnit.SECONDS), "Esc interrupts the running call");
            ui.keys("r");
            String screen = ui.stepUntil(s -> s.contains("xraystarter-go"), "the service map, loaded past the hung call");
            assertEquals(1, release.getCount(), "the first call is still hung: " + screen);
            release.countDown();
        }
    }

    @Test
    void tracesLoadInPagesWithProgressAndMoreWhenScrolledDown() {
        Fixtures f = new Fixtures(300, 1.5);
        FakeSource source = new FakeSource(f.ndjson(), f.logs(), 25);
        try (Harness ui = new Harness(source, Harness.options().withWindow(java.time.Duration.ofHours(6)), 80, 24)) {
            ui.keys("/").type("");
            ui.keys("Enter");
            assertTrue(ui.screen().contains("100+ traces"), ui.screen());
            assertEquals(4, source.summaryCalls);
            ui.keys("G");
            assertTrue(ui.screen().contains("200+ traces"), ui.screen());
            ui.keys("G", "G");
            assertTrue(ui.screen().contains("300 traces"), ui.screen());
            assertTrue(ui.screen().contains("all loaded"), ui.screen());
        }
    }

    @Test
    void sortCyclesOverEveryMatchingTraceAndKeepsTheSelection() {
        Fixtures f = new Fixtures(300, 1.5);
        FakeSource source = new FakeSource(f.ndjson(), f.logs(), 25);
        try (Harness ui = new Harness(source, Harness.options().withWindow(java.time.Duration.ofHours(6)), 120, 30)) {
            ui.keys("/", "Enter", "j", "j", "j");
            Views.Traces list = (Views.Traces) ui.tui.app().top();
            assertEquals(App.PAGE_TARGET, list.items.size(), "one page loaded before sorting");
            String chosen = list.current().id();
            List<io.xspy.trace.TraceSummary> all = source.traces.values().stream().map(io.xspy.trace.TraceSummary::of).toList();

            ui.keys("s");
            assertTrue(ui.screen().contains("sorted by duration"), ui.screen());
            assertEquals(sorted(all, Views.Sort.DURATION), ids(list.items), "every matching trace, not the first page");
            assertEquals(chosen, list.current().id(), "the same trace stays selected");
            assertTrue(ui.screen().contains("300 traces"), ui.screen());

            ui.keys("s", "s");
            assertTrue(ui.screen().contains("sorted by status"), ui.screen());
            assertEquals(sorted(all, Views.Sort.STATUS), ids(list.items));
            assertEquals(chosen, list.current().id(), "the same trace stays selected");
            ui.keys("s");
            assertEquals(sorted(all, Views.Sort.TIME), ids(list.items));
            assertEquals(chosen, list.current().id(), "the same trace stays selected");
            ui.keys("s", "g");
            String top = ui.screen().lines().toList().get(3);
            assertTrue(top.contains(Fmt.duration(all.stream().mapToDouble(io.xspy.trace.TraceSummary::duration).max().orElseThrow(), false)),
                    "the longest trace of all is first: " + top);
        }
    }

    @Test
    void sortingSaysWhileItLoadsTheRest() {
        Held held = new Held();
        Fixtures f = new Fixtures(300, 1.5);
        FakeSource source = new FakeSource(f.ndjson(), f.logs(), 25);
        try (Harness ui = new Harness(source, Harness.options().withWindow(java.time.Duration.ofHours(6)), 120, 30, held)) {
            held.runAll();
            ui.keys("/", "Enter");
            held.runAll();
            ui.keys("s");
            assertTrue(ui.screen().contains("loading every matching trace to sort by duration (Esc cancels)"), ui.screen());
            held.runAll();
            ui.step();
            assertTrue(ui.screen().contains("sorted by duration"), ui.screen());
            assertTrue(ui.screen().contains("300 traces"), ui.screen());
        }
    }

    private static List<String> sorted(List<io.xspy.trace.TraceSummary> all, Views.Sort sort) {
        return ids(all.stream().sorted(sort.comparator()).toList());
    }

    private static List<String> ids(List<io.xspy.trace.TraceSummary> list) {
        return list.stream().map(io.xspy.trace.TraceSummary::id).toList();
    }

    @Test
    void helpIsGeneratedFromTheKeyMap() {
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), 100, 40)) {
            ui.keys("?");
            String screen = ui.screen();
            for (KeyMap.Binding b : KeyMap.BINDINGS) assertTrue(screen.contains(b.help()), b.help() + "\n" + screen);
            ui.keys("x");
            assertFalse(ui.screen().contains("generated from the key map"));
        }
    }

    @Test
    void afterEveryResizeTheTerminalShowsAFreshRender() {
        Random random = new Random(42);
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), 80, 24)) {
            String[] walk = {"j", "Enter", "Enter", "Tab", "z", "l", "x", "Esc", "L", "Tab", "?", "Esc", "t", "Esc",
                "/", "Esc", "Esc", "Esc", "G", "Enter", "k", "Enter", "-", "+", "Z", "h"};
            ui.resize(1, 1);
            for (int i = 0; i < 400; i++) {
                int w = random.nextInt(8) == 0 ? 1 + random.nextInt(3) : 1 + random.nextInt(220);
                int h = random.nextInt(8) == 0 ? 1 + random.nextInt(3) : 1 + random.nextInt(70);
                ui.resize(w, h);
                assertEquals(ui.freshRender(), ui.screen(), "after resizing to " + w + "x" + h);
                ui.keys(walk[i % walk.length]);
            }
            ui.resize(1, 1);
            ui.keys("Enter", "j");
            ui.resize(120, 36);
            ui.resize(17, 5);
            ui.resize(120, 36);
            assertTrue(ui.screen().contains("xspy"), ui.screen());
            assertEquals(ui.freshRender(), ui.screen());
        }
    }

    @Test
    void ctrlLRepaintsWhatSomethingElseWroteOnTheTerminal() {
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), 80, 24)) {
            String clean = ui.screen();
            ui.terminal.setCursorPosition(0, 0);
            ui.terminal.putString("garbage from another program");
            assertTrue(ui.screen().startsWith("garbage"), ui.screen());
            ui.keys("Ctrl-L");
            assertEquals(clean, ui.screen());
        }
    }

    @Test
    void dataCannotReachTheTerminalUnsanitized() {
        Fixtures f = new Fixtures(3);
        String evil = f.ndjson().replace("\"runtime\":\"ts\"", "\"runtime\":\"ts\\u001b[2J\\u202eevil\"");
        FakeSource source = new FakeSource(evil, f.logs(), 10);
        source.logs.get(Fixtures.traceId(0)).set(1, new io.xspy.trace.LogLine(Fixtures.T0 + 0.2, "/aws/lambda/x", "s",
                "INFO \u001b]0;pwned\u0007 done"));
        try (Harness ui = new Harness(source, Harness.options(), 160, 48)) {
            ui.keys(":").type("trace " + Fixtures.traceId(0));
            ui.keys("Enter", "j", "j", "j", "j", "j", "j");
            String screen = ui.screen();
            assertFalse(screen.chars().anyMatch(c -> c < 0x20 && c != '\n' || c == 0x202e), screen);
            assertTrue(screen.contains("\uFFFD]0;pwned\uFFFD done"), screen);
        }
    }
}
