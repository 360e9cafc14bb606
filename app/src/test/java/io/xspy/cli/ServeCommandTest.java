package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code xspy serve} as a user starts it: its start-up line and what it refuses. */
class ServeCommandTest {

    @Test
    void startUpLinePrintsNoControlCharactersFromFileNames(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("evil\u001b]0;owned\u0007\u001b[31m.ndjson");
        Files.copy(Path.of(CliTest.MIXED), file);
        try (RunningServe serve = RunningServe.start("--file", file.toString(), "serve", "--port", "0")) {
            String line = serve.awaitErr("serving");
            assertFalse(line.contains("\u001b"), line);
            assertFalse(line.contains("\u0007"), line);
            assertTrue(line.contains("evil"), line);
        }
    }
}
