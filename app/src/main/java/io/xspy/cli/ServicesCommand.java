package io.xspy.cli;

import io.xspy.graph.ServiceGraph;
import io.xspy.source.XrayJson;
import io.xspy.table.ServiceTables;
import io.xspy.timeline.AnsiText;
import io.xspy.timeline.Durations;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code xspy services}: the service graph of the window, nodes with their statistics and the edges. */
@Command(name = "services", mixinStandardHelpOptions = true,
        description = "Print the service graph: each node's requests, shares of 4xx (429 included), 429 and 5xx, and"
                + " p50/p90/p99 latency, then the edges.")
final class ServicesCommand implements Callable<Integer> {

    @ParentCommand XspyCommand root;

    @Option(names = "--output", defaultValue = "text", paramLabel = "text|json",
            description = "text, or json in the shape of GetServiceGraph.")
    OutputFormat output;

    @Option(names = "--map", description = "Draw the service map: boxes in layers from the entry points to the leaves,"
            + " edges with arrowheads.")
    boolean map;

    @Option(names = "--width", paramLabel = "N", description = "Columns of the map (40..400; default: the terminal's, else 120).")
    Integer width;

    @Override
    public Integer call() {
        PrintWriter out = root.out();
        try (Sources.Opened opened = Sources.openOnce(root, root.err())) {
            ServiceGraph graph = opened.source().serviceGraph(opened.window(root));
            if (output == OutputFormat.json) {
                Printing.json(out, XrayJson.serviceGraph(graph));
                return 0;
            }
            if (map) ServiceMapPrinter.print(out, graph, width != null ? width : TraceCommand.terminalWidth(), root.colorOnStdout(),
                    root.asciiOnly());
            else print(out, graph, root.colorOnStdout(), root.asciiOnly());
        }
        return 0;
    }

    /** The services table, then the edges table: both defined in {@link ServiceTables}, as the TUI draws them. */
    static void print(PrintWriter out, ServiceGraph graph, boolean color, boolean ascii) {
        out.print(AnsiText.of(ServiceTables.services().print(graph.services(), ascii), color));
        if (graph.edges().isEmpty()) return;
        out.println();
        out.print(AnsiText.of(ServiceTables.edges(graph, ascii).print(graph.edges(), ascii), color));
    }

    /** A duration for a table cell, "-" when there is none (also for {@code xspy traces}). */
    static String time(double seconds, boolean ascii) {
        return Double.isNaN(seconds) ? "-" : Durations.format(seconds, ascii);
    }
}
