package io.xspy.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.timeline.AnsiText;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.Durations;
import io.xspy.timeline.Style;
import io.xspy.timeline.Text;
import io.xspy.trace.LogLine;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code xspy logs ID}: the CloudWatch log lines of the Lambda invocations in one trace. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Print the log lines of the Lambda invocations in one trace, timed from the trace start.")
final class LogsCommand implements Callable<Integer> {

    @ParentCommand XspyCommand root;

    @Parameters(paramLabel = "TRACE_ID") String traceId;

    @Option(names = "--output", defaultValue = "text", paramLabel = "text|json",
            description = "text, or json in the shape of FilterLogEvents' events.")
    OutputFormat output;

    @Override
    public Integer call() {
        try (Sources.Opened opened = Sources.openOnce(root, root.err())) {
            Trace trace = TraceCommand.find(opened, traceId);
            List<LogLine> lines = opened.source().logs(trace);
            if (output == OutputFormat.json) {
                ObjectNode json = JsonNodeFactory.instance.objectNode();
                ArrayNode events = json.putArray("events");
                for (LogLine l : lines) {
                    events.addObject().put("logGroupName", l.logGroup()).put("logStreamName", l.logStream())
                            .put("timestamp", Math.round(l.timestamp() * 1000)).put("message", l.message());
                }
                Printing.json(root.out(), json);
                return 0;
            }
            root.out().print(AnsiText.of(render(trace, lines, root.asciiOnly()), root.colorOnStdout()));
        }
        return 0;
    }

    /** One row per line of each message: offset from the trace start, function, text. */
    static Canvas render(Trace trace, List<LogLine> lines, boolean ascii) {
        List<String[]> rows = new ArrayList<>();
        for (LogLine l : lines) {
            String offset = "+" + Durations.format(Math.max(0, l.timestamp() - trace.startTime()), ascii);
            String function = l.function();
            String[] parts = l.message().split("\r?\n");
            for (int i = 0; i < parts.length; i++) {
                rows.add(new String[] {i == 0 ? offset : "", i == 0 ? function : "", parts[i]});
            }
        }
        int width = 0;
        for (String[] r : rows) width = Math.max(width, 26 + Text.width(Text.sanitize(r[2], ascii)));
        Canvas canvas = new Canvas(Math.max(1, width), rows.size(), ascii);
        for (int y = 0; y < rows.size(); y++) {
            String[] r = rows.get(y);
            canvas.put(0, y, Text.padLeft(r[0], 9, ascii), Style.DIM);
            canvas.put(10, y, Text.truncate(r[1], 15, ascii), Style.ACCENT);
            canvas.put(26, y, r[2], styleOf(r[2]));
        }
        return canvas;
    }

    static Style styleOf(String line) {
        if (LogLine.looksLikeError(line)) return Style.FAULT;
        if (line.startsWith("REPORT") || line.startsWith("INIT_REPORT")) return Style.HEADER;
        if (line.startsWith("START") || line.startsWith("END") || line.startsWith("INIT_START")) return Style.DIM;
        return Style.NORMAL;
    }
}
