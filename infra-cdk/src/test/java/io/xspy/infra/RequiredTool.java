package io.xspy.infra;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A test that needs an outside tool may skip on a laptop that lacks it, but fails under CI
 * ({@code CI=true}): a green CI run must mean the test ran. (The same rule as app's
 * io.xspy.testing.RequiredTool; this module cannot see app's test classes.)
 */
final class RequiredTool {
    private RequiredTool() {}

    /** Skips (or, under CI, fails) the calling test unless {@code available}. */
    static void require(boolean available, String why) {
        if (available) return;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail(why + " — CI=true, so this test must run, not skip");
        Assumptions.abort(why);
    }
}
