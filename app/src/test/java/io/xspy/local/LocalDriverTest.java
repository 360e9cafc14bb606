package io.xspy.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.testing.RequiredTool;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Python tests of make local's stand-ins for the Lambda service (scripts/local/test_driver.py: the
 * Runtime API emulator against small fake functions, REPORT lines, Lambda's segments, the SNS envelope),
 * run here so that the build runs them.
 */
class LocalDriverTest {

    @Test
    void theDriversOwnTestsPass() throws Exception {
        RequiredTool.require(MakeLocalIT.onPath("python3"), "python3 is not on PATH");
        Process p = new ProcessBuilder("python3", "-m", "unittest", "discover", "-s", "scripts/local", "-p", "test_*.py")
                .directory(MakeLocalIT.ROOT.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python3 -m unittest did not end:\n" + out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.matches("(?s).*Ran \\d+ tests.*OK.*"), out);
    }
}
