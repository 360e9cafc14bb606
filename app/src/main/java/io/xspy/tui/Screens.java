package io.xspy.tui;

import io.xspy.graph.ServiceGraph;
import io.xspy.graph.Statistics;
import io.xspy.table.ServiceTables;
import io.xspy.table.Table;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.Style;
import io.xspy.timeline.Text;
import io.xspy.trace.Status;
import io.xspy.trace.TraceSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the UI state onto a canvas: header, breadcrumb, the screen's body, status line and key
 * hints (or the prompt). Lists draw only the rows in view. The only side effect is that list
 * scroll offsets follow the selection.
 */
final class Screens {
    private Screens() {}

    static Canvas render(App app, int width, int height) {
        boolean ascii = app.ascii();
        Canvas c = new Canvas(width, height, ascii);
        if (width <= 0 || height <= 0) return c;
        if (height < 5) {
            bottom(app, c, height - 1, Math.max(-1, height - 2));
            return c;
        }
        header(app, c);
        breadcrumb(app, c, 1);
        int bodyH = height - 4;
        Canvas body = new Canvas(width, bodyH, ascii);
        body(app, body);
        c.draw(body, 0, 2);
        bottom(app, c, height - 1, height - 2);
        return c;
    }

    private static void body(App app, Canvas c) {
        if (app.overlay == App.Overlay.HELP) {
            help(app, c);
            return;
        }
        if (app.overlay == App.Overlay.WINDOW) {
            windowChooser(app, c);
            return;
        }
        Object top = app.top();
        if (top instanceof Views.Services s) services(app, s, c);
        else if (top instanceof Views.Traces v) traces(app, v, c);
        else if (top instanceof TraceState t) TraceScreen.render(app, t, c);
    }

    // ---- frame -----------------------------------------------------------------------------

    private static void header(App app, Canvas c) {
        boolean ascii = app.ascii();
        String bar = " " + Symbols.vertical(ascii) + " ";
        int x = c.put(0, 0, "xspy", Style.ACCENT);
        x = c.put(x, 0, bar, Style.DIM);
        x = c.put(x, 0, app.description, Style.HEADER);
        x = c.put(x, 0, bar, Style.DIM);
        x = c.put(x, 0, "last " + Fmt.span(app.span) + " " + Fmt.clock(app.window.start(), app.clock.getZone()) + "-"
                + Fmt.clock(app.window.end(), app.clock.getZone()), Style.HEADER);
        if (app.follow) x = c.put(x, 0, " [follow]", Style.ACCENT);
        String counts = counts(app);
        if (!counts.isEmpty()) {
            x = c.put(x, 0, bar, Style.DIM);
            x = c.put(x, 0, counts, Style.HEADER);
        }
        String filter = app.top() instanceof Views.Traces v ? v.filter : "";
        if (!filter.isEmpty() && x + 14 < c.width()) {
            x = c.put(x, 0, bar, Style.DIM);
            x = c.put(x, 0, "filter ", Style.DIM);
            c.put(x, 0, Text.truncate(Text.sanitize(filter, ascii), c.width() - x, ascii), Style.NORMAL);
        }
    }

    private static String counts(App app) {
        Object top = app.top();
        if (top instanceof Views.Services s) return s.loaded ? Fmt.count(s.nodes.size(), "service") : "";
        if (top instanceof Views.Traces v) {
            if (!v.loaded) return "";
            return v.nextToken != null ? v.items.size() + "+ traces" : Fmt.count(v.items.size(), "trace");
        }
        if (top instanceof TraceState t && t.trace != null) {
            return Fmt.count(t.trace.nodeCount(), "node") + ", " + Fmt.count(t.logs.size(), "log line");
        }
        return "";
    }

    private static void breadcrumb(App app, Canvas c, int y) {
        boolean ascii = app.ascii();
        List<String> parts = new ArrayList<>();
        var it = app.stack.descendingIterator();
        while (it.hasNext()) {
            Object v = it.next();
            if (v instanceof Views.Services) parts.add("Services");
            else if (v instanceof Views.Traces t) parts.add(t.title);
            else if (v instanceof TraceState t) {
                parts.add(Text.truncate(t.traceId, 7, ascii));
                if (t.current() != null && v == app.top()) parts.add(t.current().segment().name());
            }
        }
        String sep = " " + Symbols.separator(ascii) + " ";
        int x = 0;
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) x = c.put(x, y, sep, Style.DIM);
            x = c.put(x, y, parts.get(i), i == parts.size() - 1 ? Style.ACCENT : Style.NORMAL);
        }
    }

    /** The status line (progress, error or message) and the hints line, or the prompt. */
    private static void bottom(App app, Canvas c, int hintsY, int statusY) {
        boolean ascii = app.ascii();
        Prompt p = app.prompt;
        if (p != null) {
            int x = c.put(0, hintsY, p.kind.label, Style.ACCENT);
            String text = p.text();
            // keep the cursor in view on a narrow screen
            int room = Math.max(1, c.width() - x - 1);
            int from = Math.max(0, p.cursor - room + 1);
            c.put(x, hintsY, text.substring(Math.min(from, text.length())), Style.NORMAL);
            int cursorX = x + Text.width(Text.sanitize(text.substring(from, p.cursor), ascii));
            c.restyle(cursorX, hintsY, 1, Style.SELECTED);
            if (p.error != null && statusY >= 0) {
                int caret = p.errorColumn > 0 ? Math.max(0, Math.min(c.width() - 1, x + p.errorColumn - 1 - from)) : -1;
                String message = Text.sanitize(p.error, ascii);
                if (caret >= 0 && caret + 2 + Text.width(message) <= c.width()) {
                    // the caret under the column, the message after it
                    c.put(caret, statusY, "^", Style.FAULT);
                    c.put(caret + 2, statusY, message, Style.FAULT);
                } else if (caret >= 0 && caret - 1 - Text.width(message) >= 0) {
                    // the message leads up to the caret
                    c.put(caret - 1 - Text.width(message), statusY, message, Style.FAULT);
                    c.put(caret, statusY, "^", Style.FAULT);
                } else if (caret >= 0) {
                    // the caret alone above the prompt, the whole message wrapped above it
                    clear(c, statusY);
                    c.put(caret, statusY, "^", Style.FAULT);
                    above(c, statusY - 1, message, Style.FAULT, statusY, ascii);
                } else {
                    above(c, statusY, message, Style.FAULT, statusY + 1, ascii);
                }
            }
            return;
        }
        if (statusY >= 0) {
            String progress = app.loader.progress();
            if (progress != null) {
                c.put(0, statusY, (ascii ? "* " : "\u22EF ") + progress + " (Esc cancels)", Style.ACCENT);
            } else if (!app.status.isEmpty()) {
                String mark = app.statusStyle == Style.FAULT ? "! " : "";
                above(c, statusY, mark + app.status, app.statusStyle, Math.max(1, c.height() / 3), ascii);
            }
        }
        KeyMap.Where where = app.overlay == App.Overlay.HELP ? null : app.where();
        String hints = where == null ? "j k PgUp PgDn scroll   any other key closes help" : KeyMap.hints(where, ascii);
        if (app.top() instanceof TraceState t && t.raw) hints = "Esc back  " + Key.label("Up", ascii) + Key.label("Down", ascii) + " scroll  q quit";
        c.put(0, hintsY, hints, Style.DIM);
    }

    /** A message wrapped to the width, its last row on {@code bottomY}, over at most {@code maxRows} rows. */
    private static void above(Canvas c, int bottomY, String message, Style style, int maxRows, boolean ascii) {
        List<String> rows = Wrap.rows(new Line(message, style, 0), c.width(), ascii);
        int n = Math.min(rows.size(), Math.min(maxRows, bottomY + 1));
        for (int i = 0; i < n; i++) {
            int y = bottomY - n + 1 + i;
            clear(c, y);
            c.put(0, y, rows.get(i), style);
        }
    }

    private static void clear(Canvas c, int y) {
        c.fill(0, y, c.width(), " ", Style.NORMAL);
    }

    // ---- services --------------------------------------------------------------------------

    /** The services table as {@code xspy services} prints it: one definition, columns sized to the screen. */
    private static final Table<ServiceGraph.Node> SERVICES = ServiceTables.services();

    private static void services(App app, Views.Services s, Canvas c) {
        if (!s.loaded) {
            c.put(1, 1, app.loader.busy() ? "loading the service map..." : "no service map (r reloads)", Style.DIM);
            return;
        }
        if (s.nodes.isEmpty()) {
            c.put(1, 1, "no services in the last " + Fmt.span(app.span) + " (t changes the window, r reloads)", Style.DIM);
            return;
        }
        int w = c.width();
        int panelH = c.height() >= 12 ? Math.min(8, c.height() / 3) : 0;
        int listH = c.height() - 1 - panelH;
        int[] widths = SERVICES.widths(w, 1);
        SERVICES.header(c, 0, 0, widths, 1);
        int first = s.scroll(listH);
        for (int i = 0; i < listH && first + i < s.nodes.size(); i++) {
            int y = 1 + i;
            SERVICES.row(c, 0, y, s.nodes.get(first + i), widths, 1);
            if (first + i == s.selected) c.restyle(0, y, w, Style.SELECTED);
        }
        if (panelH > 0 && s.current() != null) neighbours(app, s, c, c.height() - panelH, panelH);
    }

    /** Callers and callees of the selected service, with the edge's requests and mean time. */
    private static void neighbours(App app, Views.Services s, Canvas c, int y0, int h) {
        boolean ascii = app.ascii();
        ServiceGraph.Node n = s.current();
        c.fill(0, y0, c.width(), Symbols.horizontal(ascii), Style.DIM);
        c.put(2, y0, " " + n.id().name() + " ", Style.ACCENT);
        List<String[]> lines = new ArrayList<>();
        for (ServiceGraph.Edge e : s.graph.callersOf(n.referenceId())) lines.add(edge(s.graph, e, e.sourceId(), ascii ? "<-" : "\u2190", ascii));
        for (ServiceGraph.Edge e : s.graph.calleesOf(n.referenceId())) lines.add(edge(s.graph, e, e.targetId(), ascii ? "->" : "\u2192", ascii));
        if (lines.isEmpty()) lines.add(new String[] {"", "no callers or callees in the window", ""});
        int half = c.width() >= 100 ? 2 : 1;
        int per = h - 1;
        int colW = c.width() / half;
        for (int i = 0; i < lines.size() && i < per * half; i++) {
            int col = i / per;
            int y = y0 + 1 + i % per;
            String[] l = lines.get(i);
            int x = c.put(col * colW + 1, y, l[0] + " ", Style.ACCENT);
            // the figures stay whole; the name gets what is left of the column
            int nameRoom = Math.max(1, (col + 1) * colW - x - 1 - Text.width(l[2]));
            x = c.put(x, y, Text.truncate(Text.sanitize(l[1], ascii), nameRoom, ascii), Style.NORMAL);
            c.put(x + 1, y, l[2], Style.DIM);
        }
    }

    private static String[] edge(ServiceGraph g, ServiceGraph.Edge e, int otherId, String arrow, boolean ascii) {
        String name = ServiceTables.node(g, otherId);
        Statistics st = e.summary();
        // the table's p50 where the edge has a histogram (X-Ray always sends one), else the mean
        String time = e.responseTimes() != null && e.responseTimes().total() > 0
                ? "p50 " + ServiceTables.percentile(e.responseTimes(), 0.5, ascii)
                : "avg " + Fmt.duration(st.average(), ascii);
        return new String[] {arrow, name, Fmt.count(st.totalCount(), "request") + ", " + time};
    }

    // ---- traces ----------------------------------------------------------------------------

    private static void traces(App app, Views.Traces v, Canvas c) {
        boolean ascii = app.ascii();
        int w = c.width();
        int idW = w >= 120 ? 35 : 18;
        int durW = 9;
        String arrow = Symbols.down(ascii);
        int x = c.put(0, 0, "   " + Text.padRight("start", 15, ascii) + Text.padRight("trace id", idW + 1, ascii), Style.HEADER);
        x = c.put(x, 0, Text.padLeft(v.sort == Views.Sort.DURATION ? arrow + "duration" : "duration", durW, ascii), Style.HEADER);
        x = c.put(x, 0, Text.padLeft(v.sort == Views.Sort.RESPONSE ? arrow + "response" : "response", durW, ascii), Style.HEADER);
        x = c.put(x, 0, " " + Text.padRight(v.sort == Views.Sort.STATUS ? arrow + "status" : "status", 9, ascii), Style.HEADER);
        c.put(x, 0, "request", Style.HEADER);
        if (v.sort == Views.Sort.TIME) c.put(2, 0, arrow, Style.HEADER);
        if (!v.loaded) {
            c.put(1, 2, app.loader.busy() ? "loading traces..." : "no traces loaded (r reloads)", Style.DIM);
            return;
        }
        if (v.items.isEmpty()) {
            c.put(1, 2, "no traces match in the last " + Fmt.span(app.span) + " (t changes the window, / the filter)", Style.DIM);
            return;
        }
        int listH = c.height() - 2;
        int first = v.scroll(listH);
        for (int i = 0; i < listH && first + i < v.items.size(); i++) {
            TraceSummary t = v.items.get(first + i);
            int y = 1 + i;
            Status st = t.status();
            c.put(0, y, Symbols.status(st, ascii), Symbols.style(st));
            if (t.coldStart()) c.put(1, y, Symbols.cold(ascii), Style.COLD);
            int cx = c.put(3, y, Fmt.dayClock(t.startTime(), app.clock.getZone()) + " ", Style.NORMAL);
            cx = c.put(cx, y, Text.padRight(Fmt.middle(Text.sanitize(t.id(), ascii), idW, ascii), idW, ascii) + " ", Style.DIM);
            cx = c.put(cx, y, Text.padLeft(Fmt.duration(t.duration(), ascii), durW, ascii), Style.NORMAL);
            cx = c.put(cx, y, Text.padLeft(Fmt.duration(t.responseTime(), ascii), durW, ascii), Style.NORMAL);
            cx = c.put(cx, y, " " + Text.padRight(Symbols.word(st) + (t.isPartial() ? "*" : ""), 9, ascii), Symbols.style(st));
            StringBuilder req = new StringBuilder();
            if (t.http().method() != null) req.append(t.http().method()).append(' ');
            if (t.http().url() != null) req.append(t.http().url());
            else if (t.entryPoint() != null) req.append(t.entryPoint().name());
            if (t.http().status() != null) req.append(' ').append(t.http().status());
            c.put(cx, y, Text.truncate(Text.sanitize(req.toString(), ascii), Math.max(0, w - cx), ascii), Style.NORMAL);
            if (first + i == v.selected) c.restyle(0, y, w, Style.SELECTED);
        }
        String foot = Fmt.count(v.items.size(), "trace") + ", sorted by " + v.sort.label
                + (v.nextToken != null ? "; more load as you scroll" : "; all loaded");
        c.put(0, c.height() - 1, foot, Style.DIM);
    }

    // ---- overlays --------------------------------------------------------------------------

    private static void help(App app, Canvas c) {
        c.put(0, 0, "keys (generated from the key map)", Style.HEADER);
        List<String> lines = KeyMap.helpLines(app.ascii());
        int rows = c.height() - 1;
        int first = Math.max(0, Math.min(app.helpScroll, Math.max(0, lines.size() - rows)));
        for (int i = 0; i < rows && first + i < lines.size(); i++) c.put(1, 1 + i, lines.get(first + i), Style.NORMAL);
    }

    private static void windowChooser(App app, Canvas c) {
        c.put(0, 0, "time window (ending now): Enter chooses, Esc closes", Style.HEADER);
        for (int i = 0; i < App.SPANS.size(); i++) {
            String s = App.SPANS.get(i);
            String label = (s.equals("custom") ? "custom..." : "last " + s) + (s.equals(Fmt.span(app.span)) ? "  (current)" : "");
            c.put(2, 1 + i, label, Style.NORMAL);
            if (i == app.windowChoice) c.restyle(0, 1 + i, Math.min(c.width(), 30), Style.SELECTED);
        }
    }
}
