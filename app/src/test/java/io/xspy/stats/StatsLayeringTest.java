package io.xspy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The statistics core is pure (the model, the filter language, two numeric libraries) and its views
 * draw only on the canvas and the tables: neither reaches Lanterna, the AWS SDK or a source.
 */
class StatsLayeringTest {
    static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void theCoreImportsTheModelAndNumericLibrariesOnly() throws IOException {
        assertEquals(List.of(), offending("stats", List.of("java.", "io.xspy.trace.", "io.xspy.query.", "io.xspy.graph.",
                "org.HdrHistogram.", "org.apache.commons.math3.")));
    }

    @Test
    void theViewsImportTheCoreTheCanvasAndTheTablesOnly() throws IOException {
        assertEquals(List.of(), offending("statsview", List.of("java.", "io.xspy.stats.", "io.xspy.trace.", "io.xspy.timeline.",
                "io.xspy.table.")));
    }

    private static List<String> offending(String pkg, List<String> allowed) throws IOException {
        Path dir = Path.of("src/main/java/io/xspy").resolve(pkg);
        assertTrue(Files.isDirectory(dir), dir.toString());
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    String imported = m.group(2);
                    if (allowed.stream().noneMatch(imported::startsWith)) out.add(f.getFileName() + ": " + imported);
                }
            }
        }
        return out;
    }
}
