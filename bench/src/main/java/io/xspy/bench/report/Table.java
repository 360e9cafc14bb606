package io.xspy.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Rewrites the README's performance table, between {@code <!-- bench:begin -->} and
 * {@code <!-- bench:end -->}, from the row catalogue (bench/rows.tsv) and the stored results
 * (bench/results/*.json): every figure comes from a result file, never by hand.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.xspy.bench.report.Table README.md bench/rows.tsv bench/results</pre>
 */
public final class Table {

    static final String BEGIN = "<!-- bench:begin -->";
    static final String END = "<!-- bench:end -->";

    private Table() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: Table README.md rows.tsv results-dir");
            System.exit(2);
        }
        Path readme = Path.of(args[0]);
        List<Row> rows = Row.read(Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8));
        Map<String, JsonNode> results = readResults(Path.of(args[2]));
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        Files.writeString(readme, replace(text, render(rows, results)), StandardCharsets.UTF_8);
        for (String unlisted : unlisted(rows, results)) System.err.println("bench: no row shows " + unlisted);
        System.err.println("bench: " + readme + ": " + rows.size() + " rows from " + results.size() + " result files");
    }

    static Map<String, JsonNode> readResults(Path dir) throws IOException {
        Map<String, JsonNode> results = new HashMap<>();
        if (!Files.isDirectory(dir)) return results;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode r = Record.JSON.readTree(f.toFile());
                results.put(r.path("run").asText(), r);
            }
        }
        return results;
    }

    /** Metrics in the results that no row shows (a benchmark added without a row), as run:metric. */
    static List<String> unlisted(List<Row> rows, Map<String, JsonNode> results) {
        TreeSet<String> shown = new TreeSet<>();
        for (Row r : rows) {
            shown.add(r.run() + ":" + r.metric());
            if (r.target().isRatio()) shown.add(r.otherRun() + ":" + Format.metricName(r.target().other()));
        }
        List<String> out = new ArrayList<>();
        results.forEach((run, r) -> r.path("metrics").fieldNames().forEachRemaining(m -> {
            if (!shown.contains(run + ":" + m)) out.add(run + ":" + m);
        }));
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** The text between the markers: how it was measured, on what, and the table. */
    static String render(List<Row> rows, Map<String, JsonNode> results) {
        Map<Machine, Long> machines = results.values().stream()
                .collect(Collectors.groupingBy(r -> Machine.of(r.path("machine")), LinkedHashMap::new, Collectors.counting()));
        Machine usual = machines.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        StringBuilder out = new StringBuilder();
        out.append("Written by `make bench` from `bench/results/` and the row catalogue `bench/rows.tsv` (rerun some rows with\n")
                .append("`make bench ONLY=<regex of run ids>`, with the cores busy with `BUSY=1`). ")
                .append(usual == null ? "No results yet." : "Machine: " + usual.describe() + ".").append('\n')
                .append("*first* is one shot in a fresh JVM (or a fresh process), *repeat* is warmed (JMH after warm-up).\n")
                .append("A run is *quiet* when the 1-minute load average before it was at most half the cores, *busy* when two\n")
                .append("`sha256sum /dev/zero` burners ran beside it; *shared* is neither (other work on the machine). `jmh ARGS` is\n")
                .append("`java -jar bench/target/benchmarks.jar ARGS`, `measure CLASS` is `java -cp bench/target/benchmarks.jar io.xspy.bench.CLASS`.\n\n");
        out.append("| what | pass | target | measured | verdict | condition, date | command |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (Row row : rows) out.append(line(row, results, usual)).append('\n');
        return out.toString();
    }

    static String line(Row row, Map<String, JsonNode> results, Machine usual) {
        JsonNode run = results.get(row.run());
        String measured;
        String verdict;
        String condition = "";
        String command = "";
        if (run == null) {
            measured = "not run yet";
            verdict = "";
        } else {
            condition = condition(run, usual);
            command = "`" + run.path("command").asText() + "`";
            JsonNode m = run.path("metrics").path(row.metric());
            if (m.isMissingNode()) {
                measured = run.has("failure") ? "not measured: " + run.path("failure").asText() : "no result " + row.metric();
                verdict = "";
            } else if (row.target().isRatio()) {
                JsonNode otherRun = results.get(row.otherRun());
                JsonNode o = otherRun == null ? null : otherRun.path("metrics").get(Format.metricName(row.target().other()));
                if (o == null) {
                    measured = value(m) + " (no result " + row.target().other()
                            + (otherRun != null && otherRun.has("failure") ? ": " + otherRun.path("failure").asText() : "") + ")";
                    verdict = "";
                } else {
                    double ratio = m.path("value").asDouble() / o.path("value").asDouble();
                    measured = value(m) + " vs " + value(o) + " (" + Format.metricName(row.target().other()) + "): **"
                            + Format.number(ratio) + "×**";
                    verdict = row.target().hasBound() ? row.target().verdict(ratio) : "";
                }
            } else {
                measured = value(m);
                verdict = row.target().hasBound() ? row.target().verdict(m.path("value").asDouble()) : "";
            }
        }
        if (!row.note().isEmpty()) verdict = verdict.isEmpty() ? row.note() : verdict + "; " + row.note();
        return "| " + String.join(" | ", Stream.of(row.what(), row.pass(), row.target().describe(), measured, verdict,
                condition, command).map(Format::cell).toList()) + " |";
    }

    /** A metric's figure: the mean with the range of its samples (JMH iterations or single shots), or the value. */
    static String value(JsonNode m) {
        double v = m.path("value").asDouble();
        String unit = m.path("unit").asText();
        JsonNode samples = m.path("samples");
        if (samples.size() > 1 && !allEqual(samples)) {
            double lo = Double.MAX_VALUE;
            double hi = -Double.MAX_VALUE;
            for (JsonNode s : samples) {
                lo = Math.min(lo, s.asDouble());
                hi = Math.max(hi, s.asDouble());
            }
            String of = "ss".equals(m.path("mode").asText()) ? " shots" : " iterations";
            return Format.withUnit(v, unit) + " (" + samples.size() + of + ": " + Format.number(lo) + "–" + Format.number(hi) + ")";
        }
        return Format.withUnit(v, unit) + (m.has("note") ? " (" + m.path("note").asText() + ")" : "");
    }

    private static boolean allEqual(JsonNode samples) {
        for (JsonNode s : samples) if (s.asDouble() != samples.get(0).asDouble()) return false;
        return true;
    }

    /** quiet / busy / shared with the load average before → after, the date, and the machine if unusual. */
    static String condition(JsonNode run, Machine usual) {
        JsonNode c = run.path("condition");
        Machine machine = Machine.of(run.path("machine"));
        double before = c.path("loadBefore").asDouble();
        double after = c.path("loadAfter").asDouble();
        String name = c.path("name").asText();
        String label = name.equals("busy") ? "busy" : before <= machine.cores() / 2.0 ? "quiet" : "shared";
        String date = run.path("date").asText().replace('T', ' ');
        if (date.length() >= 16) date = date.substring(0, 16) + "Z";
        return label + ", load " + Format.number(before) + "→" + Format.number(after) + ", " + date
                + (machine.equals(usual) ? "" : ", " + machine.describe());
    }

    /** The text with everything between the markers replaced by {@code table}. */
    static String replace(String text, String table) {
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the README has no " + BEGIN + " … " + END + " pair to write the table between");
        }
        return text.substring(0, begin + BEGIN.length()) + "\n" + table + text.substring(end);
    }

}
