package io.xspy.tui;

import io.xspy.timeline.TimelineLayout;
import io.xspy.timeline.TimelineRow;
import io.xspy.trace.LambdaInvocation;
import io.xspy.trace.LogLine;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The state of the trace screen: the trace, its rows, folds, the time range shown, panes and scrolls. */
final class TraceState extends Views.ListState {
    final String traceId;
    Trace trace;
    List<LogLine> logs = List.of();
    List<Line> logLines = List.of();
    String logError;
    final Set<String> folded = new HashSet<>();
    List<TimelineRow> rows = List.of();
    double viewStart;
    double viewEnd;
    Views.Pane focus = Views.Pane.TIMELINE;
    boolean showLogs = true;
    int detailScroll;
    int logScroll;
    /** Columns of the timeline's name column the user asked for with < and >, 0 for the default. */
    int nameWidth;
    private int shownNameWidth;
    /** A node whose invocation's log lines come first (a trace opened from a function's list), or null. */
    String logsFirst;
    /** A node whose invocation the log pane is narrowed to (L), or null for every line. */
    String logsOnly;
    private boolean ascii;
    /** The / search: what was searched, the nodes found (timeline order) and which one is selected. */
    String query = "";
    List<Segment> matches = List.of();
    int match = -1;

    TraceState(String traceId) { this.traceId = traceId; }

    @Override int size() { return rows.size(); }

    void set(Trace t, List<LogLine> logLines, String logErr, boolean ascii) {
        trace = t;
        logs = logLines;
        logError = logErr;
        this.ascii = ascii;
        relayout();
        if (!query.isEmpty()) matches = SpanSearch.matches(t, query);
        logsChanged();
        if (viewEnd <= viewStart) {
            viewStart = t.startTime();
            viewEnd = t.startTime() + Math.max(t.duration(), 1e-3);
        }
    }

    void relayout() {
        String keep = current() == null ? null : current().segment().id();
        rows = TimelineLayout.rows(trace, folded);
        selected = Math.min(selected, Math.max(0, rows.size() - 1));
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).segment().id().equals(keep)) selected = i;
    }

    TimelineRow current() {
        return selected < rows.size() ? rows.get(selected) : null;
    }

    /** The log pane's lines: all, those of one invocation first, or only those (the title says which). */
    void logsChanged() {
        if (trace == null) return;
        LambdaInvocation only = invocation(logsOnly);
        LambdaInvocation first = invocation(logsFirst);
        List<LogLine> shown = only != null ? InvocationLogs.lines(trace, logs, only)
                : first != null ? InvocationLogs.first(trace, logs, first) : logs;
        logLines = LogPane.lines(shown, trace.startTime(), ascii);
        logScroll = 0;
    }

    /** The invocation a node (by id) belongs to, or null. */
    LambdaInvocation invocation(String nodeId) {
        Segment node = nodeId == null || trace == null ? null : trace.find(nodeId);
        return node == null ? null : InvocationLogs.of(trace, node);
    }

    /** Selects a node, opening its folded ancestors first. */
    void reveal(Segment node) {
        if (trace == null || node == null) return;
        for (Segment p = trace.parentOf(node); p != null; p = trace.parentOf(p)) folded.remove(p.id());
        relayout();
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).segment() == node) selected = i;
    }

    /** Searches the nodes and selects the first match at or after the selection; returns the count. */
    int search(String text) {
        query = text.strip();
        matches = SpanSearch.matches(trace, query);
        match = -1;
        if (matches.isEmpty()) return 0;
        List<Segment> order = new ArrayList<>();
        if (trace != null) for (Segment r : trace.roots()) r.walk(order::add);
        int from = current() == null ? 0 : order.indexOf(current().segment());
        match = 0;
        for (int i = 0; i < matches.size(); i++) {
            if (order.indexOf(matches.get(i)) >= from) {
                match = i;
                break;
            }
        }
        reveal(matches.get(match));
        return matches.size();
    }

    /** n and N: the next or previous match, round the end. */
    void nextMatch(int step) {
        if (matches.isEmpty()) return;
        match = Math.floorMod(match + step, matches.size());
        reveal(matches.get(match));
    }

    Set<String> matchIds() {
        Set<String> ids = new HashSet<>();
        for (Segment s : matches) ids.add(s.id());
        return ids;
    }

    // ---- navigation of the trace screen -----------------------------------------------------

    /** Enter on the timeline: folds or unfolds the selected node. */
    void toggleFold() {
        if (focus != Views.Pane.TIMELINE || current() == null) return;
        TimelineRow r = current();
        if (!r.hasChildren()) return;
        if (!folded.remove(r.segment().id())) folded.add(r.segment().id());
        relayout();
    }

    /** + and -: unfolds everything, or folds everything and selects the selected node's root. */
    void foldAll(boolean fold) {
        if (trace == null) return;
        folded.clear();
        if (!fold) {
            relayout();
            return;
        }
        for (Segment s : trace.nodesById().values()) if (!s.subsegments().isEmpty()) folded.add(s.id());
        Segment root = current() == null ? null : current().segment();
        while (root != null && trace.parentOf(root) != null) root = trace.parentOf(root);
        relayout();
        if (root != null) for (int i = 0; i < rows.size(); i++) if (rows.get(i).segment() == root) selected = i;
    }

    /** z and Z: zooms the time range in or out, around the selected node when it is in view. */
    void zoom(double factor) {
        if (trace == null) return;
        double full = Math.max(trace.duration(), 1e-3);
        double spanNow = viewEnd - viewStart;
        double next = Math.max(1e-6, Math.min(full, spanNow * factor));
        double center = (viewStart + viewEnd) / 2;
        if (factor < 1 && current() != null) {
            Segment s = current().segment();
            double mid = (s.startTime() + s.endOrStart()) / 2;
            if (mid >= viewStart && mid <= viewEnd) center = mid;
        }
        setView(center - next / 2, next);
    }

    /** h and l: moves the time range by a fraction of its width. */
    void pan(double fraction) {
        if (trace == null) return;
        double spanNow = viewEnd - viewStart;
        setView(viewStart + spanNow * fraction, spanNow);
    }

    private void setView(double start, double spanNow) {
        double lo = trace.startTime();
        double hi = Math.max(trace.endTime(), lo + spanNow);
        start = Math.max(lo, Math.min(start, hi - spanNow));
        viewStart = start;
        viewEnd = start + spanNow;
    }

    /** What the last frame drew (the renderer keeps a requested width within what the pane allows). */
    void noteNameWidth(int shown) {
        shownNameWidth = shown;
    }

    /**
     * &lt; and &gt;: a narrower or wider name column, from what is shown now (so a key always
     * changes the screen); the request itself outlives a resize that could not show it.
     */
    void widenNames(int columns) {
        nameWidth = Math.max(1, shownNameWidth + columns);
    }

    /** Tab: the next pane, skipping the log pane while it is hidden. */
    void nextPane() {
        Views.Pane[] order = Views.Pane.values();
        Views.Pane next = focus;
        do {
            next = order[(next.ordinal() + 1) % order.length];
        } while (next == Views.Pane.LOGS && !showLogs);
        focus = next;
    }
}
