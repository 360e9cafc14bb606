package io.xspy.cli;

import io.xspy.graph.Histogram;
import io.xspy.graph.ServiceGraph;
import io.xspy.graph.Statistics;
import io.xspy.source.XrayJson;
import io.xspy.timeline.Durations;
import io.xspy.timeline.Style;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code xspy services}: the service graph of the window, nodes with their statistics and the edges. */
@Command(name = "services", mixinStandardHelpOptions = true,
        description = "Print the service graph: each node's requests, errors, faults, throttles and latency, then the edges.")
final class ServicesCommand implements Callable<Integer> {

    @ParentCommand XspyCommand root;

    @Option(names = "--output", defaultValue = "text", paramLabel = "text|json",
            description = "text, or json in the shape of GetServiceGraph.")
    OutputFormat output;

    @Override
    public Integer call() {
        PrintWriter out = root.out();
        try (Sources.Opened opened = Sources.open(root, root.err())) {
            ServiceGraph graph = opened.source().serviceGraph(opened.window(root));
            if (output == OutputFormat.json) {
                Printing.json(out, XrayJson.serviceGraph(graph));
                return 0;
            }
            print(out, graph, root.colorOnStdout(), root.asciiOnly());
        }
        return 0;
    }

    static void print(PrintWriter out, ServiceGraph graph, boolean color, boolean ascii) {
        List<Printing.Column> columns = List.of(new Printing.Column("NAME", false), new Printing.Column("TYPE", false),
                new Printing.Column("REQUESTS", true), new Printing.Column("OK", true),
                new Printing.Column("4XX", true), new Printing.Column("5XX", true), new Printing.Column("429", true),
                new Printing.Column("AVG", true), new Printing.Column("P50", true), new Printing.Column("P90", true),
                new Printing.Column("P99", true));
        List<Printing.Row> rows = new ArrayList<>();
        for (ServiceGraph.Node n : graph.services()) {
            Statistics s = n.summary();
            Histogram h = n.responseTimes();
            rows.add(new Printing.Row(List.of(n.id().name(), n.id().type() == null ? "" : n.id().type(),
                    Long.toString(s.totalCount()), Long.toString(s.okCount()), Long.toString(s.errorOtherCount()),
                    Long.toString(s.faultTotal()), Long.toString(s.errorThrottleCount()),
                    time(s.totalCount() == 0 ? Double.NaN : s.average(), ascii), time(h.percentile(0.5), ascii),
                    time(h.percentile(0.9), ascii), time(h.percentile(0.99), ascii)), style(s)));
        }
        Printing.table(out, columns, rows, color, ascii);
        if (graph.edges().isEmpty()) return;
        out.println();
        List<Printing.Column> edgeColumns = List.of(new Printing.Column("CALLER", false),
                new Printing.Column(ascii ? "->" : "→", false), new Printing.Column("CALLEE", false),
                new Printing.Column("REQUESTS", true), new Printing.Column("4XX", true),
                new Printing.Column("5XX", true), new Printing.Column("429", true), new Printing.Column("AVG", true),
                new Printing.Column("P90", true));
        List<Printing.Row> edgeRows = new ArrayList<>();
        for (ServiceGraph.Edge e : graph.edges()) {
            ServiceGraph.Node from = graph.node(e.sourceId());
            ServiceGraph.Node to = graph.node(e.targetId());
            Statistics s = e.summary();
            edgeRows.add(new Printing.Row(List.of(from == null ? "?" : from.id().name(), ascii ? "->" : "→",
                    to == null ? "?" : to.id().name(), Long.toString(s.totalCount()),
                    Long.toString(s.errorOtherCount()), Long.toString(s.faultTotal()),
                    Long.toString(s.errorThrottleCount()), time(s.totalCount() == 0 ? Double.NaN : s.average(), ascii),
                    time(e.responseTimes().percentile(0.9), ascii)), style(s)));
        }
        Printing.table(out, edgeColumns, edgeRows, color, ascii);
    }

    static Style style(Statistics s) {
        return TracesCommand.style(s.status());
    }

    static String time(double seconds, boolean ascii) {
        return Double.isNaN(seconds) ? "-" : Durations.format(seconds, ascii);
    }
}
