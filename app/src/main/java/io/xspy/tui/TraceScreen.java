package io.xspy.tui;

import io.xspy.source.SourceException;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.Text;
import io.xspy.trace.LogLine;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.List;

/** One trace: its timeline, the selected node's detail and the trace's log lines (drawn by {@link TracePanes}). */
final class TraceScreen implements Screen {

    final TraceState state;
    private final List<KeyMap.Binding> bindings;

    TraceScreen(String traceId) {
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
                        KeyMap.hint("L", "log pane", (app, k) -> toggleLogs()),
                        KeyMap.hint("x", "raw JSON", (app, k) -> raw(app))),
            // keys that open other screens: one line each in place of a slot (see package-info)
            // slot: a (analytics of the selected span's path, issue 10)
            List.of(KeyMap.bind("a", "analytics of the selected span's path", (app, k) -> app.open(new AnalyticsScreen(AnalyticsScope.of(t))))),
            // slot: m (mark this trace, issue 10)
            //
            // slot: c (compare with the marked trace, issue 10)
            //
            // slot: critical path (issue 10)
            //
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

    private void toggleLogs() {
        state.showLogs = !state.showLogs;
        if (!state.showLogs && state.focus == Views.Pane.LOGS) state.focus = Views.Pane.TIMELINE;
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
            if (data.logError != null) app.error("logs: " + data.logError);
            else app.info("");
        }, app::error);
    }

    @Override
    public void draw(App app, Canvas body) {
        TracePanes.render(app, state, body);
    }
}
