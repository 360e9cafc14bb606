package io.xspy.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The map's layout and renderer are core: no Lanterna, no AWS SDK, so the CLI and the TUI draw the same. */
class CoreImportsTest {

    @Test
    void theLayoutAndTheMapImportNeitherLanternaNorTheAwsSdk() throws IOException {
        int files = 0;
        for (String dir : List.of("src/main/java/io/xspy/graph/layout", "src/main/java/io/xspy/map")) {
            try (Stream<Path> sources = Files.list(Path.of(dir))) {
                for (Path p : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(p);
                    assertFalse(text.contains("com.googlecode.lanterna") || text.contains("software.amazon") || text.contains("io.xspy.tui"),
                            p + " reaches outside the core");
                    files++;
                }
            }
        }
        assertEquals(true, files >= 10, "found the sources: " + files);
    }
}
