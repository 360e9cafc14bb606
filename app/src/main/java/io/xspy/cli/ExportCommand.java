package io.xspy.cli;

import io.xspy.source.Page;
import io.xspy.source.local.Exporter;
import io.xspy.source.local.TraceStore;
import io.xspy.timeline.Text;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code xspy export --output PATH}: the loaded traces as NDJSON segment documents that --file reads back. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the traces of the window (and their log lines) as NDJSON that --file reads back.")
final class ExportCommand implements Callable<Integer> {

    @ParentCommand XspyCommand root;

    @Option(names = {"--output", "-o"}, required = true, paramLabel = "PATH", description = "The file to write.")
    Path output;

    @Option(names = "--filter", paramLabel = "EXPR", description = "Only the traces matching this filter expression.")
    String filter;

    @Override
    public Integer call() {
        try (Sources.Opened opened = Sources.open(root, root.err())) {
            // Read through the port, so every source exports the same way; embedded logs come along.
            TraceStore out = new TraceStore(Integer.MAX_VALUE, Integer.MAX_VALUE);
            List<String> ids = new ArrayList<>();
            String token = null;
            do {
                Page<TraceSummary> page = opened.source().traceSummaries(opened.window(root), filter, token);
                page.items().forEach(s -> ids.add(s.id()));
                token = page.nextToken();
            } while (token != null);
            for (int i = 0; i < ids.size(); i += 100) {
                for (Trace t : opened.source().traces(ids.subList(i, Math.min(ids.size(), i + 100)))) {
                    out.ingestAll(t.documents());
                    opened.source().logs(t).forEach(out::addLog);
                }
            }
            Exporter.Written written = Exporter.export(out, output);
            root.err().println("xspy: wrote " + count(ids.size(), "trace") + " (" + count(written.documents(), "segment document")
                    + ", " + count(written.logEvents(), "log event") + ") to " + Text.sanitize(output.toString(), false));
        }
        return 0;
    }

    static String count(long n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }
}
