package io.xspy.source.aws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * How the AWS source talks to AWS: credentials (null: the SDK's default chain), timeouts, attempts,
 * calls in flight, traces cached, and extra SDK interceptors. {@link #defaults()} for the CLI, shorter
 * timeouts in tests.
 */
public record AwsSettings(
        AwsCredentialsProvider credentials,
        Duration attemptTimeout,
        Duration callTimeout,
        int maxAttempts,
        int concurrency,
        int cacheSize,
        List<ExecutionInterceptor> interceptors) {

    public AwsSettings {
        interceptors = List.copyOf(interceptors);
        if (concurrency < 1 || maxAttempts < 1 || cacheSize < 0) {
            throw new IllegalArgumentException("concurrency and maxAttempts must be at least 1");
        }
    }

    public static AwsSettings defaults() {
        return new AwsSettings(null, Duration.ofSeconds(10), Duration.ofSeconds(30), 4, 4, 2_000, List.of());
    }

    public AwsSettings withCredentials(AwsCredentialsProvider provider) {
        return new AwsSettings(provider, attemptTimeout, callTimeout, maxAttempts, concurrency, cacheSize, interceptors);
    }

    public AwsSettings withTimeouts(Duration attempt, Duration call) {
        return new AwsSettings(credentials, attempt, call, maxAttempts, concurrency, cacheSize, interceptors);
    }

    public AwsSettings withMaxAttempts(int n) {
        return new AwsSettings(credentials, attemptTimeout, callTimeout, n, concurrency, cacheSize, interceptors);
    }

    public AwsSettings withConcurrency(int n) {
        return new AwsSettings(credentials, attemptTimeout, callTimeout, maxAttempts, n, cacheSize, interceptors);
    }

    public AwsSettings withCacheSize(int n) {
        return new AwsSettings(credentials, attemptTimeout, callTimeout, maxAttempts, concurrency, n, interceptors);
    }

    public AwsSettings withInterceptor(ExecutionInterceptor interceptor) {
        List<ExecutionInterceptor> all = new ArrayList<>(interceptors);
        all.add(interceptor);
        return new AwsSettings(credentials, attemptTimeout, callTimeout, maxAttempts, concurrency, cacheSize, all);
    }
}
