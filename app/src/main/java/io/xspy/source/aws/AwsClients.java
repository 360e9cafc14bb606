package io.xspy.source.aws;

import io.xspy.source.SourceException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.xray.XRayClient;

/**
 * The SDK clients of the AWS source, made once: X-Ray and CloudWatch Logs on one lightweight
 * URLConnection HTTP client, each with its own adaptive retry strategy, both counting throttles.
 * {@link #call} runs one SDK call and names the IAM action when it fails.
 */
final class AwsClients implements AwsCalls, AutoCloseable {

    final String description;
    final XRayClient xray;
    final CloudWatchLogsClient logs;
    final ThrottleCounter throttles;
    final AwsErrors errors;
    private final SdkHttpClient http;

    private AwsClients(String description, SdkHttpClient http, XRayClient xray, CloudWatchLogsClient logs,
            ThrottleCounter throttles, AwsErrors errors) {
        this.description = description;
        this.http = http;
        this.xray = xray;
        this.logs = logs;
        this.throttles = throttles;
        this.errors = errors;
    }

    static AwsClients create(AwsOptions options, AwsSettings settings) {
        Region region = region(options);
        URI endpoint = endpoint(options);
        AwsCredentialsProvider credentials = settings.credentials() != null ? settings.credentials()
                : options.profile() != null ? DefaultCredentialsProvider.builder().profileName(options.profile()).build()
                : DefaultCredentialsProvider.builder().build();
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(settings.attemptTimeout())
                .build();
        ThrottleCounter throttles = new ThrottleCounter();
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(settings.attemptTimeout())
                .apiCallTimeout(settings.callTimeout())
                .addExecutionInterceptor(throttles);
        if (options.profile() != null) override.defaultProfileName(options.profile());
        settings.interceptors().forEach(override::addExecutionInterceptor);
        // Each client gets its own strategy: the adaptive rate limiter keeps per-client state.
        XRayClient xray = XRayClient.builder()
                .httpClient(http).region(region).credentialsProvider(credentials)
                .overrideConfiguration(override.copy().retryStrategy(adaptive(settings)).build())
                .applyMutation(b -> { if (endpoint != null) b.endpointOverride(endpoint); })
                .build();
        CloudWatchLogsClient logs = CloudWatchLogsClient.builder()
                .httpClient(http).region(region).credentialsProvider(credentials)
                .overrideConfiguration(override.copy().retryStrategy(adaptive(settings)).build())
                .applyMutation(b -> { if (endpoint != null) b.endpointOverride(endpoint); })
                .build();
        String description = "AWS " + region.id()
                + (options.profile() != null ? " (profile " + options.profile() + ")" : "")
                + (endpoint != null ? " at " + endpoint : "");
        return new AwsClients(description, http, xray, logs, throttles, new AwsErrors(options.profile()));
    }

    /** Runs one SDK call; a failure becomes a SourceException naming the IAM action. */
    @Override
    public <T> T call(String iamAction, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw errors.translate(iamAction, e);
        }
    }

    private static software.amazon.awssdk.retries.api.RetryStrategy adaptive(AwsSettings settings) {
        return AwsRetryStrategy.forRetryMode(RetryMode.ADAPTIVE_V2).toBuilder()
                .maxAttempts(settings.maxAttempts()).build();
    }

    private static Region region(AwsOptions options) {
        if (options.region() != null) return Region.of(options.region());
        try {
            DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
            if (options.profile() != null) chain.profileName(options.profile());
            return chain.build().getRegion();
        } catch (SdkException e) {
            throw new SourceException("no AWS region configured — pass --region (or set AWS_REGION, or region in"
                    + " your profile), or use --demo", e);
        }
    }

    private static URI endpoint(AwsOptions options) {
        if (options.endpointUrl() == null) return null;
        try {
            URI uri = URI.create(options.endpointUrl());
            if (uri.getScheme() == null || uri.getHost() == null) throw new IllegalArgumentException("no scheme or host");
            return uri;
        } catch (IllegalArgumentException e) {
            throw new SourceException("--endpoint-url " + options.endpointUrl()
                    + " is not a URL like http://127.0.0.1:2772", e);
        }
    }

    @Override
    public void close() {
        xray.close();
        logs.close();
        http.close();
    }
}
