package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one --file read ahead while picocli builds its model: used only where picocli agrees, and then the same. */
class FileHeadStartTest {

    @Test
    void theGuessIsTheOneFileOfACommandLineWithoutACapOrHelp() {
        assertEquals(Path.of("a.json"), FileHeadStart.guess("--file", "a.json", "trace", "1-x"));
        assertEquals(Path.of("a.json"), FileHeadStart.guess("trace", "1-x", "--file=a.json", "--width", "120"));
        assertNull(FileHeadStart.guess("trace", "1-x"));
        assertNull(FileHeadStart.guess("--file", "a.json", "--file", "b.json", "traces"), "two files");
        assertNull(FileHeadStart.guess("--file", "a.json", "--max-traces", "5", "traces"), "another cap");
        assertNull(FileHeadStart.guess("--file", "a.json", "--max-traces=5"), "another cap");
        assertNull(FileHeadStart.guess("--file", "a.json", "--help"));
        assertNull(FileHeadStart.guess("--version", "--file", "a.json"));
        assertNull(FileHeadStart.guess("--", "--file", "a.json"), "past the end of options");
        assertNull(FileHeadStart.guess("--file"), "no value");
        assertNull(FileHeadStart.guess("--file="), "an empty value");
    }

    @Test
    void aCommandGivesTheSameOutputWithTheFileReadAhead() {
        String[] args = {"--file", CliTest.BLOG, "trace", CliTest.BLOG_TRACE, "--width", "100", "--critical-path"};
        CliTest.Run own = CliTest.run(args);
        FileHeadStart.begin(args);
        CliTest.Run ahead = CliTest.run(args);
        assertEquals(0, own.exit(), own.err());
        assertEquals(own, ahead);
        assertNull(FileHeadStart.take(List.of(Path.of(CliTest.BLOG)), 100_000), "taken by the command");
    }

    @Test
    void problemsInTheFileAreReportedAsByTheCommandsOwnLoad(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.ndjson");
        Files.writeString(bad, "{not json\n" + Files.readString(Path.of(CliTest.MIXED)));
        String[] args = {"--file", bad.toString(), "traces"};
        CliTest.Run own = CliTest.run(args);
        FileHeadStart.begin(args);
        CliTest.Run ahead = CliTest.run(args);
        assertTrue(own.err().contains("not valid JSON"), own.err());
        assertEquals(own, ahead);
    }

    @Test
    void aSourceOpenedForOtherFilesOrAnotherCapReadsItsOwnAndTheReadAheadIsDropped(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("a.json");
        Files.copy(Path.of(CliTest.BLOG), file);
        FileHeadStart.begin("--file", file.toString(), "traces");
        assertNull(FileHeadStart.take(List.of(file), 5), "another cap");
        assertNull(FileHeadStart.take(List.of(file), 100_000), "asked once");
        FileHeadStart.begin("--file", file.toString(), "traces");
        assertNull(FileHeadStart.take(List.of(file, file), 100_000), "two files");
        FileHeadStart.begin("--file", file.toString(), "traces");
        FileHeadStart.Read read = FileHeadStart.take(List.of(file), 100_000);
        assertNotNull(read);
        assertEquals(1, read.store().counters().traces());
        assertEquals(read.loaded().segments(), (int) read.store().counters().segmentsIngested());
        FileHeadStart.begin("--file", dir.toString(), "traces");
        assertNull(FileHeadStart.take(List.of(dir), 100_000), "a directory is not read ahead (the command says why not)");
    }
}
