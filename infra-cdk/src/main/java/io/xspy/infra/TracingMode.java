package io.xspy.infra;

import java.util.Locale;

/** How the three functions are traced: the X-Ray SDKs (the blog post's stack) or OpenTelemetry. */
public enum TracingMode {
    XRAY, OTEL;

    /** The value of the `tracing` context (`-c tracing=otel`, `make synth TRACING=otel`); absent means xray. */
    public static TracingMode parse(Object value) {
        if (value == null || value.toString().isBlank()) {
            return XRAY;
        }
        String name = value.toString().strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "xray" -> XRAY;
            case "otel" -> OTEL;
            default -> throw new IllegalArgumentException(
                    "tracing must be xray or otel, got '" + value + "' (make synth TRACING=otel, or cdk synth -c tracing=otel)");
        };
    }

    /** The value the functions read from their TRACING environment variable. */
    public String envValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
