package io.xspy.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.source.SourceException;
import io.xspy.source.XrayJson;
import io.xspy.stats.CriticalPath;
import io.xspy.statsview.CriticalPathTable;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.Style;
import io.xspy.timeline.Text;
import io.xspy.timeline.AnsiText;
import io.xspy.timeline.TimelineLayout;
import io.xspy.timeline.TimelineOptions;
import io.xspy.timeline.TimelineRenderer;
import io.xspy.timeline.TimelineRow;
import io.xspy.trace.Trace;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code xspy trace ID}: the segment timeline of one trace, as text; with its critical path on request. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Print the segment timeline of one trace (or its segment documents as JSON).")
final class TraceCommand implements Callable<Integer> {

    private static final int CHUNK_ROWS = 512;

    @ParentCommand XspyCommand root;

    @Parameters(paramLabel = "TRACE_ID", description = "The trace, e.g. 1-63847262-1f7b1f131c705dd37c779140.")
    String traceId;

    @Option(names = "--width", paramLabel = "N", description = "Columns (40..400; default: the terminal's, else 120).")
    Integer width;

    @Option(names = "--output", defaultValue = "text", paramLabel = "text|json",
            description = "text, or json in the shape of BatchGetTraces.")
    OutputFormat output;

    @Option(names = "--critical-path", description = "Mark the spans that determine the trace's end-to-end time "
            + "and list each one's share (in JSON: CriticalPath).")
    boolean criticalPath;

    @Override
    public Integer call() {
        try (Sources.Opened opened = Sources.openOnce(root, root.err())) {
            io.xspy.tui.StartupMarks.mark("source opened");
            Trace trace = find(opened, traceId);
            io.xspy.tui.StartupMarks.mark("trace found");
            Sources.report(trace.diagnostics(), root.err());
            if (output == OutputFormat.json) {
                ObjectNode json = JsonNodeFactory.instance.objectNode();
                json.putArray("Traces").add(XrayJson.trace(trace));
                json.putArray("UnprocessedTraceIds");
                if (criticalPath) json.set("CriticalPath", criticalPathJson(trace, CriticalPath.of(trace)));
                Printing.json(root.out(), json);
                return 0;
            }
            int columns = Math.max(40, Math.min(400, width != null ? width : terminalWidth()));
            List<TimelineRow> rows = TimelineLayout.rows(trace, Set.of());
            io.xspy.tui.StartupMarks.mark("rows laid out");
            CriticalPath path = criticalPath ? CriticalPath.of(trace) : null;
            TimelineOptions options = TimelineOptions.full(columns, root.asciiOnly())
                    .withHighlighted(path == null ? Set.of() : path.ids());
            boolean color = root.colorOnStdout();
            // rows are independent: large traces render in chunks on all cores, printed in order
            int chunks = Math.max(1, (rows.size() + CHUNK_ROWS - 1) / CHUNK_ROWS);
            List<String> parts = IntStream.range(0, chunks).parallel()
                    .mapToObj(i -> AnsiText.of(TimelineRenderer.render(trace, rows,
                            options.withWindow(i * CHUNK_ROWS, CHUNK_ROWS).withHeader(i == 0)), color))
                    .toList();
            io.xspy.tui.StartupMarks.mark("rendered");
            parts.forEach(root.out()::print);
            root.out().flush();
            io.xspy.tui.StartupMarks.mark("printed");
            if (path != null) printCriticalPath(path, color, root.asciiOnly());
        }
        return 0;
    }

    private void printCriticalPath(CriticalPath path, boolean color, boolean ascii) {
        Canvas title = new Canvas(Math.max(1, Text.width(CriticalPathTable.title(path, ascii))), 1, ascii);
        title.put(0, 0, CriticalPathTable.title(path, ascii), Style.HEADER);
        root.out().println();
        root.out().print(AnsiText.of(title, color));
        root.out().print(AnsiText.of(CriticalPathTable.table().print(path.contributions(), ascii), color));
    }

    /**
     * The path as a list of {id, name, start, end, selfMillis, share, sections}: start and end in
     * epoch seconds as in segment documents, the time on the path in milliseconds, the share of the
     * trace's duration from 0 to 1. Untraced stretches have a null id.
     */
    static ArrayNode criticalPathJson(Trace trace, CriticalPath path) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        double origin = trace.startTime();
        for (CriticalPath.Contribution c : path.contributions()) {
            ObjectNode o = list.addObject();
            if (c.untraced()) o.putNull("id").put("name", CriticalPathTable.UNTRACED);
            else o.put("id", c.segment().id()).put("name", c.segment().name());
            o.put("start", seconds(origin + c.start())).put("end", seconds(origin + c.end()));
            o.put("selfMillis", Math.round(c.seconds() * 1e6) / 1e3).put("share", Math.round(c.share() * 1e4) / 1e4);
            o.put("untraced", c.untraced());
            ArrayNode sections = o.putArray("sections");
            for (CriticalPath.Section s : c.sections()) {
                sections.addObject().put("start", seconds(origin + s.start())).put("end", seconds(origin + s.end()));
            }
        }
        return list;
    }

    /** Epoch seconds to the microsecond, as X-Ray writes them. */
    private static double seconds(double t) {
        return Math.round(t * 1e6) / 1e6;
    }

    static Trace find(Sources.Opened opened, String traceId) {
        List<Trace> found = opened.source().traces(List.of(traceId));
        if (found.isEmpty()) throw new SourceException("no trace " + traceId + " in " + opened.source().describe());
        return found.get(0);
    }

    /** $COLUMNS when the shell exports it, else 120. */
    static int terminalWidth() {
        String columns = System.getenv("COLUMNS");
        try {
            return columns == null ? 120 : Integer.parseInt(columns.trim());
        } catch (NumberFormatException e) {
            return 120;
        }
    }
}
