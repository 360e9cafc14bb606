package io.xspy.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.testing.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `make install PREFIX=...` puts the launcher, the jar and an archive made for the installed jar under
 * PREFIX/lib/xspy with PREFIX/bin/xspy a symlink; `make uninstall` takes them away again. The built jar
 * counts as up to date (make -o), so the test never starts Maven.
 */
class MakeInstallIT {
    @TempDir
    Path prefix;

    @Test
    void installRunsFromPrefixAndUninstallRemovesIt() throws Exception {
        RequiredTool.require(MakeTestTest.onPath("make"), "GNU make is not on PATH");
        make("install");
        Path bin = prefix.resolve("bin/xspy");
        assertTrue(Files.isSymbolicLink(bin), bin + " is a symlink");
        for (String f : List.of("xspy", "xspy.jar", "xspy.jsa")) {
            assertTrue(Files.isRegularFile(prefix.resolve("lib/xspy/" + f)), f + " installed");
        }
        // -Xshare:on fails unless the archive fits the installed jar
        ProcessBuilder pb = new ProcessBuilder(bin.toString(), "--version");
        pb.environment().put("XSPY_JAVA_OPTS", "-Xshare:on");
        pb.environment().remove("JAVA_OPTS");
        String out = run(pb);
        assertTrue(out.startsWith("xspy "), out);

        make("uninstall");
        assertFalse(Files.exists(bin, java.nio.file.LinkOption.NOFOLLOW_LINKS), "bin/xspy removed");
        assertFalse(Files.exists(prefix.resolve("lib/xspy")), "lib/xspy removed");
    }

    private void make(String target) throws IOException, InterruptedException {
        run(new ProcessBuilder("make", "-s", "-C", MakeTestTest.ROOT.toString(), "-o", "app/target/xspy.jar",
                target, "PREFIX=" + prefix));
    }

    private static String run(ProcessBuilder pb) throws IOException, InterruptedException {
        Path log = Files.createTempFile("make-install", ".log");
        try {
            Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            p.getOutputStream().close();
            boolean ended = p.waitFor(300, TimeUnit.SECONDS);
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (!ended) {
                p.destroyForcibly();
            }
            assertTrue(ended, String.join(" ", pb.command()) + " did not end in 300 s:\n" + out);
            assertEquals(0, p.exitValue(), String.join(" ", pb.command()) + ":\n" + out);
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
