package io.xspy.statsview;

import io.xspy.stats.Breakdown;
import io.xspy.stats.Comparison;
import io.xspy.stats.Group;
import io.xspy.stats.PathComparison;
import io.xspy.stats.PathStats;
import io.xspy.stats.SpanStats;
import io.xspy.table.Table;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.Durations;
import io.xspy.timeline.Style;
import io.xspy.timeline.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistics views as canvases, from the results of io.xspy.stats and a width: pure functions,
 * so the CLI prints them and the TUI draws them (or any piece of them) the same way.
 */
public final class StatsReport {
    static final int INDENT = 2;
    static final int HISTOGRAM_BUCKETS = 10;

    private StatsReport() {}

    /** Every selected path: its summary, histogram and percentiles over time, a blank row apart. */
    public static Canvas paths(SpanStats stats, int width, boolean ascii) {
        List<Canvas> blocks = new ArrayList<>();
        for (PathStats p : stats.paths()) blocks.add(path(p, stats.firstStart(), stats.lastStart(), width, ascii));
        if (blocks.isEmpty()) blocks.add(line("no span matches", width, Style.DIM, ascii));
        return Stack.vertical(blocks, width, 1, ascii);
    }

    /** One path: title, summary table, histogram of its groups, sparklines from {@code from} to {@code to}. */
    public static Canvas path(PathStats p, double from, double to, int width, boolean ascii) {
        List<Canvas> parts = new ArrayList<>();
        parts.add(line(p.path().display(ascii), width, Style.HEADER, ascii));
        parts.add(summary(p, width, ascii));
        parts.add(line("", width, Style.NORMAL, ascii));
        parts.add(indent(histogram(p, width - INDENT, ascii), width, ascii));
        parts.add(line("", width, Style.NORMAL, ascii));
        parts.add(indent(SeriesView.render(p, SeriesView.keys(p), from, to, width - INDENT, ascii), width, ascii));
        return Stack.vertical(parts, width, 0, ascii);
    }

    /** The summary table: a row per group, then all spans (only all without a split). */
    public static Canvas summary(PathStats p, int width, boolean ascii) {
        List<StatsTables.GroupRow> rows = new ArrayList<>();
        p.groups().forEach(g -> rows.add(new StatsTables.GroupRow(g)));
        rows.add(new StatsTables.GroupRow(p.all()));
        return table(StatsTables.summary(StatsTables.labelWidth(rows, ascii)), rows, width, ascii);
    }

    /** The histogram of the groups (all spans without a split; at most the four largest groups). */
    public static Canvas histogram(PathStats p, int width, boolean ascii) {
        List<Group> groups = p.groups().isEmpty() ? List.of(p.all()) : p.groups();
        if (groups.size() > 4) groups = groups.subList(0, 4);
        return HistogramView.render(groups, width, HISTOGRAM_BUCKETS, ascii);
    }

    /** One row per span of the path: the post's table. */
    public static Canvas spans(PathStats p, int width, boolean ascii) {
        List<Canvas> parts = new ArrayList<>();
        parts.add(line(p.path().display(ascii), width, Style.HEADER, ascii));
        parts.add(table(StatsTables.spans(), p.spans(), width, ascii));
        return Stack.vertical(parts, width, 0, ascii);
    }

    /**
     * Set A against set B for one path: the sets, a line of plain words, the differences with their
     * intervals, and both histograms on the same buckets.
     */
    public static Canvas comparison(PathComparison pc, String nameA, String nameB, int width, boolean ascii) {
        Comparison c = pc.comparison();
        List<Canvas> parts = new ArrayList<>();
        parts.add(line(pc.path().display(ascii), width, Style.HEADER, ascii));
        parts.add(line("  A: " + nameA + " (" + spans(c.a().count()) + ")", width, Style.NORMAL, ascii));
        parts.add(line("  B: " + nameB + " (" + spans(c.b().count()) + ")", width, Style.NORMAL, ascii));
        for (String words : wrap(verdict(c, ascii), width - INDENT)) {
            parts.add(line("  " + words, width, c.anySignificant() ? Style.ACCENT : Style.DIM, ascii));
        }
        parts.add(line("", width, Style.NORMAL, ascii));
        parts.add(table(StatsTables.comparison(), StatsTables.deltaRows(c), width, ascii));
        parts.add(line("", width, Style.NORMAL, ascii));
        List<Group> both = List.of(new Group("A", c.a().durations(), c.a().faults(), c.a().errors()),
                new Group("B", c.b().durations(), c.b().faults(), c.b().errors()));
        parts.add(indent(HistogramView.render(both, width - INDENT, HISTOGRAM_BUCKETS, ascii), width, ascii));
        return Stack.vertical(parts, width, 0, ascii);
    }

    /**
     * What changed, in words: each significant change ("5xx% fell from 100% to 0%", "p50 faster:
     * 1.02s to 45.1ms"), or "no significant change (95% intervals)".
     */
    public static String verdict(Comparison c, boolean ascii) {
        List<String> changes = new ArrayList<>();
        String arrow = " " + Glyphs.arrow(ascii) + " ";
        for (Comparison.Delta d : List.of(c.faultRate(), c.errorRate())) {
            if (d.verdict() == Comparison.Verdict.UP || d.verdict() == Comparison.Verdict.DOWN) {
                String what = d == c.faultRate() ? "fault rate" : "error rate";
                changes.add(what + " " + d.words() + ": " + percent(d.a()) + arrow + percent(d.b()));
            }
        }
        for (Comparison.Delta d : c.percentiles()) {
            if (d.verdict() == Comparison.Verdict.UP || d.verdict() == Comparison.Verdict.DOWN) {
                changes.add("p" + (int) d.p() + " " + d.words() + ": " + Durations.format(d.a(), ascii) + arrow
                        + Durations.format(d.b(), ascii));
            }
        }
        if (!changes.isEmpty()) return String.join("; ", changes);
        boolean tooFew = c.faultRate().verdict() == Comparison.Verdict.TOO_FEW
                || c.percentiles().get(0).verdict() == Comparison.Verdict.TOO_FEW;
        return tooFew ? "too few spans to tell (fewer than " + Comparison.MIN_SPANS + " in a set)"
                : "no significant change (95% intervals)";
    }

    /** Lines of at most {@code width} columns, broken after "; " where possible. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String piece : text.split("(?<=; )")) {
            if (line.length() > 0 && Text.width(line.toString() + piece.stripTrailing()) > width) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            line.append(piece);
        }
        if (line.length() > 0) lines.add(line.toString().stripTrailing());
        return lines;
    }

    /** Part-whole of each function, a blank row apart. */
    public static Canvas breakdowns(List<Breakdown> all, int width, boolean ascii) {
        List<Canvas> blocks = new ArrayList<>();
        for (Breakdown b : all) blocks.add(PartWholeView.render(b, width, ascii));
        if (blocks.isEmpty()) blocks.add(line("no Lambda function in these traces", width, Style.DIM, ascii));
        return Stack.vertical(blocks, width, 1, ascii);
    }

    /** A table at the indent, laid out for the width (optional columns dropped when narrow). */
    static <T> Canvas table(Table<T> table, List<T> rows, int width, boolean ascii) {
        Canvas c = new Canvas(width, rows.size() + 1, ascii);
        int[] widths = table.widths(width - INDENT, 2);
        table.header(c, INDENT, 0, widths, 2);
        for (int i = 0; i < rows.size(); i++) table.row(c, INDENT, i + 1, rows.get(i), widths, 2);
        return c;
    }

    static Canvas line(String text, int width, Style style, boolean ascii) {
        Canvas c = new Canvas(width, 1, ascii);
        c.put(0, 0, Text.truncate(Text.sanitize(text, ascii), width, ascii), style);
        return c;
    }

    private static Canvas indent(Canvas inner, int width, boolean ascii) {
        Canvas c = new Canvas(width, inner.height(), ascii);
        c.draw(inner, INDENT, 0);
        return c;
    }

    private static String spans(int n) {
        return n + (n == 1 ? " span" : " spans");
    }

    private static String percent(double share) {
        double p = share * 100;
        return (p == Math.rint(p) || p >= 10 ? String.valueOf(Math.round(p)) : String.format(java.util.Locale.ROOT, "%.1f", p)) + "%";
    }
}
