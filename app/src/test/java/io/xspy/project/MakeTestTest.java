package io.xspy.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.testing.RequiredTool;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's test command is `make test`, CI runs exactly that, and its Maven run reports every
 * module: a failing end-to-end test in app must not skip the CDK tests.
 */
class MakeTestTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void makeTestRunsMavenToTheEndOfEveryModule() throws Exception {
        RequiredTool.require(onPath("make"), "GNU make is not on PATH");
        // -n prints the commands without running them (sub-makes print too)
        Process make = new ProcessBuilder("make", "-n", "-C", ROOT.toString(), "test")
                .redirectErrorStream(true).start();
        String out = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(make.waitFor(60, TimeUnit.SECONDS), "make -n test did not finish: " + out);
        assertEquals(0, make.exitValue(), out);
        List<String> maven = out.lines().filter(l -> l.matches(".*\\bmvn\\b.*")).toList();
        assertEquals(1, maven.size(), "one Maven run in:\n" + out);
        assertTrue(maven.get(0).matches(".*\\bmvn\\b.* verify\\b.*"), maven.get(0));
        assertTrue(maven.get(0).matches(".*(--fail-at-end|-fae)\\b.*"), "no --fail-at-end: " + maven.get(0));
    }

    @Test
    void aFailingFunctionTestStillRunsMavenAndFailsTheWhole(@TempDir Path stub) throws Exception {
        RequiredTool.require(onPath("make"), "GNU make is not on PATH");
        Path mvn = Files.writeString(stub.resolve("mvn"), "#!/bin/sh\necho maven-ran \"$@\"\n");
        assertTrue(mvn.toFile().setExecutable(true));
        // every function's test "fails" (SUBMAKE=false); -o tools: the tools venv is not made here
        ProcessBuilder pb = new ProcessBuilder("make", "-s", "-C", ROOT.toString(), "-o", "tools", "test", "SUBMAKE=false")
                .redirectErrorStream(true);
        pb.environment().put("PATH", stub + File.pathSeparator + System.getenv("PATH"));
        Process make = pb.start();
        String out = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(make.waitFor(60, TimeUnit.SECONDS), out);
        assertTrue(out.contains("maven-ran -B verify --fail-at-end"), "Maven still ran:\n" + out);
        assertTrue(out.contains("failed: lambdas/ts lambdas/py lambdas/go"), out);
        assertTrue(make.exitValue() != 0, "the whole run fails:\n" + out);
    }

    @Test
    void ciRunsTheReadmesTestCommand() throws Exception {
        List<String> ci = Files.readAllLines(ROOT.resolve(".ci/run")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertEquals("make test", ci.get(ci.size() - 1), "the last command of .ci/run");
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertTrue(readme.contains("\nmake test "), "the README's quick start names `make test`");
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) if (Files.isExecutable(Path.of(dir, program))) return true;
        return false;
    }
}
