package io.xspy.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the prebuilt code of the three functions lies: each directory is zipped as it is
 * (no bundling, no Docker). `make lambdas` fills the default lambdas/{ts,py,go}/dist (and
 * lambdas/ts/dist-otel).
 */
public record LambdaAssets(Path ts, Path py, Path go) {

    public LambdaAssets {
        ts = requireDirectory("xraystarter-ts", ts);
        py = requireDirectory("xraystarter-py", py);
        go = requireDirectory("xraystarter-go", go);
    }

    /**
     * The TypeScript bundle for TRACING=otel: the ADOT layer patches the AWS SDK as it is required and
     * wraps the exported handler, so lambdas/ts builds a second bundle without the SDK inside and with
     * a plain module.exports handler.
     */
    static final String TS_OTEL_DIST = "dist-otel";

    /** The dist directories under a lambdas/ folder laid out as lambdas/{ts,py,go}/dist. */
    public static LambdaAssets under(Path lambdasDir) {
        return under(lambdasDir, TracingMode.XRAY);
    }

    /** As {@link #under(Path)}, with lambdas/ts/dist-otel for the TypeScript function under TRACING=otel. */
    public static LambdaAssets under(Path lambdasDir, TracingMode mode) {
        Objects.requireNonNull(lambdasDir, "lambdasDir");
        return new LambdaAssets(
                lambdasDir.resolve("ts").resolve(mode == TracingMode.OTEL ? TS_OTEL_DIST : "dist"),
                lambdasDir.resolve("py").resolve("dist"),
                lambdasDir.resolve("go").resolve("dist"));
    }

    private static Path requireDirectory(String function, Path dir) {
        Objects.requireNonNull(dir, function + " asset directory");
        Path absolute = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("code of " + function + " not found: " + absolute
                    + " is not a directory; build it first with `make lambdas` from the repository root");
        }
        return absolute;
    }
}
