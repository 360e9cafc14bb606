package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * target/xspy, the launcher the build puts beside the jar: it runs xspy with the class-data-sharing
 * archive made at package time, and without it, silently, when the archive is missing, broken or made
 * for another jar.
 */
class LauncherIT {
    static final Path JAR = Path.of(System.getProperty("xspy.jar", "target/xspy.jar")).toAbsolutePath();
    static final Path LAUNCHER = JAR.resolveSibling("xspy");

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {}

    static Run run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("JAVA_OPTS");
        pb.environment().remove("XSPY_JAVA_OPTS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end in 120 s; stdout so far: "
                        + Files.readString(out, StandardCharsets.UTF_8));
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void theLauncherRunsCommands() throws Exception {
        assertTrue(Files.isExecutable(LAUNCHER), LAUNCHER + " is executable");
        Run version = run(Map.of(), LAUNCHER.toString(), "--version");
        assertEquals(0, version.exit(), version.err());
        assertTrue(version.out().startsWith("xspy "), version.out());
        assertEquals("", version.err());
        Run services = run(Map.of(), LAUNCHER.toString(), "--demo", "services");
        assertEquals(0, services.exit(), services.err());
        assertTrue(services.out().contains("AWS::DynamoDB::Table"), services.out());
    }

    @Test
    void xspysClassesComeFromTheArchive() throws Exception {
        // -Xshare:on turns a missing or unusable archive into an error; the class log names each class's source
        Run run = run(Map.of("XSPY_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info"), LAUNCHER.toString(), "--version");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("io.xspy.cli.Main source: shared objects file"), "Main not shared:\n" + head(run.out()));
        assertTrue(run.out().contains("picocli.CommandLine source: shared objects file"), "picocli not shared");
    }

    @Test
    void theArchiveHoldsWhatTheFirstFrameOnARealTerminalLoads() throws Exception {
        // the representative run covers the terminal a user's xspy --demo opens, not only the virtual one
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Run run = run(Map.of(), java, "-XX:SharedArchiveFile=" + JAR.resolveSibling("xspy.jsa"), "-XX:+PrintSharedArchiveAndExit",
                "-XX:+PrintSharedDictionary", "-cp", JAR.toString());
        for (String shared : new String[] {"io.xspy.tui.BufferedUnixTerminal", "com.googlecode.lanterna.terminal.ansi.UnixTerminal",
                "com.googlecode.lanterna.input.ScreenInfoCharacterPattern", "java.lang.ProcessImpl", "java.time.zone.TzdbZoneRulesProvider"}) {
            assertTrue(run.out().contains(" " + shared + " "), shared + " is not in the archive:\n" + head(run.out()));
        }
    }

    @Test
    void aMissingCorruptOrForeignArchiveIsSkippedSilently() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("lib"));
        Files.copy(LAUNCHER, dir.resolve("xspy"));
        Files.copy(JAR, dir.resolve("xspy.jar"));
        String launcher = dir.resolve("xspy").toString();
        assertVersionAlone(run(Map.of(), launcher, "--version"), "no archive");

        byte[] garbage = new byte[200_000];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 31 + 7);
        }
        Files.write(dir.resolve("xspy.jsa"), garbage);
        assertVersionAlone(run(Map.of(), launcher, "--version"), "a corrupt archive");

        // the build's archive records target/xspy.jar: a copy of the jar elsewhere does not match it
        Files.copy(JAR.resolveSibling("xspy.jsa"), dir.resolve("xspy.jsa"), StandardCopyOption.REPLACE_EXISTING);
        assertVersionAlone(run(Map.of(), launcher, "--version"), "an archive of another jar");
        Run services = run(Map.of(), launcher, "--demo", "services");
        assertEquals(0, services.exit(), services.err());
        assertTrue(services.out().contains("AWS::DynamoDB::Table"), services.out());
    }

    @Test
    void javaHomeAndTheOptionVariablesAreUsed() throws Exception {
        // both variables reach the JVM, after the launcher's own options, so they can override them
        Run run = run(Map.of("JAVA_HOME", System.getProperty("java.home"), "JAVA_OPTS", "-XX:+PrintFlagsFinal",
                "XSPY_JAVA_OPTS", "-XX:TieredStopAtLevel=3"), LAUNCHER.toString(), "--version");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().matches("(?s).*intx TieredStopAtLevel\\s+= 3 .*"), "XSPY_JAVA_OPTS wins: " + head(run.out()));
        assertTrue(run.out().matches("(?s).*bool UseSerialGC\\s+= true .*"), "the launcher's serial collector");
        assertTrue(run.out().matches("(?s).*bool UsePerfData\\s+= false .*"), "no hsperfdata file");
        assertTrue(run.out().matches("(?s).*bool BytecodeVerificationRemote\\s+= false .*"), "with the archive: no verification");
        assertTrue(run.out().matches("(?s).*size_t MaxNewSize\\s+= 67108864 .*"), "a 64 MB young generation");
        Run shortLived = run(Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal"), LAUNCHER.toString(), "--version");
        assertTrue(shortLived.out().matches("(?s).*intx TieredStopAtLevel\\s+= 1 .*"), "C1 only: " + head(shortLived.out()));
        Run receiver = run(Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal"), LAUNCHER.toString(), "--listen=127.0.0.1:0", "--version");
        assertTrue(receiver.out().matches("(?s).*intx TieredStopAtLevel\\s+= 4 .*"), "a receiver gets C2: " + head(receiver.out()));
        assertTrue(receiver.out().matches("(?s).*bool UseParallelGC\\s+= true .*"), "and the parallel collector");
        assertTrue(receiver.out().matches("(?s).*size_t MaxNewSize\\s+= 134217728 .*"), "with a 128 MB young generation");
        Run missing = run(Map.of("JAVA_HOME", tmp.resolve("no-java").toString()), LAUNCHER.toString(), "--version");
        assertFalse(missing.exit() == 0, "a JAVA_HOME without java fails");
    }

    private static void assertVersionAlone(Run run, String what) {
        assertEquals(0, run.exit(), what + ": " + run.err());
        assertTrue(run.out().startsWith("xspy "), what + ": " + run.out());
        assertEquals(1, run.out().lines().count(), what + ": only the version line: " + run.out());
        assertEquals("", run.err(), what + ": nothing on stderr");
    }

    private static String head(String s) {
        List<String> lines = new ArrayList<>(s.lines().limit(20).toList());
        return String.join("\n", lines);
    }
}
