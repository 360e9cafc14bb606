package io.xspy.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The AWS-managed OpenTelemetry Lambda layers per region, as AWS publishes them: read from
 * otel-layers.tsv beside this class, which names each layer's source page and release. Layers are
 * regional, so a region without one of the three is refused with the regions that have all three.
 */
public final class OtelLayers {

    static final String RESOURCE = "otel-layers.tsv";
    private static final String NONE = "-";

    /** The three layer ARNs for one region. */
    public record ForRegion(String region, String python, String nodejs, String collector) {
    }

    private final Map<String, String[]> rows;

    private OtelLayers(Map<String, String[]> rows) {
        this.rows = rows;
    }

    /** The table shipped with the stack. */
    public static OtelLayers published() {
        try (InputStream in = OtelLayers.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Parses the table: `#` comments, a header line `region python nodejs collector`, tab-separated rows. */
    static OtelLayers parse(List<String> lines) {
        Map<String, String[]> rows = new TreeMap<>();
        boolean header = true;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.strip().split("\t");
            if (cells.length != 4) {
                throw new IllegalArgumentException(RESOURCE + ": expected 4 tab-separated columns, got: " + line);
            }
            if (header) {
                header = false;
                continue;
            }
            rows.put(cells[0], cells);
        }
        return new OtelLayers(rows);
    }

    /** The layers of a region, or a clear error naming the missing layers and the regions that would work. */
    public ForRegion forRegion(String region) {
        String[] row = rows.get(region);
        List<String> missing = new ArrayList<>();
        if (row == null) {
            missing.addAll(List.of("python", "nodejs", "collector"));
        } else {
            String[] names = {"region", "python", "nodejs", "collector"};
            for (int i = 1; i < row.length; i++) {
                if (NONE.equals(row[i])) {
                    missing.add(names[i]);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("TRACING=otel: AWS publishes no OpenTelemetry Lambda layer (" + String.join(", ", missing)
                    + ") for region " + region + "; the stack can use TRACING=otel in " + String.join(", ", completeRegions())
                    + " (see infra-cdk/src/main/resources/io/xspy/infra/" + RESOURCE + ")");
        }
        return new ForRegion(region, row[1], row[2], row[3]);
    }

    /** The regions that have all three layers, sorted. */
    public List<String> completeRegions() {
        return rows.values().stream()
                .filter(row -> !List.of(row).subList(1, 4).contains(NONE))
                .map(row -> row[0])
                .toList();
    }
}
