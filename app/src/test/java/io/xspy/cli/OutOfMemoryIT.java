package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.source.local.ManyTraces;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A heap too small for the input ends with one line that says what to change, not a stack trace. */
class OutOfMemoryIT {
    @TempDir Path dir;

    @Test
    void aHeapTooSmallForTheFileIsOneClearLine() throws Exception {
        Path file = dir.resolve("many.ndjson");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ManyTraces.write(out, 40_000);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // 40,000 small traces keep about 45 MB once summarized (a one-shot store holds no nodes): 24 MB is too small
        Process p = new ProcessBuilder(List.of(java, "-Xmx24m", "-jar", RunnableJarIT.RUNNABLE.toAbsolutePath().toString(),
                "--file", file.toString(), "traces", "--limit", "3"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "xspy did not end");
        assertEquals(1, p.exitValue(), err);
        assertTrue(err.contains("xspy: out of memory"), err);
        assertFalse(err.contains("\tat "), "no stack trace:\n" + err);
        assertFalse(err.contains("OutOfMemoryError"), err);
    }
}
