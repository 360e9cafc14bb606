package io.xspy.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Writes one run's result file for {@code bench/results/}: the metrics a benchmark produced (JMH's
 * {@code -rf json} file, and/or {@code result<TAB>key<TAB>value<TAB>unit} lines a measure class or
 * script printed) with the machine, the date and the condition it ran under. Called by bench/run.sh:
 *
 * <pre>Record RUN CONDITION LOAD_BEFORE LOAD_AFTER EXIT_CODE COMMAND JMH_JSON LOG OUT</pre>
 *
 * A line {@code unavailable<TAB>reason} (a peer that does not build) or a non-zero exit code with no
 * metrics is kept as the run's {@code failure}, so the table says why a row has no figure.
 */
public final class Record {

    static final ObjectMapper JSON = new ObjectMapper();

    private Record() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 9) {
            System.err.println("usage: Record RUN CONDITION LOAD_BEFORE LOAD_AFTER EXIT_CODE COMMAND JMH_JSON LOG OUT");
            System.exit(2);
        }
        Path jmh = Path.of(args[6]);
        Path log = Path.of(args[7]);
        ObjectNode result = record(args[0], args[1], Double.parseDouble(args[2]), Double.parseDouble(args[3]),
                Integer.parseInt(args[4]), args[5],
                Files.isRegularFile(jmh) && Files.size(jmh) > 0 ? JSON.readTree(jmh.toFile()) : null,
                Files.isRegularFile(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of(),
                Instant.now(), Machine.here());
        Path out = Path.of(args[8]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n");
        System.err.println("bench: " + out + ": " + result.path("metrics").size() + " metrics"
                + (result.has("failure") ? ", failure: " + result.path("failure").asText() : ""));
    }

    /** The result document of one run. */
    static ObjectNode record(String run, String condition, double loadBefore, double loadAfter, int exitCode,
            String command, JsonNode jmh, List<String> log, Instant now, Machine machine) {
        ObjectNode result = JSON.createObjectNode();
        result.put("run", run);
        result.put("date", now.truncatedTo(ChronoUnit.SECONDS).toString());
        result.set("machine", machine.toJson());
        ObjectNode cond = result.putObject("condition");
        cond.put("name", condition);
        cond.put("loadBefore", loadBefore);
        cond.put("loadAfter", loadAfter);
        result.put("command", command);
        ObjectNode metrics = result.putObject("metrics");
        if (jmh != null) jmhMetrics(jmh, metrics);
        String unavailable = null;
        for (String line : log) {
            String[] f = line.split("\t");
            if (f.length >= 3 && f[0].equals("result")) {
                ObjectNode m = metrics.putObject(f[1]);
                m.put("value", Double.parseDouble(f[2]));
                m.put("unit", f.length > 3 ? f[3] : "");
                if (f.length > 4) m.put("note", f[4]);
            } else if (f.length >= 2 && f[0].equals("unavailable")) {
                unavailable = f[1];
            }
        }
        if (unavailable != null) {
            result.put("failure", unavailable);
        } else if (exitCode != 0) {
            result.put("failure", "exit code " + exitCode + (log.isEmpty() ? "" : ": " + lastLine(log)));
        }
        return result;
    }

    private static String lastLine(List<String> log) {
        for (int i = log.size() - 1; i >= 0; i--) {
            String l = log.get(i).strip();
            if (!l.isEmpty()) return l.length() > 200 ? l.substring(0, 200) + "…" : l;
        }
        return "";
    }

    /**
     * JMH's entries as metrics keyed {@code Class.method}, with {@code {param=value,…}} when the
     * benchmark has parameters, and {@code #name} for its secondary metrics (aux counters).
     */
    static void jmhMetrics(JsonNode jmh, ObjectNode metrics) {
        for (JsonNode entry : jmh) {
            String name = entry.path("benchmark").asText();
            String[] parts = name.split("\\.");
            String key = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : name;
            JsonNode params = entry.path("params");
            if (params.size() > 0) {
                StringBuilder p = new StringBuilder("{");
                params.fields().forEachRemaining(f -> p.append(p.length() > 1 ? "," : "").append(f.getKey()).append('=')
                        .append(f.getValue().asText()));
                key += p.append('}');
            }
            String mode = entry.path("mode").asText();
            metrics.set(key, metric(entry.path("primaryMetric"), mode, entry));
            JsonNode secondary = entry.path("secondaryMetrics");
            String base = key;
            secondary.fields().forEachRemaining(f -> metrics.set(base + "#" + f.getKey(), metric(f.getValue(), mode, entry)));
        }
    }

    private static ObjectNode metric(JsonNode m, String mode, JsonNode entry) {
        String unit = m.path("scoreUnit").asText();
        double scale = toMillis(unit);
        ObjectNode out = JSON.createObjectNode();
        out.put("value", m.path("score").asDouble() * scale);
        double error = m.path("scoreError").asDouble(Double.NaN);
        if (!Double.isNaN(error)) out.put("error", error * scale);
        out.put("unit", scale != 1 || unit.equals("ms/op") ? "ms" : unit.equals("ops/s") ? "/s" : unit.equals("#") ? "" : unit);
        out.put("mode", mode);
        ArrayNode samples = out.putArray("samples");
        for (JsonNode fork : m.path("rawData")) for (JsonNode v : fork) samples.add(v.asDouble() * scale);
        out.put("forks", entry.path("forks").asInt());
        out.put("warmupIterations", entry.path("warmupIterations").asInt());
        return out;
    }

    /** The factor from a JMH time unit to milliseconds; 1 for anything else. */
    static double toMillis(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "s/op" -> 1000;
            case "us/op" -> 0.001;
            case "ns/op" -> 0.000001;
            default -> 1;
        };
    }
}
