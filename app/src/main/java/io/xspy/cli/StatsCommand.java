package io.xspy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.query.Filter;
import io.xspy.query.FilterSyntaxException;
import io.xspy.query.Moment;
import io.xspy.query.TimeWindow;
import io.xspy.stats.Breakdown;
import io.xspy.stats.Comparison;
import io.xspy.stats.Group;
import io.xspy.stats.PathComparison;
import io.xspy.stats.PathStats;
import io.xspy.stats.SpanRow;
import io.xspy.stats.SpanSelector;
import io.xspy.stats.SpanStats;
import io.xspy.stats.Split;
import io.xspy.statsview.Glyphs;
import io.xspy.statsview.Stack;
import io.xspy.statsview.StatsReport;
import io.xspy.timeline.AnsiText;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.Style;
import io.xspy.timeline.Text;
import io.xspy.trace.Trace;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;

/**
 * {@code xspy stats}: distributions of span durations across the traces of the window, by span path,
 * split by cold/warm start or an annotation; one row per trace (the blog post's table); where a
 * function's time goes; and two sets compared (A/B).
 */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Distributions of span durations across the traces in the window: per span path (service "
                + "\u203A name \u203A \u2026), count, p50/p90/p95/p99, a histogram and percentiles per minute; split "
                + "by cold/warm start, an annotation, version or runtime; or two sets compared (A/B).",
            "Percentiles are nearest-rank (HdrHistogram, microseconds, 3 significant digits); A/B intervals are "
                + "95%% (seeded bootstrap for percentiles, Newcombe for fault and error rates)."},
        footer = {"", "Examples:", "  xspy --demo stats --span DynamoDB --by cold",
            "  xspy --demo stats --filter 'service(\"xraystarter-go\")' --span DynamoDB --by cold --traces",
            "  xspy --demo stats --span xraystarter-py --split-at +10m",
            "  xspy --demo stats --span xraystarter-go --breakdown"})
final class StatsCommand implements Callable<Integer> {

    @ParentCommand XspyCommand root;

    @Option(names = "--filter", paramLabel = "EXPR", description = "Only the traces that match this X-Ray filter expression.")
    String filter;

    @Option(names = "--span", paramLabel = "PATH", description = "The span path (parts joined by > or \u203A), "
            + "or any text in it, ignoring case: DynamoDB selects each runtime's DynamoDB call. Default: every path.")
    String span;

    @Option(names = "--by", paramLabel = "SPLIT", description = "Split each path's spans: cold, annotation.NAME, version or runtime.")
    String by;

    @Option(names = "--traces", description = "One row per trace (trace id, cold/warm, duration of the span), then the summary.")
    boolean traces;

    @Option(names = "--breakdown", description = "Where each Lambda function's time goes (dwell, init, own code, each "
            + "AWS call, overhead), cold and warm, on average and in the slow tail.")
    boolean breakdown;

    @Option(names = "--compare-filter", paramLabel = "EXPR",
            description = "A/B: set B is the traces matching EXPR (set A: --filter).")
    String compareFilter;

    @Option(names = "--split-at", paramLabel = "T", description = "A/B: set A is the traces before T, set B those from T "
            + "on: an instant, a UTC time (14:40), +SPAN after the window starts or SPAN before it ends.")
    String splitAt;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "500",
            description = "From AWS, read at most N full traces, spread over the window (default ${DEFAULT-VALUE}); "
                    + "embedded sources use all.")
    int sample;

    @Option(names = "--width", paramLabel = "N", description = "Columns (40..400; default: the terminal's, else 120).")
    Integer width;

    @Option(names = "--output", defaultValue = "text", paramLabel = "text|json|csv", description = "text, json or csv.")
    TabularFormat output;

    @Override
    public Integer call() {
        var cli = root.spec.commandLine();
        if (sample < 1) throw new ParameterException(cli, "--sample: must be at least 1, not " + sample);
        Split split;
        try {
            split = Split.parse(by);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cli, "--by: " + Text.sanitize(e.getMessage(), false));
        }
        boolean ab = compareFilter != null || splitAt != null;
        if (ab && (split != Split.NONE || traces || breakdown)) {
            throw new ParameterException(cli, "an A/B comparison (--compare-filter, --split-at) compares all spans of each "
                    + "path: leave out --by, --traces and --breakdown");
        }
        FilterOption.check(cli, filter);
        checkCompareFilter(cli);
        int columns = Math.max(40, Math.min(400, width != null ? width : TraceCommand.terminalWidth()));
        boolean ascii = root.asciiOnly();
        SpanSelector selector = SpanSelector.of(span);
        try (Sources.Opened opened = Sources.openOnce(root, root.err())) {
            TimeWindow window = opened.window(root);
            Instant at = null;
            if (splitAt != null) {
                try {
                    at = Moment.parse(splitAt, window, ZoneOffset.UTC);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(cli, "--split-at: " + Text.sanitize(e.getMessage(), false));
                }
            }
            boolean everything = opened.store() != null;
            boolean progress = System.console() != null;
            TraceSample a = TraceSample.load(cli, opened.source(), window, filter, sample, everything, root.err(), progress);
            TraceSample b = compareFilter == null ? null
                    : TraceSample.load(cli, opened.source(), window, compareFilter, sample, everything, root.err(), progress);
            List<String> header = new ArrayList<>(List.of("xspy stats", opened.source().describe(), window(window)));
            if (span != null) header.add("span \"" + span + "\"");
            if (split != Split.NONE) header.add("by " + split.label());
            if (ab) return compare(header, a, b, at, selector, columns, ascii, window);
            SpanStats stats = SpanStats.compute(a.traces(), Filter.ALL, selector, split);
            List<Breakdown> parts = breakdown ? Breakdown.of(a.traces(), Filter.ALL, functions(stats)) : List.of();
            header.add(a.describe());
            print(header, a, stats, parts, columns, ascii, window);
        }
        return 0;
    }

    private void print(List<String> header, TraceSample sample, SpanStats stats, List<Breakdown> parts, int columns,
            boolean ascii, TimeWindow window) {
        PrintWriter out = root.out();
        switch (output) {
            case json -> {
                ObjectNode json = StatsJson.header(sample, window.startSeconds(), window.endSeconds());
                if (breakdown) StatsJson.breakdowns(json, parts);
                else StatsJson.paths(json, stats, traces);
                Printing.json(out, json);
            }
            case csv -> {
                if (breakdown) csvBreakdown(out, parts);
                else if (traces) csvSpans(out, stats);
                else csvSummary(out, stats);
            }
            case text -> {
                List<Canvas> blocks = new ArrayList<>();
                blocks.add(header(header, columns, ascii));
                if (breakdown) blocks.add(StatsReport.breakdowns(parts, columns, ascii));
                else if (traces) {
                    for (PathStats p : stats.paths()) {
                        blocks.add(StatsReport.spans(p, columns, ascii));
                        blocks.add(StatsReport.summary(p, columns, ascii));
                    }
                    if (stats.paths().isEmpty()) blocks.add(StatsReport.paths(stats, columns, ascii));
                } else {
                    blocks.add(StatsReport.paths(stats, columns, ascii));
                }
                out.print(AnsiText.of(Stack.vertical(blocks, columns, 1, ascii), root.colorOnStdout()));
            }
        }
    }

    private int compare(List<String> header, TraceSample a, TraceSample b, Instant at, SpanSelector selector, int columns,
            boolean ascii, TimeWindow window) {
        double cut = at == null ? Double.NaN : at.getEpochSecond() + at.getNano() / 1e9;
        // A: --filter's traces (before the moment); B: --compare-filter's, or else --filter's (from the moment on)
        List<Trace> setA = new ArrayList<>();
        List<Trace> setB = new ArrayList<>();
        for (Trace t : a.traces()) {
            if (at == null || t.startTime() < cut) setA.add(t);
            else if (b == null) setB.add(t);
        }
        if (b != null) for (Trace t : b.traces()) if (at == null || t.startTime() >= cut) setB.add(t);
        String whenA = at == null ? "" : "before " + instant(cut);
        String whenB = at == null ? "" : "from " + instant(cut);
        String nameA = join(filter == null ? (at == null ? "all traces" : "") : "filter " + filter, whenA);
        String nameB = join(compareFilter == null ? "" : "filter " + compareFilter, whenB);
        List<PathComparison> all = PathComparison.of(SpanStats.compute(setA, Filter.ALL, selector, Split.NONE),
                SpanStats.compute(setB, Filter.ALL, selector, Split.NONE));
        PrintWriter out = root.out();
        String read = b == null ? a.describe() : "A: " + a.describe() + ", B: " + b.describe();
        switch (output) {
            case json -> {
                ObjectNode json = StatsJson.header(a, window.startSeconds(), window.endSeconds());
                if (b != null) json.putObject("TracesB").put("Matched", b.matched()).put("Read", b.traces().size());
                StatsJson.comparison(json, nameA, nameB, all);
                Printing.json(out, json);
            }
            case csv -> {
                Csv.line(out, "path", "metric", "a", "b", "difference", "low", "high", "verdict");
                for (PathComparison pc : all) {
                    Comparison c = pc.comparison();
                    List<Comparison.Delta> rows = new ArrayList<>(c.percentiles());
                    rows.add(c.faultRate());
                    rows.add(c.errorRate());
                    for (Comparison.Delta d : rows) {
                        String metric = d.isDuration() ? "p" + (int) d.p() : d == c.faultRate() ? "fault_rate" : "error_rate";
                        Csv.line(out, pc.path().toString(), metric, d.a(), d.b(), d.difference(), d.low(), d.high(), d.words());
                    }
                }
            }
            case text -> {
                List<Canvas> blocks = new ArrayList<>();
                header.add(read);
                blocks.add(header(header, columns, ascii));
                for (PathComparison pc : all) blocks.add(StatsReport.comparison(pc, nameA, nameB, columns, ascii));
                if (all.isEmpty()) blocks.add(line("no span matches", columns, ascii));
                out.print(AnsiText.of(Stack.vertical(blocks, columns, 1, ascii), root.colorOnStdout()));
            }
        }
        return 0;
    }

    private void checkCompareFilter(picocli.CommandLine cli) {
        if (compareFilter == null) return;
        try {
            io.xspy.query.FilterParser.check(compareFilter);
        } catch (FilterSyntaxException e) {
            throw new ParameterException(cli, Errors.filterError("--compare-filter", compareFilter, e));
        }
    }

    /** The Lambda functions a breakdown covers: those of the selected paths, or every one without --span. */
    private java.util.function.Predicate<String> functions(SpanStats stats) {
        if (span == null) return fn -> true;
        Set<String> services = new TreeSet<>();
        stats.paths().forEach(p -> services.add(p.path().service()));
        return services::contains;
    }

    private void csvSummary(PrintWriter out, SpanStats stats) {
        Csv.line(out, "path", "group", "count", "faults", "errors", "min", "p50", "p90", "p95", "p99", "max", "mean");
        for (PathStats p : stats.paths()) {
            List<Group> groups = new ArrayList<>(p.groups());
            groups.add(p.all());
            for (Group g : groups) {
                var d = g.durations();
                Csv.line(out, p.path().toString(), g.key(), g.count(), g.faults(), g.errors(), d.min(), d.percentile(50),
                        d.percentile(90), d.percentile(95), d.percentile(99), d.max(), d.mean());
            }
        }
    }

    private void csvSpans(PrintWriter out, SpanStats stats) {
        Csv.line(out, "path", "trace_id", "start", "group", "duration", "fault", "error");
        for (PathStats p : stats.paths()) {
            for (SpanRow r : p.spans()) {
                Csv.line(out, p.path().toString(), r.traceId(), r.start(), r.key(), r.duration(), r.fault(), r.error());
            }
        }
    }

    private void csvBreakdown(PrintWriter out, List<Breakdown> all) {
        Csv.line(out, "function", "start", "invocations", "part", "mean", "tail", "p95");
        for (Breakdown b : all) {
            for (String temperature : List.of("warm", "cold")) {
                Breakdown.Side s = temperature.equals("warm") ? b.warm() : b.cold();
                if (s.invocations() == 0) continue;
                for (int i = 0; i < b.parts().size(); i++) {
                    Csv.line(out, b.function(), temperature, s.invocations(), b.parts().get(i), s.mean()[i], s.tail()[i],
                            s.p95()[i]);
                }
            }
        }
    }

    /** The header's pieces joined by dots, on as many lines as the width needs. */
    private static Canvas header(List<String> pieces, int columns, boolean ascii) {
        String dot = " " + Glyphs.dot(ascii) + " ";
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String piece : pieces) {
            String p = Text.sanitize(piece, ascii);
            if (line.length() > 0 && Text.width(line + dot + p) > columns) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? dot : "").append(p);
        }
        lines.add(line.toString());
        List<Canvas> rows = new ArrayList<>();
        for (String l : lines) rows.add(line(l, columns, ascii));
        return Stack.vertical(rows, columns, 0, ascii);
    }

    private static Canvas line(String text, int columns, boolean ascii) {
        Canvas c = new Canvas(columns, 1, ascii);
        c.put(0, 0, Text.truncate(Text.sanitize(text, ascii), columns, ascii), Style.HEADER);
        return c;
    }

    private static String window(TimeWindow w) {
        return instant(w.startSeconds()) + " .. " + instant(w.endSeconds());
    }

    private static String join(String a, String b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return a + ", " + b;
    }

    /** An instant as the header shows it: "2026-11-29 20:10:00Z". */
    private static String instant(double epochSeconds) {
        return Instant.ofEpochSecond((long) Math.floor(epochSeconds)).toString().replace('T', ' ');
    }
}
