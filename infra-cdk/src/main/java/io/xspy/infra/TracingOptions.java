package io.xspy.infra;

import java.util.Locale;

import software.constructs.Node;

/**
 * The tracing choices of a synth, from the CDK context: `-c tracing=xray|otel` and
 * `-c transactionSearch=true|false` (the Makefile's TRACING and TRANSACTION_SEARCH).
 */
public record TracingOptions(TracingMode mode, boolean transactionSearch) {

    public static final String TRACING_CONTEXT = "tracing";
    public static final String TRANSACTION_SEARCH_CONTEXT = "transactionSearch";

    /** The stack of the blog post: X-Ray SDKs, no Transaction Search. */
    public static final TracingOptions XRAY = new TracingOptions(TracingMode.XRAY, false);

    public TracingOptions {
        if (mode == null) {
            throw new IllegalArgumentException("tracing mode is required");
        }
    }

    public static TracingOptions fromContext(Node node) {
        return new TracingOptions(TracingMode.parse(node.tryGetContext(TRACING_CONTEXT)),
                parseFlag(TRANSACTION_SEARCH_CONTEXT, node.tryGetContext(TRANSACTION_SEARCH_CONTEXT)));
    }

    /** `cdk -c name=true` arrives as a string, cdk.json or tests may give a boolean; absent or empty is false. */
    static boolean parseFlag(String name, Object value) {
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        return switch (value.toString().strip().toLowerCase(Locale.ROOT)) {
            case "", "false" -> false;
            case "true" -> true;
            default -> throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
        };
    }
}
