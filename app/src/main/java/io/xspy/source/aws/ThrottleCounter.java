package io.xspy.source.aws;

import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Counts the attempts AWS answered with a throttle, so the status line can say that the adaptive
 * retry mode is slowing down. Called once per attempt (retries included): X-Ray throttles with HTTP
 * 429, CloudWatch Logs with a 400 whose error type names throttling.
 */
final class ThrottleCounter implements ExecutionInterceptor {

    private final AtomicLong throttles = new AtomicLong();

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (isThrottle(context.httpResponse())) throttles.incrementAndGet();
    }

    static boolean isThrottle(SdkHttpResponse response) {
        if (response.statusCode() == 429) return true;
        String type = response.firstMatchingHeader("x-amzn-ErrorType").orElse("");
        return response.statusCode() == 400 && (type.startsWith("Throttl") || type.startsWith("TooManyRequests"));
    }

    long count() {
        return throttles.get();
    }
}
