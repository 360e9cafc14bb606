package io.xspy.tui;

import io.xspy.timeline.Canvas;
import io.xspy.timeline.Style;
import io.xspy.timeline.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the frame onto a canvas: header, breadcrumb, the front screen's body, status line and key
 * hints (or the prompt). The screens draw their bodies themselves ({@link Screen#draw}).
 */
final class Screens {
    private Screens() {}

    static Canvas render(App app, int width, int height) {
        boolean ascii = app.ascii();
        Canvas c = new Canvas(width, height, ascii);
        if (width <= 0 || height <= 0) return c;
        if (height < 5) {
            app.focus().drawBottom(app, c, height - 1, Math.max(-1, height - 2));
            return c;
        }
        header(app, c);
        breadcrumb(app, c, 1);
        Canvas body = new Canvas(width, height - 4, ascii);
        app.focus().draw(app, body);
        c.draw(body, 0, 2);
        app.focus().drawBottom(app, c, height - 1, height - 2);
        return c;
    }

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
        String counts = app.top().counts();
        if (!counts.isEmpty()) {
            x = c.put(x, 0, bar, Style.DIM);
            x = c.put(x, 0, counts, Style.HEADER);
        }
        String filter = app.top().filter();
        if (!filter.isEmpty() && x + 14 < c.width()) {
            x = c.put(x, 0, bar, Style.DIM);
            x = c.put(x, 0, "filter ", Style.DIM);
            c.put(x, 0, Text.truncate(Text.sanitize(filter, ascii), c.width() - x, ascii), Style.NORMAL);
        }
    }

    private static void breadcrumb(App app, Canvas c, int y) {
        boolean ascii = app.ascii();
        List<String> parts = new ArrayList<>();
        Screen front = app.top();
        for (Screen s : app.pages()) parts.addAll(s.crumbs(app, s == front));
        String sep = " " + Symbols.separator(ascii) + " ";
        int x = 0;
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) x = c.put(x, y, sep, Style.DIM);
            x = c.put(x, y, parts.get(i), i == parts.size() - 1 ? Style.ACCENT : Style.NORMAL);
        }
    }

    /** The status line (progress, error or message) and the hint line. */
    static void statusAndHints(App app, Canvas c, int hintsY, int statusY, String hints) {
        boolean ascii = app.ascii();
        if (statusY >= 0) {
            String progress = app.loader.progress();
            if (progress != null) {
                c.put(0, statusY, (ascii ? "* " : "\u22EF ") + progress + " (Esc cancels)", Style.ACCENT);
            } else if (!app.status.isEmpty()) {
                String mark = app.statusStyle == Style.FAULT ? "! " : "";
                above(c, statusY, mark + app.status, app.statusStyle, Math.max(1, c.height() / 3), ascii);
            }
        }
        c.put(0, hintsY, hints, Style.DIM);
    }

    /** A message wrapped to the width, its last row on {@code bottomY}, over at most {@code maxRows} rows. */
    static void above(Canvas c, int bottomY, String message, Style style, int maxRows, boolean ascii) {
        List<String> rows = Wrap.rows(new Line(message, style, 0), c.width(), ascii);
        int n = Math.min(rows.size(), Math.min(maxRows, bottomY + 1));
        for (int i = 0; i < n; i++) {
            int y = bottomY - n + 1 + i;
            clear(c, y);
            c.put(0, y, rows.get(i), style);
        }
    }

    static void clear(Canvas c, int y) {
        c.fill(0, y, c.width(), " ", Style.NORMAL);
    }
}
