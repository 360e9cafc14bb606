package io.xspy.source.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.xray.XRayClient;

/** The verifier on a request the real SDK signed, captured before it leaves, against shifted clocks. */
class SigV4VerifierTest {
    static final Map<String, String> KEYS = Map.of("AKIDXSPY", "secret");

    record Captured(SdkHttpRequest request, byte[] body) {}

    /** Signs a PutTraceSegments with the SDK and keeps the signed request instead of sending it. */
    static Captured signedBySdk() {
        Captured[] captured = new Captured[1];
        ExecutionInterceptor capture = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                byte[] body = context.requestBody().map(b -> {
                    try {
                        return b.contentStreamProvider().newStream().readAllBytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).orElse(new byte[0]);
                captured[0] = new Captured(context.httpRequest(), body);
                throw new IllegalStateException("captured");
            }
        };
        try (XRayClient client = XRayClient.builder().region(Region.US_WEST_2)
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDXSPY", "secret")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(capture)).build()) {
            client.putTraceSegments(r -> r.traceSegmentDocuments("{\"name\":\"caf\u00e9\"}"));
        } catch (RuntimeException expected) {
            // the interceptor stops the call once the request is signed
        }
        return captured[0];
    }

    static void verify(Captured c, Clock clock) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(c.request().headers());
        SigV4Verifier v = new SigV4Verifier(KEYS, clock);
        SigV4Verifier.Authorization auth = v.authorize(headers::get, "xray");
        v.verify(auth, new SigV4Verifier.Request(c.request().method().name(), c.request().getUri(), headers::get, c.body()));
    }

    @Test
    void aSignatureTheSdkMadeVerifiesNowAndNotTwentyMinutesLater() {
        Captured c = signedBySdk();
        verify(c, Clock.systemUTC());
        ApiError late = assertThrows(ApiError.class,
                () -> verify(c, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20))));
        assertEquals("InvalidSignatureException", late.type);
        assertTrue(late.getMessage().startsWith("Signature expired"), late.getMessage());
    }

    @Test
    void aChangedBodyNoLongerVerifies() {
        Captured c = signedBySdk();
        Captured tampered = new Captured(c.request(), new String(c.body()).replace("caf", "cat").getBytes());
        ApiError e = assertThrows(ApiError.class,
                () -> verify(tampered, Clock.fixed(Instant.now(), ZoneOffset.UTC)));
        assertEquals(403, e.status);
        assertEquals("InvalidSignatureException", e.type);
    }
}
