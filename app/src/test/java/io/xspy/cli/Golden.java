package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Golden files of the command line's output; -Dgolden.update=true rewrites them. */
final class Golden {
    static final Path DIR = Path.of("src/test/resources/golden/cli");

    private Golden() {}

    static void check(String name, String actual) {
        Path file = DIR.resolve(name);
        try {
            if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
                Files.createDirectories(DIR);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                if (!Boolean.getBoolean("golden.update")) throw new AssertionError("wrote new golden file " + file);
                return;
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
