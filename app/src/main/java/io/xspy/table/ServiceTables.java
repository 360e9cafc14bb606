package io.xspy.table;

import io.xspy.graph.Histogram;
import io.xspy.graph.ServiceGraph;
import io.xspy.graph.Statistics;
import io.xspy.timeline.Durations;
import io.xspy.timeline.StatusMarks;
import io.xspy.timeline.Style;
import io.xspy.trace.ServiceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The services table (what {@code xspy services} prints and the TUI's services screen draws) and
 * the edges table, defined once. The counts follow X-Ray's statistics: 4xx% is every client error,
 * throttles (429) included, as ErrorStatistics.TotalCount; 429% is the throttled part of it; 5xx%
 * is FaultStatistics.TotalCount. All three are shares of the requests.
 */
public final class ServiceTables {
    private ServiceTables() {}

    /** One column per service: status, name, type, then the statistics columns. */
    public static Table<ServiceGraph.Node> services() {
        List<Column<ServiceGraph.Node>> columns = new ArrayList<>();
        columns.add(mark(ServiceGraph.Node::summary));
        columns.add(Column.text("service", 14, 1, (ServiceGraph.Node n) -> n.id().name()));
        columns.add(Column.text("type", 11, 1, (ServiceGraph.Node n) -> type(n.id()))
                .compactly(n -> shortType(n.id())).styled(n -> Style.DIM));
        columns.addAll(statistics(ServiceGraph.Node::summary, ServiceGraph.Node::responseTimes));
        return new Table<>(columns);
    }

    /** One column per edge: status, caller and callee with their types (a name alone is ambiguous), the statistics. */
    public static Table<ServiceGraph.Edge> edges(ServiceGraph graph, boolean ascii) {
        List<Column<ServiceGraph.Edge>> columns = new ArrayList<>();
        columns.add(mark(ServiceGraph.Edge::summary));
        columns.add(Column.text("caller", 8, 1, (ServiceGraph.Edge e) -> node(graph, e.sourceId())));
        columns.add(Column.text("", 1, 0, (ServiceGraph.Edge e) -> ascii ? "->" : "\u2192").styled(e -> Style.DIM));
        columns.add(Column.text("callee", 8, 1, (ServiceGraph.Edge e) -> node(graph, e.targetId())));
        columns.addAll(statistics(ServiceGraph.Edge::summary, ServiceGraph.Edge::responseTimes));
        return new Table<>(columns);
    }

    /** Requests, the shares of 4xx (429 included), 429 and 5xx, and the response time percentiles. */
    static <T> List<Column<T>> statistics(Function<T, Statistics> stats, Function<T, Histogram> times) {
        return List.of(
                Column.<T>number("req", 6, (r, ascii) -> Long.toString(stats.apply(r).totalCount())),
                Column.<T>number("4xx%", 4, (r, ascii) -> percent(stats.apply(r).errorTotal(), stats.apply(r).totalCount()))
                        .styled(r -> stats.apply(r).errorTotal() > 0 ? Style.ERROR : Style.NORMAL),
                Column.<T>number("429%", 4, (r, ascii) -> percent(stats.apply(r).errorThrottleCount(), stats.apply(r).totalCount()))
                        .styled(r -> stats.apply(r).errorThrottleCount() > 0 ? Style.THROTTLE : Style.NORMAL),
                Column.<T>number("5xx%", 4, (r, ascii) -> percent(stats.apply(r).faultTotal(), stats.apply(r).totalCount()))
                        .styled(r -> stats.apply(r).faultTotal() > 0 ? Style.FAULT : Style.NORMAL),
                Column.<T>number("p50", 7, (r, ascii) -> percentile(times.apply(r), 0.5, ascii)),
                Column.<T>number("p90", 7, (r, ascii) -> percentile(times.apply(r), 0.9, ascii)).optional(1),
                Column.<T>number("p99", 7, (r, ascii) -> percentile(times.apply(r), 0.99, ascii)).optional(2));
    }

    private static <T> Column<T> mark(Function<T, Statistics> stats) {
        return new Column<T>("", 1, 0, Align.LEFT, (r, ascii) -> StatusMarks.mark(stats.apply(r).status(), ascii), null,
                r -> StatusMarks.style(stats.apply(r).status()));
    }

    /** A share in percent: "0", "7.7" below ten, "15" above; "-" without requests (as the percentiles). */
    public static String percent(long part, long total) {
        if (total == 0) return "-";
        if (part == 0) return "0";
        double p = 100.0 * part / total;
        return p < 10 ? String.format(Locale.ROOT, "%.1f", p) : String.valueOf(Math.round(p));
    }

    /** A response-time percentile, "-" without requests. */
    public static String percentile(Histogram h, double q, boolean ascii) {
        return h == null || h.total() == 0 ? "-" : Durations.format(h.percentile(q), ascii);
    }

    private static String type(ServiceId id) {
        return id.type() == null ? "" : id.type();
    }

    /** "Lambda::Function" for "AWS::Lambda::Function": enough to tell types apart in a narrow column. */
    private static String shortType(ServiceId id) {
        String t = type(id);
        return t.startsWith("AWS::") ? t.substring(5) : t;
    }

    /** A node as "name (type)", or the name alone when it has no type; "#id" for an unknown node. */
    public static String node(ServiceGraph graph, int referenceId) {
        ServiceGraph.Node n = graph.node(referenceId);
        if (n == null) return "#" + referenceId;
        return n.id().type() == null || n.id().type().isEmpty() ? n.id().name() : n.id().name() + " (" + n.id().type() + ")";
    }
}
