package io.xspy.statsview;

import io.xspy.stats.TraceDiff;
import io.xspy.stats.TraceDiff.Presence;
import io.xspy.stats.TraceDiff.Row;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.Cell;
import io.xspy.timeline.Durations;
import io.xspy.timeline.Style;
import io.xspy.timeline.Text;
import io.xspy.timeline.TimelineLayout;
import io.xspy.timeline.TimelineOptions;
import io.xspy.timeline.TimelineRenderer;
import io.xspy.timeline.TimelineRow;
import io.xspy.trace.LambdaInvocation;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two traces drawn against each other: three header lines (each trace with its duration and cold
 * starts, the change, the time axis), then two lines an aligned row — A's bar under the name, B's
 * bar below it — both on the longer trace's axis, with each duration, and on B's line the change
 * from A to B (sign and percentage; "only A" / "only B" for a node in one trace only). The name
 * column and the bars are the timeline's own, so marks, colours and the ASCII fallback are the same.
 */
public final class TraceDiffView {

    public static final int HEADER_LINES = 3;
    static final int DELTA_WIDTH = 8;
    static final int PERCENT_WIDTH = 6;
    /** Blank, tag, blank between the name column and the bars. */
    private static final int TAG_GAP = 3;
    /** After the bars: blank, duration, blank, delta, blank, percentage. */
    private static final int RIGHT = 1 + TimelineRenderer.DURATION_WIDTH + 1 + DELTA_WIDTH + 1 + PERCENT_WIDTH;

    private final TraceDiff diff;
    /** The timeline rows of each trace by node: laid out once, so a frame costs only what it shows. */
    private Map<Segment, TimelineRow> linesA;
    private Map<Segment, TimelineRow> linesB;

    public TraceDiffView(TraceDiff diff) {
        this.diff = diff;
    }

    public TraceDiff diff() { return diff; }

    /** Lines the whole diff takes. */
    public int height() {
        return HEADER_LINES + 2 * diff.rows().size();
    }

    /** The whole diff, every row. */
    public Canvas render(int width, boolean ascii) {
        return render(width, ascii, 0, Integer.MAX_VALUE, -1);
    }

    /**
     * The header and the aligned rows {@code first} .. {@code first + maxRows - 1} (two lines each),
     * {@code selected} drawn selected (or -1): a frame costs what is visible.
     */
    public Canvas render(int width, boolean ascii, int first, int maxRows, int selected) {
        Geometry g = new Geometry(width);
        List<Row> rows = diff.rows();
        int from = Math.max(0, Math.min(first, rows.size()));
        int count = (int) Math.max(0, Math.min((long) maxRows, rows.size() - from));
        Canvas canvas = new Canvas(width, HEADER_LINES + 2 * count, ascii);
        header(canvas, diff, g, ascii);
        if (count == 0) return canvas;

        if (linesA == null) {
            linesA = byNode(diff.a());
            linesB = diff.b() == diff.a() ? linesA : byNode(diff.b());
        }
        List<TimelineRow> upper = new ArrayList<>(count);
        List<TimelineRow> lower = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            Row r = rows.get(i);
            TimelineRow a = r.a() == null ? null : linesA.get(r.a());
            TimelineRow b = r.b() == null ? null : linesB.get(r.b());
            upper.add(a != null ? a : b);
            lower.add(b != null ? b : a);
        }
        TimelineOptions options = TimelineOptions.full(g.timelineWidth(), ascii).withNameWidth(g.nameW)
                .withView(0, diff.axisSeconds()).withHeader(false);
        Canvas top = TimelineRenderer.render(null, upper, options);
        Canvas bottom = TimelineRenderer.render(null, lower, options);
        for (int i = 0; i < count; i++) {
            Row r = rows.get(from + i);
            int y = HEADER_LINES + 2 * i;
            copy(top, 0, i, g.nameW, canvas, 0, y); // the name column, indented, with its marks
            canvas.put(g.nameW + 1, y, "A", Style.DIM);
            canvas.put(g.nameW + 1, y + 1, "B", Style.DIM);
            side(canvas, g, y, top, i, r.a() != null, "not in A");
            side(canvas, g, y + 1, bottom, i, r.b() != null, "not in B");
            delta(canvas, g, y + 1, r, ascii);
            if (from + i == selected) {
                canvas.restyle(0, y, width, Style.SELECTED);
                canvas.restyle(0, y + 1, width, Style.SELECTED);
            }
        }
        return canvas;
    }

    /** A text for a change in seconds: "+4.60ms", "-157ms", "0". */
    public static String signed(double seconds, boolean ascii) {
        if (Double.isNaN(seconds)) return "";
        if (seconds == 0) return "0";
        return (seconds > 0 ? "+" : "-") + Durations.format(Math.abs(seconds), ascii);
    }

    /** A change relative to A as a whole percentage: "+12%", "-30%", ">+999%"; blank when undefined. */
    public static String percent(double ratio) {
        if (Double.isNaN(ratio) || Double.isInfinite(ratio)) return "";
        long p = Math.round(ratio * 100);
        if (p > 999) return ">+999%";
        return (p > 0 ? "+" : "") + p + "%";
    }

    /** Slower is red, faster green; the sign says it without colour. */
    static Style deltaStyle(double seconds) {
        if (Double.isNaN(seconds) || seconds == 0) return Style.NORMAL;
        return seconds > 0 ? Style.FAULT : Style.OK;
    }

    /** The functions that started cold: "❄ xraystarter-go". */
    static String coldStarts(Trace t, boolean ascii) {
        Set<String> names = new LinkedHashSet<>();
        for (LambdaInvocation inv : LambdaInvocation.of(t)) if (inv.coldStart()) names.add(inv.functionName());
        return names.isEmpty() ? "" : (ascii ? "* " : "\u2744 ") + String.join(", ", names);
    }

    private static void header(Canvas c, TraceDiff diff, Geometry g, boolean ascii) {
        traceLine(c, 0, "A", diff.a(), g, ascii);
        traceLine(c, 1, "B", diff.b(), g, ascii);
        double delta = diff.deltaSeconds();
        c.put(g.deltaX, 1, Text.padLeft(signed(delta, ascii), DELTA_WIDTH, ascii), deltaStyle(delta));
        double ratio = diff.a().duration() > 0 ? delta / diff.a().duration() : Double.NaN;
        c.put(g.percentX, 1, Text.padLeft(percent(ratio), PERCENT_WIDTH, ascii), deltaStyle(delta));

        c.put(0, 2, Text.truncate("span", g.nameW, ascii), Style.HEADER);
        // the timeline's own axis, on the longer trace's duration
        Canvas axis = TimelineRenderer.render(null, List.of(),
                TimelineOptions.full(g.timelineWidth(), ascii).withNameWidth(g.nameW).withView(0, diff.axisSeconds()));
        copy(axis, g.nameW + 1, 0, g.barW, c, g.barX, 2);
        c.put(g.durationX, 2, Text.padLeft("duration", TimelineRenderer.DURATION_WIDTH, ascii), Style.HEADER);
        c.put(g.deltaX, 2, Text.padLeft("delta", DELTA_WIDTH, ascii), Style.HEADER);
        c.put(g.percentX, 2, Text.padLeft("%", PERCENT_WIDTH, ascii), Style.HEADER);
    }

    /** "A 1-6b08…  529ms  ❄ xraystarter-go", the duration in the duration column when there is room. */
    private static void traceLine(Canvas c, int y, String tag, Trace t, Geometry g, boolean ascii) {
        int x = c.put(0, y, tag + " ", Style.HEADER);
        String cold = coldStarts(t, ascii);
        int room = g.durationX - 1 - x;
        String id = t.id();
        if (!cold.isEmpty() && Text.width(id) + 2 + Text.width(cold) <= room) {
            x = c.put(x, y, id, Style.HEADER);
            c.put(x + 2, y, cold, Style.COLD);
        } else {
            c.put(x, y, Text.truncate(id, room, ascii), Style.HEADER);
        }
        c.put(g.durationX, y, Text.padLeft(Durations.format(t.duration(), ascii), TimelineRenderer.DURATION_WIDTH, ascii),
                Style.HEADER);
    }

    /** One trace's bar and duration, from the timeline's rendering, or a dim note that the node is not in it. */
    private static void side(Canvas c, Geometry g, int y, Canvas from, int line, boolean present, String missing) {
        if (present) {
            copy(from, g.nameW + 1, line, g.barW + 1 + TimelineRenderer.DURATION_WIDTH, c, g.barX, y);
        } else {
            c.put(g.barX, y, Text.truncate(missing, g.barW, c.ascii()), Style.DIM);
        }
    }

    private static void delta(Canvas c, Geometry g, int y, Row r, boolean ascii) {
        Presence p = r.presence();
        if (p != Presence.BOTH) {
            c.put(g.deltaX, y, Text.padLeft(p == Presence.ONLY_A ? "only A" : "only B", DELTA_WIDTH, ascii), Style.ACCENT);
            return;
        }
        double d = r.deltaSeconds();
        // of an in-progress node the duration column says "at least" and the name column marks it
        c.put(g.deltaX, y, Text.padLeft(signed(d, ascii), DELTA_WIDTH, ascii), deltaStyle(d));
        c.put(g.percentX, y, Text.padLeft(percent(r.deltaRatio()), PERCENT_WIDTH, ascii), deltaStyle(d));
    }

    /** The timeline rows of a trace by node, each with its trace's offsets, status and marks. */
    private static Map<Segment, TimelineRow> byNode(Trace t) {
        Map<Segment, TimelineRow> out = new IdentityHashMap<>();
        for (TimelineRow r : TimelineLayout.rows(t, Set.of())) out.put(r.segment(), r);
        return out;
    }

    /** Copies cells (text and style) of one line; wide characters keep their two columns. */
    private static void copy(Canvas from, int fx, int fy, int count, Canvas to, int tx, int ty) {
        for (int i = 0; i < count; i++) {
            Cell cell = from.cell(fx + i, fy);
            if (!cell.isContinuation()) to.put(tx + i, ty, cell.text(), cell.style());
        }
    }

    /** Where things go on a canvas of a given width. */
    private static final class Geometry {
        final int nameW;
        final int barX;
        final int barW;
        final int durationX;
        final int deltaX;
        final int percentX;

        Geometry(int width) {
            int wanted = width / 3;
            nameW = Math.max(12, Math.min(wanted, width - TAG_GAP - RIGHT - 10));
            barX = nameW + TAG_GAP;
            barW = Math.max(10, width - barX - RIGHT); // narrower than that, the canvas clips the right
            durationX = barX + barW + 1;
            deltaX = durationX + TimelineRenderer.DURATION_WIDTH + 1;
            percentX = deltaX + DELTA_WIDTH + 1;
        }

        /** The width of a timeline with this name column and bar area. */
        int timelineWidth() {
            return nameW + 1 + barW + 1 + TimelineRenderer.DURATION_WIDTH;
        }
    }
}
