package io.xspy.tui;

import io.xspy.source.SourceException;
import io.xspy.stats.TraceDiff;
import io.xspy.statsview.TraceDiffView;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.Style;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Two traces side by side (m marks one, c on another opens this): the spans aligned by path on one
 * time axis, two lines a span, the change from A (the marked trace) to B; scrolls like a list.
 */
final class DiffScreen extends Views.ListState implements Screen {

    private String a;
    private String b;
    private TraceDiff diff;
    private TraceDiffView view;
    private final List<KeyMap.Binding> bindings = Lists.concat(
            KeyMap.movement((app, delta) -> move(delta)),
            List.of(KeyMap.hint("w", "swap A and B", (app, k) -> swap(app))));

    DiffScreen(String a, String b) {
        this.a = a;
        this.b = b;
    }

    // ---- marking and comparing, from the traces and the trace screen ----------------------

    /** m: remembers a trace to compare others with. */
    static void mark(App app, String traceId) {
        if (traceId == null) return;
        app.markedTrace = traceId;
        app.info("marked " + traceId + " as A: press c on another trace to compare");
    }

    /** c: the marked trace (A) against this one (B). */
    static void compare(App app, String traceId) {
        if (traceId == null) return;
        if (app.markedTrace == null) app.error("no trace marked: press m on a trace, then c on another");
        else if (app.markedTrace.equals(traceId)) app.error("this is the marked trace: press c on another one");
        else app.open(new DiffScreen(app.markedTrace, traceId));
    }

    /** The mark of the marked trace in the traces list. */
    static String markSymbol(boolean ascii) {
        return ascii ? "m" : "\u25C7";
    }

    // ---- the screen -------------------------------------------------------------------------

    @Override public String title() { return "diff"; }

    @Override public List<KeyMap.Binding> bindings() { return bindings; }

    @Override int size() { return diff == null ? 0 : diff.rows().size(); }

    @Override
    public List<String> crumbs(App app, boolean front) {
        return List.of("diff A " + Fmt.middle(a, 13, app.ascii()) + " B " + Fmt.middle(b, 13, app.ascii()));
    }

    @Override
    public String counts() {
        if (diff == null) return "";
        return Fmt.count(diff.rows().size(), "span") + ", " + diff.count(TraceDiff.Presence.ONLY_A) + " only in A, "
                + diff.count(TraceDiff.Presence.ONLY_B) + " only in B";
    }

    private void swap(App app) {
        String t = a;
        a = b;
        b = t;
        if (diff != null) {
            diff = TraceDiff.of(diff.b(), diff.a()); // both are loaded: no need to ask the source again
            view = new TraceDiffView(diff);
            select(selected);
        }
        app.info("swapped: A is " + Fmt.middle(a, 13, app.ascii()) + ", B " + Fmt.middle(b, 13, app.ascii()));
    }

    @Override
    public void load(App app, boolean quiet) {
        String first = a;
        String second = b;
        app.loader.start("loading traces " + first + " and " + second, progress -> {
            List<Trace> found = app.source.traces(new ArrayList<>(new LinkedHashSet<>(List.of(first, second))));
            Trace ta = find(found, first);
            Trace tb = find(found, second);
            progress.report("aligning " + ta.nodeCount() + " and " + tb.nodeCount() + " spans");
            return TraceDiff.of(ta, tb);
        }, d -> {
            diff = d;
            view = new TraceDiffView(d);
            select(selected);
            app.info("");
        }, app::error);
    }

    private static Trace find(List<Trace> found, String id) {
        for (Trace t : found) if (t.id().equals(id)) return t;
        throw new SourceException("trace " + id + " not found");
    }

    @Override
    public void draw(App app, Canvas c) {
        boolean ascii = app.ascii();
        if (diff == null) {
            c.put(1, 1, app.loader.busy() ? "loading traces " + a + " and " + b + "..." : "traces not loaded (r reloads)", Style.DIM);
            return;
        }
        int visible = Math.max(1, (c.height() - TraceDiffView.HEADER_LINES - 1) / 2);
        int top = scroll(visible);
        c.draw(view.render(c.width(), ascii, top, visible, selected), 0, 0);
        String foot = "span " + (selected + 1) + "/" + diff.rows().size() + " " + Symbols.dot(ascii) + " A "
                + Fmt.duration(diff.a().duration(), ascii) + ", B " + Fmt.duration(diff.b().duration(), ascii)
                + " " + Symbols.dot(ascii) + " the axis is " + (diff.a().duration() >= diff.b().duration() ? "A" : "B") + "'s";
        c.put(0, c.height() - 1, foot, Style.DIM);
    }
}
