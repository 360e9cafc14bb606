package io.xspy.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A green CI run must mean every test ran: no test of any module skips on its own. A test that needs
 * an outside tool goes through RequiredTool (skips on a laptop, fails under CI=true).
 */
class NoSilentSkipTest {
    static final Path ROOT = MakeTestTest.ROOT;

    /** JUnit's ways to skip; RequiredTool is the one place allowed to use them. */
    static final Pattern JAVA_SKIP = Pattern.compile(
            "\\bAssumptions\\b|\\bassume(True|False|That)\\s*\\(|\\bassumingThat\\s*\\(|\\babort\\s*\\(|@Disabled");
    /** node:test, pytest and go test's ways to skip. */
    static final Pattern SCRIPT_SKIP = Pattern.compile(
            "\\.skip\\s*\\(|\\{\\s*skip\\s*:|\\.todo\\s*\\(|pytest\\.skip|mark\\.skip|skipif|importorskip|mark\\.xfail|\\bt\\.Skip(f|Now)?\\s*\\(");

    @Test
    void javaTestsSkipOnlyThroughRequiredTool() throws IOException {
        List<String> found = new ArrayList<>();
        for (String tree : List.of("app/src/test", "bench/src", "infra-cdk/src/test")) {
            for (Path file : files(ROOT.resolve(tree), ".java")) {
                String name = ROOT.relativize(file).toString();
                if (file.getFileName().toString().equals("RequiredTool.java")) continue;
                if (file.equals(self())) continue;
                scan(file, name, JAVA_SKIP, found);
            }
        }
        assertEquals(List.of(), found, "use RequiredTool.require(available, why) instead");
    }

    @Test
    void functionTestsNeverSkip() throws IOException {
        List<String> found = new ArrayList<>();
        int scanned = 0;
        for (String tree : List.of("lambdas/ts/test", "lambdas/py/tests", "lambdas/go")) {
            for (Path file : files(ROOT.resolve(tree), ".ts", ".py", "_test.go")) {
                scanned++;
                scan(file, ROOT.relativize(file).toString(), SCRIPT_SKIP, found);
            }
        }
        assertTrue(scanned >= 6, "found only " + scanned + " test files of the functions");
        assertEquals(List.of(), found);
    }

    static void scan(Path file, String name, Pattern skip, List<String> found) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (skip.matcher(lines.get(i)).find()) found.add(name + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
    }

    static List<Path> files(Path dir, String... suffixes) throws IOException {
        assertTrue(Files.isDirectory(dir), dir + " is missing");
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains("node_modules") && !p.toString().contains("/.venv/"))
                    .filter(p -> Stream.of(suffixes).anyMatch(s -> p.toString().endsWith(s)))
                    .sorted().toList();
        }
    }

    static Path self() {
        return ROOT.resolve("app/src/test/java/io/xspy/project/NoSilentSkipTest.java");
    }
}
