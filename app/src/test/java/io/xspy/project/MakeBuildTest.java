package io.xspy.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.testing.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `make demo` rebuilds the jar only when a source or a pom changed: the Makefile runs on a stand-in
 * tree whose file times are set by hand, and `make -n` shows what it would run.
 */
class MakeBuildTest {
    static final Instant BUILT = Instant.parse("2026-01-01T12:00:00Z");

    @TempDir
    Path tree;

    @BeforeEach
    void standInTree() throws IOException {
        RequiredTool.require(MakeTestTest.onPath("make"), "GNU make is not on PATH");
        Files.copy(MakeTestTest.ROOT.resolve("Makefile"), tree.resolve("Makefile"));
        for (String file : List.of("pom.xml", "app/pom.xml", "app/src/main/java/io/xspy/cli/Main.java",
                "app/src/main/resources/version.properties")) {
            write(file, BUILT.minusSeconds(3600));
        }
        write("app/target/xspy.jar", BUILT);
        try (var dirs = Files.walk(tree.resolve("app/src/main"))) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Files.setLastModifiedTime(dir, FileTime.from(BUILT.minusSeconds(3600)));
            }
        }
    }

    @Test
    void anUpToDateJarIsNotRebuilt() throws Exception {
        assertEquals(List.of(), mavenRuns("build"));
        List<String> demo = makeDryRun("demo");
        assertEquals(List.of("app/target/xspy --demo"), demo);
    }

    @Test
    void aChangedSourceOrPomRebuildsIt() throws Exception {
        write("app/src/main/java/io/xspy/cli/Main.java", BUILT.plusSeconds(1));
        assertEquals(1, mavenRuns("demo").size(), "a changed source");
        write("app/src/main/java/io/xspy/cli/Main.java", BUILT.minusSeconds(3600));
        write("app/pom.xml", BUILT.plusSeconds(1));
        assertEquals(1, mavenRuns("build").size(), "a changed pom");
    }

    @Test
    void aDeletedSourceRebuildsIt() throws Exception {
        Path main = tree.resolve("app/src/main/java/io/xspy/cli/Main.java");
        Files.delete(main);
        Files.setLastModifiedTime(main.getParent(), FileTime.from(BUILT.plusSeconds(1)));
        assertEquals(1, mavenRuns("build").size());
    }

    @Test
    void aMissingJarIsBuilt() throws Exception {
        Files.delete(tree.resolve("app/target/xspy.jar"));
        List<String> demo = makeDryRun("demo");
        assertEquals(2, demo.size(), demo.toString());
        assertTrue(demo.get(0).startsWith("mvn ") && demo.get(0).contains(" package"), demo.get(0));
        assertEquals("app/target/xspy --demo", demo.get(1));
    }

    private List<String> mavenRuns(String target) throws Exception {
        return makeDryRun(target).stream().filter(l -> l.startsWith("mvn ")).toList();
    }

    private List<String> makeDryRun(String target) throws Exception {
        Process make = new ProcessBuilder("make", "-n", "--no-print-directory", target).directory(tree.toFile())
                .redirectErrorStream(true).start();
        String out = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(make.waitFor(60, TimeUnit.SECONDS), "make -n " + target + " did not finish: " + out);
        assertEquals(0, make.exitValue(), out);
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    private void write(String file, Instant time) throws IOException {
        Path path = tree.resolve(file);
        Files.createDirectories(path.getParent());
        if (!Files.exists(path)) Files.writeString(path, "stand-in\n");
        Files.setLastModifiedTime(path, FileTime.from(time));
    }
}
