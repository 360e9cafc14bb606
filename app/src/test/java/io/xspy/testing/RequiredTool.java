package io.xspy.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A test that needs an outside tool (tmux, the AWS CLI, moto) may skip on a laptop that lacks it,
 * but fails under CI ({@code CI=true}): a green CI run must mean the test ran.
 */
public final class RequiredTool {
    private RequiredTool() {}

    /** Skips (or, under CI, fails) the calling test unless {@code available}. */
    public static void require(boolean available, String why) {
        if (available) return;
        if (underCi()) Assertions.fail(why + " — CI=true, so this test must run, not skip");
        Assumptions.abort(why);
    }

    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
