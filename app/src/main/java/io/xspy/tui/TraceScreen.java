package io.xspy.tui;

import io.xspy.source.SourceException;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.Text;
import io.xspy.trace.LogLine;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.List;

/** One trace: its timeline, the selected node's detail and the trace's log lines (drawn by {@link TracePanes}). */
final class TraceScreen implements Screen {

    /** The service a trace was opened from (its list, or the map): the first load selects its node. */
    record Landing(String name, String type) {}

    final TraceState state;
    private final List<KeyMap.Binding> bindings;
    private Landing landing;

    TraceScreen(String traceId) {
        this(traceId, null);
    }

    TraceScreen(String traceId, Landing landing) {
        this.landing = landing;
        this.state = new TraceState(traceId);
        TraceState t = state;
        this.bindings = Lists.concat(
                KeyMap.movement(this::move),
                List.of(KeyMap.hint("Enter Space", "fold / unfold", (app, k) -> t.toggleFold()),
                        KeyMap.bind("+", "unfold all", (app, k) -> t.foldAll(false)),
                        KeyMap.bind("-", "fold all", (app, k) -> t.foldAll(true)),
                        KeyMap.hint("z", "zoom in", (app, k) -> t.zoom(0.5)),
                        KeyMap.bind("Z", "zoom out", (app, k) -> t.zoom(2)),
                        KeyMap.bind("h Left", "pan left", (app, k) -> t.pan(-0.25)),
                        KeyMap.bind("l Right", "pan right", (app, k) -> t.pan(0.25)),
                        KeyMap.bind(">", "wider name column", (app, k) -> t.widenNames(4)),
                        KeyMap.bind("<", "narrower name column", (app, k) -> t.widenNames(-4)),
                        KeyMap.hint("Tab", "next pane", (app, k) -> t.nextPane()),
                        KeyMap.hint("L", "log pane (all lines, then the selected node's invocation only, then hidden)",
                                (app, k) -> cycleLogs(app)),
                        KeyMap.hint("x", "raw JSON", (app, k) -> raw(app)),
                        KeyMap.bind("/", "search the nodes by name, annotation or error text", (app, k) -> search(app)),
                        KeyMap.bind("n", "next match", (app, k) -> nextMatch(app, 1)),
                        KeyMap.bind("N", "previous match", (app, k) -> nextMatch(app, -1)),
                        KeyMap.bind("y", "copy the trace id to the clipboard (OSC 52; tmux needs set -g set-clipboard on)", (app, k) -> app.copy("trace id", t.traceId, true))),
            // keys that open other screens: one line each in place of a slot (see package-info)
            // slot: a (analytics of the selected span's path, issue 10)
            List.of(KeyMap.bind("a", "analytics of the selected span's path", (app, k) -> app.open(new AnalyticsScreen(AnalyticsScope.of(t))))),
            // slot: m (mark this trace, issue 10)
            List.of(KeyMap.bind("m", "mark this trace (A), to compare another with it", (app, k) -> DiffScreen.mark(app, t.traceId))),
            // slot: c (compare with the marked trace, issue 10)
            List.of(KeyMap.bind("c", "compare with the marked trace (A) side by side", (app, k) -> DiffScreen.compare(app, t.traceId))),
            // slot: critical path (issue 10)
            List.of(KeyMap.bind("p", "critical path: mark the spans that make the trace's duration", (app, k) -> t.critical.toggle(app, t.trace))),
            List.of());
    }

    @Override public String title() { return "trace"; }

    @Override public List<KeyMap.Binding> bindings() { return bindings; }

    @Override
    public List<String> crumbs(App app, boolean front) {
        List<String> parts = new ArrayList<>();
        parts.add(Text.truncate(state.traceId, 7, app.ascii()));
        if (front && state.current() != null) parts.add(state.current().segment().name());
        return parts;
    }

    @Override
    public String counts() {
        Trace tr = state.trace;
        return tr == null ? "" : Fmt.count(tr.nodeCount(), "node") + ", " + Fmt.count(state.logs.size(), "log line");
    }

    private void move(App app, int delta) {
        TraceState t = state;
        switch (t.focus) {
            case TIMELINE -> t.move(delta);
            case DETAIL -> t.detailScroll = clampScroll(t.detailScroll + delta);
            case LOGS -> t.logScroll = Math.max(0, Math.min(Math.max(0, t.logLines.size() - 1), clampScroll(t.logScroll + delta)));
        }
    }

    private static int clampScroll(int v) {
        return Math.max(0, Math.min(v, 1_000_000));
    }

    /** L: every log line, then only the selected node's invocation (where it has one), then no log pane. */
    private void cycleLogs(App app) {
        TraceState t = state;
        if (!t.showLogs) {
            t.showLogs = true;
            t.logsOnly = null;
        } else if (t.logsOnly == null && t.current() != null && t.invocation(t.current().segment().id()) != null) {
            t.logsOnly = t.current().segment().id();
        } else {
            t.logsOnly = null;
            t.showLogs = false;
            if (t.focus == Views.Pane.LOGS) t.focus = Views.Pane.TIMELINE;
        }
        t.logsChanged();
    }

    private void search(App app) {
        if (state.trace == null) return;
        app.open(new PromptScreen(new Prompt(Prompt.Kind.SEARCH, state.query, app.searchHistory), this::searched));
    }

    private void searched(App app, PromptScreen p, String text) {
        app.close(p);
        Prompt.remember(app.searchHistory, text);
        int n = state.search(text);
        if (text.isEmpty()) app.info("");
        else if (n == 0) app.info("no node matches \"" + text + "\"");
        else app.info(matchStatus());
    }

    private void nextMatch(App app, int step) {
        if (state.matches.isEmpty()) {
            app.info(state.query.isEmpty() ? "/ searches the nodes" : "no node matches \"" + state.query + "\"");
            return;
        }
        state.nextMatch(step);
        app.info(matchStatus());
    }

    private String matchStatus() {
        return "match " + (state.match + 1) + " of " + state.matches.size() + " for \"" + state.query + "\" (n next, N previous)";
    }

    private void raw(App app) {
        if (state.current() != null) app.open(new RawScreen(state.current().segment()));
    }

    private record TraceData(Trace trace, List<LogLine> logs, String logError) {}

    @Override
    public void load(App app, boolean quiet) {
        String id = state.traceId;
        app.loader.start("loading trace " + id, progress -> {
            List<Trace> found = app.source.traces(List.of(id));
            if (found.isEmpty()) throw new SourceException("trace " + id + " not found");
            Trace trace = found.get(0);
            progress.report("loading the logs of " + id);
            try {
                return new TraceData(trace, app.source.logs(trace), null);
            } catch (RuntimeException e) {
                return new TraceData(trace, List.of(), Loader.message(e));
            }
        }, data -> {
            state.set(data.trace, data.logs, data.logError, app.ascii());
            land();
            if (data.logError != null) app.error("logs: " + data.logError);
            else app.info("");
        }, app::error);
    }

    /** Once, after the first load: the node of the service the trace was opened from, its log lines first. */
    private void land() {
        if (landing == null) return;
        Segment node = landingNode(state.trace, landing);
        landing = null;
        if (node == null) return;
        state.reveal(node);
        state.logsFirst = node.id();
        state.logsChanged();
    }

    /** The service's own document (name and origin), else the first node of that name. */
    static Segment landingNode(Trace trace, Landing landing) {
        Segment byName = null;
        for (Segment root : trace.roots()) {
            List<Segment> all = new ArrayList<>();
            root.walk(all::add);
            for (Segment s : all) {
                if (!s.name().equals(landing.name())) continue;
                if (s.isDocument() && landing.type() != null && landing.type().equals(s.origin())) return s;
                if (byName == null) byName = s;
            }
        }
        return byName;
    }

    @Override
    public void draw(App app, Canvas body) {
        TracePanes.render(app, state, body);
    }
}
