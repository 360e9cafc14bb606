package io.xspy.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.query.TimeWindow;
import io.xspy.source.Page;
import io.xspy.source.XrayJson;
import io.xspy.table.Align;
import io.xspy.table.Column;
import io.xspy.table.Table;
import io.xspy.timeline.AnsiText;
import io.xspy.timeline.StatusMarks;
import io.xspy.timeline.Style;
import io.xspy.trace.Status;
import io.xspy.trace.TraceSummary;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;

/** {@code xspy traces}: the summaries of the traces in the window that match a filter, newest first. */
@Command(name = "traces", mixinStandardHelpOptions = true,
        description = "List the traces in the window that match a filter expression, newest first.")
final class TracesCommand implements Callable<Integer> {

    @ParentCommand XspyCommand root;

    @Option(names = "--filter", paramLabel = "EXPR",
            description = "An X-Ray filter expression, e.g. 'service(\"xraystarter-py\") { fault }'.")
    String filter;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N traces (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--output", defaultValue = "text", paramLabel = "text|json",
            description = "text, or json in the shape of GetTraceSummaries.")
    OutputFormat output;

    @Override
    public Integer call() {
        if (limit < 1) throw new ParameterException(root.spec.commandLine(), "--limit: must be at least 1, not " + limit);
        FilterOption.check(root.spec.commandLine(), filter);
        PrintWriter out = root.out();
        try (Sources.Opened opened = Sources.openOnce(root, root.err())) {
            TimeWindow window = opened.window(root);
            List<TraceSummary> found = new ArrayList<>();
            String token = null;
            do {
                Page<TraceSummary> page = FilterOption.page(root.spec.commandLine(), opened.source(), window, filter, token);
                for (TraceSummary s : page.items()) if (found.size() < limit) found.add(s);
                token = page.nextToken();
            } while (token != null && found.size() < limit);
            if (output == OutputFormat.json) {
                ObjectNode json = JsonNodeFactory.instance.objectNode();
                ArrayNode list = json.putArray("TraceSummaries");
                found.forEach(s -> list.add(XrayJson.traceSummary(s)));
                json.put("ApproximateTime", window.endSeconds());
                json.put("TracesProcessedCount", found.size());
                Printing.json(out, json);
                return 0;
            }
            print(out, found, root.colorOnStdout(), root.asciiOnly());
        }
        return 0;
    }

    /** One table definition (io.xspy.table), as for services; each row in the colour of its status. */
    static void print(PrintWriter out, List<TraceSummary> summaries, boolean color, boolean ascii) {
        out.print(AnsiText.of(new Table<>(List.of(
                column("START", Align.LEFT, (s, a) -> start(s.startTime())),
                column("ID", Align.LEFT, (s, a) -> s.id()),
                column("DURATION", Align.RIGHT, (s, a) -> ServicesCommand.time(s.duration(), a)),
                column("RESPONSE", Align.RIGHT, (s, a) -> ServicesCommand.time(s.responseTime(), a)),
                column("STATUS", Align.LEFT, (s, a) -> status(s.status())),
                column("COLD", Align.LEFT, (s, a) -> s.coldStart() ? (a ? "*" : "\u2744") : ""),
                column("HTTP", Align.LEFT, (s, a) -> s.http().method() == null ? ""
                        : s.http().method() + " " + nullToEmpty(s.http().url())))).print(summaries, ascii), color));
    }

    private static Column<TraceSummary> column(String header, Align align, BiFunction<TraceSummary, Boolean, String> value) {
        return new Column<>(header, 0, 0, align, value, null, s -> style(s.status()));
    }

    static String start(double epochSeconds) {
        Instant i = Instant.ofEpochMilli((long) (epochSeconds * 1000));
        return i.toString().replace('T', ' ').replaceFirst("(\\.\\d{3})?Z$", "Z");
    }

    static String status(Status s) {
        String symbol = StatusMarks.symbol(s);
        return symbol == null ? StatusMarks.word(s) : symbol + " " + StatusMarks.word(s);
    }

    static Style style(Status s) {
        return s == Status.OK ? Style.NORMAL : StatusMarks.style(s);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
