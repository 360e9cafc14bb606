package io.xspy.statsview;

import io.xspy.stats.Breakdown;
import io.xspy.stats.Comparison;
import io.xspy.stats.Group;
import io.xspy.stats.Split;
import io.xspy.stats.SpanRow;
import io.xspy.table.Align;
import io.xspy.table.Column;
import io.xspy.table.ServiceTables;
import io.xspy.table.Table;
import io.xspy.timeline.Durations;
import io.xspy.timeline.Style;
import io.xspy.timeline.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The tables of the statistics views, defined once (io.xspy.table): the CLI prints them, the TUI
 * draws them. Durations as {@link Durations} writes them; rates in percent as the services table.
 */
public final class StatsTables {
    private StatsTables() {}

    /** A row of the summary: a group of a path's spans (cold, warm, a value, or all of them). */
    public record GroupRow(Group group) {
        boolean cold() {
            return group.key().equals(Split.COLD_KEY);
        }
    }

    /** count, fault and error rates, min, p50, p90, p95, p99, max, mean; the least needed kept on a narrow screen. */
    public static Table<GroupRow> summary(int labelWidth) {
        List<Column<GroupRow>> columns = new ArrayList<>();
        columns.add(new Column<GroupRow>("", labelWidth, 0, Align.LEFT, (r, ascii) -> label(r, ascii), null,
                r -> r.cold() ? Style.COLD : r.group().key().equals(Group.ALL) ? Style.DIM : Style.NORMAL));
        columns.add(Column.number("n", 6, (r, ascii) -> Integer.toString(r.group().count())));
        columns.add(Column.<GroupRow>number("5xx%", 4, (r, ascii) -> ServiceTables.percent(r.group().faults(), r.group().count()))
                .styled(r -> r.group().faults() > 0 ? Style.FAULT : Style.NORMAL));
        columns.add(Column.<GroupRow>number("4xx%", 4, (r, ascii) -> ServiceTables.percent(r.group().errors(), r.group().count()))
                .styled(r -> r.group().errors() > 0 ? Style.ERROR : Style.NORMAL).optional(1));
        columns.add(StatsTables.<GroupRow>time("min", r -> r.group().durations().min()).optional(3));
        columns.add(time("p50", r -> r.group().durations().percentile(50)));
        columns.add(StatsTables.<GroupRow>time("p90", r -> r.group().durations().percentile(90)).optional(4));
        columns.add(time("p95", r -> r.group().durations().percentile(95)));
        columns.add(time("p99", r -> r.group().durations().percentile(99)));
        columns.add(StatsTables.<GroupRow>time("max", r -> r.group().durations().max()).optional(2));
        columns.add(StatsTables.<GroupRow>time("mean", r -> r.group().durations().mean()).optional(5));
        return new Table<>(columns);
    }

    /** The label column's width for these rows: the longest label, 4 to 24 columns. */
    public static int labelWidth(List<GroupRow> rows, boolean ascii) {
        int w = 4;
        for (GroupRow r : rows) w = Math.max(w, Text.width(Text.sanitize(label(r, ascii), ascii)));
        return Math.min(24, w);
    }

    static String label(GroupRow r, boolean ascii) {
        return r.cold() ? Glyphs.cold(ascii) + " cold" : r.group().key();
    }

    /** One span per trace: the post's table (trace id, cold or warm, the span's duration), and when and how it ended. */
    public static Table<SpanRow> spans() {
        return new Table<>(List.of(
                Column.text("trace", 35, 0, SpanRow::traceId),
                Column.text("start", 20, 0, (SpanRow r) -> start(r.start())).styled(r -> Style.DIM).optional(1),
                new Column<SpanRow>("group", 6, 0, Align.LEFT,
                        (r, ascii) -> r.key().equals(Split.COLD_KEY) ? Glyphs.cold(ascii) + " cold" : r.key(), null,
                        r -> r.key().equals(Split.COLD_KEY) ? Style.COLD : Style.NORMAL),
                Column.number("duration", 8, (SpanRow r, Boolean ascii) -> duration(r.duration(), ascii)),
                new Column<SpanRow>("status", 6, 0, Align.LEFT,
                        (r, ascii) -> r.fault() ? "! fault" : r.error() ? "? error" : "ok", null,
                        r -> r.fault() ? Style.FAULT : r.error() ? Style.ERROR : Style.NORMAL)));
    }

    /** A line of an A/B comparison: a percentile or a rate, A, B, B − A, its interval and the verdict. */
    public record DeltaRow(String metric, Comparison.Delta delta) {}

    public static List<DeltaRow> deltaRows(Comparison c) {
        List<DeltaRow> rows = new ArrayList<>();
        for (Comparison.Delta d : c.percentiles()) rows.add(new DeltaRow("p" + (int) d.p(), d));
        rows.add(new DeltaRow("5xx%", c.faultRate()));
        rows.add(new DeltaRow("4xx%", c.errorRate()));
        return rows;
    }

    public static Table<DeltaRow> comparison() {
        return new Table<>(List.of(
                Column.text("", 5, 0, DeltaRow::metric),
                Column.number("A", 7, (r, ascii) -> value(r.delta(), r.delta().a(), ascii)),
                Column.number("B", 7, (r, ascii) -> value(r.delta(), r.delta().b(), ascii)),
                Column.<DeltaRow>number("B-A", 8, (r, ascii) -> signed(r.delta(), r.delta().difference(), ascii))
                        .styled(StatsTables::verdictStyle),
                Column.<DeltaRow>number("95% interval", 19, (r, ascii) -> interval(r.delta(), ascii)).optional(1),
                new Column<DeltaRow>("", 21, 0, Align.LEFT, (r, ascii) -> r.delta().words(), null,
                        StatsTables::verdictStyle)));
    }

    /** A line of a part-whole table: one part of a function's time. */
    public record PartRow(Breakdown breakdown, int part) {
        String name() {
            return part < 0 ? "total" : breakdown.parts().get(part);
        }
    }

    public static List<PartRow> partRows(Breakdown b) {
        List<PartRow> rows = new ArrayList<>();
        for (int i = 0; i < b.parts().size(); i++) rows.add(new PartRow(b, i));
        rows.add(new PartRow(b, -1));
        return rows;
    }

    /** Each part's mean and slow-tail mean, warm then cold; the last row their totals and counts. */
    public static Table<PartRow> parts(int nameWidth) {
        return new Table<>(List.of(
                new Column<PartRow>("", nameWidth, 0, Align.LEFT, (r, a) -> (r.part < 0 ? "" : Glyphs.fill(r.part, a) + " ") + r.name(),
                        null, r -> r.part < 0 ? Style.HEADER : PartWholeView.style(r.part)),
                Column.number("warm mean", 9, (r, a) -> part(r, r.breakdown().warm(), false, a)),
                Column.number("warm tail", 9, (r, a) -> part(r, r.breakdown().warm(), true, a)),
                Column.<PartRow>number("cold mean", 9, (r, a) -> part(r, r.breakdown().cold(), false, a)).styled(r -> Style.COLD),
                Column.<PartRow>number("cold tail", 9, (r, a) -> part(r, r.breakdown().cold(), true, a)).styled(r -> Style.COLD)));
    }

    /** The part column's width: the longest part and its fill, 12 to 28 columns. */
    public static int partWidth(Breakdown b, boolean ascii) {
        int w = 12;
        for (String p : b.parts()) w = Math.max(w, Text.width(Text.sanitize(p, ascii)) + 2);
        return Math.min(28, w);
    }

    private static String part(PartRow r, Breakdown.Side side, boolean tail, boolean ascii) {
        if (side.invocations() == 0) return "-";
        double v = r.part < 0 ? (tail ? side.tailTotal() : side.meanTotal()) : (tail ? side.tail() : side.mean())[r.part];
        return Durations.format(v, ascii);
    }

    static <T> Column<T> time(String header, Function<T, Double> seconds) {
        return Column.number(header, 7, (r, ascii) -> duration(seconds.apply(r), ascii));
    }

    static String duration(double seconds, boolean ascii) {
        return Double.isNaN(seconds) ? "-" : Durations.format(seconds, ascii);
    }

    static String start(double epochSeconds) {
        Instant i = Instant.ofEpochMilli((long) (epochSeconds * 1000));
        return i.toString().replace('T', ' ').replaceFirst("(\\.\\d{1,3})?Z$", "Z");
    }

    private static String value(Comparison.Delta d, double v, boolean ascii) {
        if (Double.isNaN(v)) return "-";
        return d.isDuration() ? Durations.format(v, ascii) : percent(v);
    }

    /** A difference with its sign: "+12.3ms", "-1.02s", "-100pt" (percentage points for rates). */
    static String signed(Comparison.Delta d, double v, boolean ascii) {
        if (Double.isNaN(v)) return "-";
        String sign = v > 0 ? "+" : v < 0 ? "-" : "";
        if (d.isDuration()) return sign + (v == 0 ? "0" : Durations.format(Math.abs(v), ascii));
        return sign + points(Math.abs(v)) + "pt";
    }

    static String interval(Comparison.Delta d, boolean ascii) {
        if (Double.isNaN(d.low())) return "";
        return "[" + signed(d, d.low(), ascii) + ", " + signed(d, d.high(), ascii) + "]";
    }

    private static String percent(double share) {
        return points(share) + "%";
    }

    /** A share as percent: "0", "7.7", "100". */
    private static String points(double share) {
        double p = share * 100;
        if (p == 0) return "0";
        return p < 10 ? String.format(Locale.ROOT, "%.1f", p) : String.valueOf(Math.round(p));
    }

    private static Style verdictStyle(DeltaRow r) {
        return switch (r.delta().verdict()) {
            case UP -> Style.FAULT;
            case DOWN -> Style.OK;
            default -> Style.DIM;
        };
    }
}
