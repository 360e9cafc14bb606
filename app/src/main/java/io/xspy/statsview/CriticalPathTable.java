package io.xspy.statsview;

import io.xspy.stats.CriticalPath;
import io.xspy.stats.CriticalPath.Contribution;
import io.xspy.table.Align;
import io.xspy.table.Column;
import io.xspy.table.Table;
import io.xspy.timeline.Durations;
import io.xspy.timeline.Style;
import io.xspy.timeline.TimelineLayout;
import java.util.List;
import java.util.Locale;

/** The critical path as a table: each span's share of the trace, its time on the path, where it begins. */
public final class CriticalPathTable {

    public static final String UNTRACED = "(untraced)";

    private CriticalPathTable() {}

    public static Table<Contribution> table() {
        return new Table<>(List.of(
                new Column<Contribution>("SHARE", 6, 0, Align.RIGHT, (c, a) -> share(c.share()), null, c -> Style.NORMAL),
                new Column<Contribution>("ON PATH", 8, 0, Align.RIGHT, (c, a) -> Durations.format(c.seconds(), a), null,
                        c -> Style.NORMAL),
                new Column<Contribution>("FROM", 8, 0, Align.RIGHT, (c, a) -> Durations.format(c.start(), a), null,
                        c -> Style.DIM),
                new Column<Contribution>("SPAN", 12, 1, Align.LEFT, (c, a) -> name(c, a), null,
                        c -> c.untraced() ? Style.DIM : Style.NORMAL)));
    }

    /** The line above the table: "critical path: 640ms, 9 spans, 2 untraced stretches". */
    public static String title(CriticalPath path, boolean ascii) {
        long spans = path.contributions().stream().filter(c -> !c.untraced()).count();
        long untraced = path.contributions().size() - spans;
        String s = "critical path: " + Durations.format(path.duration(), ascii) + ", " + spans + (spans == 1 ? " span" : " spans");
        if (untraced > 0) s += ", " + untraced + (untraced == 1 ? " untraced stretch" : " untraced stretches");
        return s;
    }

    /** What a row calls a contribution: the span as the timeline labels it, or "(untraced)". */
    public static String name(Contribution c, boolean ascii) {
        return c.untraced() ? UNTRACED : TimelineLayout.label(c.segment(), ascii);
    }

    /** A share as a percentage with one decimal: "12.5%", "<0.1%". */
    public static String share(double share) {
        if (share > 0 && share < 0.0005) return "<0.1%";
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
