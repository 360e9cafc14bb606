package io.xspy.statsview;

import io.xspy.stats.Breakdown;
import io.xspy.stats.PathStats;
import io.xspy.table.Column;
import io.xspy.table.Table;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.Durations;
import java.util.ArrayList;
import java.util.List;

/**
 * The pieces of the TUI's Analytics screen that are not already a {@link StatsReport} view: the
 * list of span paths (a table, defined once), and one path's report followed by the part-whole
 * bars of the Lambda function it runs in. Pure, as the other views.
 */
public final class AnalyticsView {
    private AnalyticsView() {}

    /** A row of the path list: the path's statistics and its p50 and p95, computed once with the data. */
    public record PathRow(PathStats path, double p50, double p95) {}

    /** n, p50, p95 and the path; the path takes the rest of the width. */
    public static Table<PathRow> paths() {
        return new Table<>(List.of(
                Column.number("n", 6, (PathRow r, Boolean ascii) -> Integer.toString(r.path().count())),
                Column.number("p50", 7, (PathRow r, Boolean ascii) -> Durations.format(r.p50(), ascii)),
                Column.<PathRow>number("p95", 7, (r, ascii) -> Durations.format(r.p95(), ascii)).optional(1),
                new Column<PathRow>("span path", 10, 1, io.xspy.table.Align.LEFT, (r, ascii) -> r.path().path().display(ascii),
                        null, r -> io.xspy.timeline.Style.NORMAL)));
    }

    /**
     * One path: title, summary, histogram and percentiles over time from {@code from} to {@code to}
     * (seconds since the epoch), then, when the path runs in a Lambda function, where that function's
     * time goes (cold and warm side by side), a blank row apart.
     */
    public static Canvas path(PathStats p, Breakdown function, double from, double to, int width, boolean ascii) {
        List<Canvas> parts = new ArrayList<>();
        parts.add(StatsReport.path(p, from, to, width, ascii));
        if (function != null) parts.add(PartWholeView.render(function, width, ascii));
        return Stack.vertical(parts, width, 1, ascii);
    }
}
