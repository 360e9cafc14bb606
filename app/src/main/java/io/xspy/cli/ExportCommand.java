package io.xspy.cli;

import io.xspy.query.TimeWindow;
import io.xspy.source.LogCorrelation;
import io.xspy.source.Page;
import io.xspy.source.local.Exporter;
import io.xspy.source.local.TraceStore;
import io.xspy.timeline.Text;
import io.xspy.trace.LogLine;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code xspy export --output PATH}: the loaded traces as NDJSON segment documents that --file reads back. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the traces of the window (and their log lines) as NDJSON that --file reads back;"
                + " an existing file is replaced only with --force.")
final class ExportCommand implements Callable<Integer> {

    @ParentCommand XspyCommand root;

    @Option(names = {"--output", "-o"}, required = true, paramLabel = "PATH", description = "The file to write.")
    Path output;

    @Option(names = "--filter", paramLabel = "EXPR", description = "Only the traces matching this filter expression.")
    String filter;

    @Option(names = "--force", description = "Replace the output file if it exists.")
    boolean force;

    /** The formats export writes. */
    enum Format { xray, otlp }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "xray",
            description = "xray: segment documents and log events as NDJSON (default); otlp: OTLP JSON, one trace"
                    + " request a line, for Jaeger, otel-tui or a Collector (no log events).")
    Format format;

    @Override
    public Integer call() {
        FilterOption.check(root.spec.commandLine(), filter);
        try (Sources.Opened opened = Sources.openOnce(root, root.err())) {
            // Read through the port, so every source exports the same way; embedded logs come along.
            TraceStore out = new TraceStore(Integer.MAX_VALUE, Integer.MAX_VALUE);
            TimeWindow window = opened.window(root);
            List<TraceSummary> listed = new ArrayList<>();
            String token = null;
            do {
                Page<TraceSummary> page = FilterOption.page(root.spec.commandLine(), opened.source(), window, filter, token);
                listed.addAll(page.items());
                token = page.nextToken();
            } while (token != null);
            // Every log event of a file goes with it (unless a filter picks traces); from AWS, the traces' lines.
            boolean wholeStoreLogs = opened.store() != null && filter == null;
            Set<LogLine> logs = new LinkedHashSet<>();
            Set<String> found = new HashSet<>();
            for (int i = 0; i < listed.size(); i += 100) {
                List<String> ids = listed.subList(i, Math.min(listed.size(), i + 100)).stream().map(TraceSummary::id).toList();
                for (Trace t : opened.source().traces(ids)) {
                    if (t.documents().isEmpty()) continue;
                    found.add(t.id());
                    out.ingestAll(t.documents());
                    if (!wholeStoreLogs) logs.addAll(opened.source().logs(t));
                }
            }
            for (TraceSummary s : listed) if (!found.contains(s.id())) out.addSummaryOnly(s);
            if (wholeStoreLogs) {
                boolean all = !root.sinceGiven() && root.until == null;
                for (LogLine l : opened.store().allLogs()) if (all || window.contains(l.timestamp())) logs.add(l);
            }
            logs.removeIf(LogCorrelation::isMissingGroup); // the screen's marker, not an event
            logs.forEach(out::addLog);
            boolean otlp = format == Format.otlp;
            Exporter.Written written = Exporter.export(out, output, force, otlp);
            if (otlp) {
                root.err().println("xspy: wrote " + count(found.size(), "trace") + " (" + count(written.documents(), "span")
                        + ") as OTLP JSON to " + Text.sanitize(output.toString(), false));
                return 0;
            }
            String summaries = written.summaries() == 0 ? ""
                    : " and " + count(written.summaries(), "trace summary").replace("summarys", "summaries")
                            + " without segments";
            root.err().println("xspy: wrote " + count(found.size(), "trace") + " (" + count(written.documents(), "segment document")
                    + ", " + count(written.logEvents(), "log event") + ")" + summaries + " to "
                    + Text.sanitize(output.toString(), false));
            if (opened.store() == null) {
                root.err().println("xspy: note: from AWS, only the log lines of the exported traces' invocations are written");
            }
        }
        return 0;
    }

    static String count(long n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }
}
