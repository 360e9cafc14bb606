package io.xspy.source.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.source.local.TraceStore;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.XRayException;

/** Beyond loopback serve answers only requests signed (SigV4) with a key the operator gave. */
class SigV4Test {
    static final Map<String, String> KEYS = Map.of("AKIDXSPYSERVE", "right/secret+key");

    TraceStore store;
    ServeServer serve;

    @BeforeEach
    void start() {
        store = new TraceStore();
        GeneratedTraces.load(store, 3, Instant.now().getEpochSecond() - 60);
        serve = ServeServer.start(store, ServeServer.Config.defaults().withHost("0.0.0.0").withPort(0).withAccessKeys(KEYS));
    }

    @AfterEach
    void stop() {
        serve.close();
    }

    XRayClient xray(String id, String secret) {
        return XrayClients.at(serve.endpoint(), id, secret);
    }

    @Test
    void theRightKeyReadsAndWrites() {
        try (XRayClient client = xray("AKIDXSPYSERVE", "right/secret+key")) {
            Instant now = Instant.now();
            assertEquals(3, client.getTraceSummaries(r -> r.startTime(now.minusSeconds(600)).endTime(now))
                    .traceSummaries().size());
            String doc = "{\"trace_id\":\"1-5f000000-000000000000000000000009\",\"id\":\"a000000000000009\","
                    + "\"name\":\"signed \u00e9\",\"start_time\":1.5e9,\"end_time\":1500000001}";
            assertTrue(client.putTraceSegments(r -> r.traceSegmentDocuments(doc)).unprocessedTraceSegments().isEmpty());
            assertEquals(1, store.trace("1-5f000000-000000000000000000000009").documents().size());
        }
        try (CloudWatchLogsClient logs = CloudWatchLogsClient.builder().region(Region.EU_CENTRAL_1)
                .endpointOverride(URI.create(serve.endpoint())).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDXSPYSERVE", "right/secret+key"))).build()) {
            assertTrue(logs.filterLogEvents(r -> r.logGroupName(GeneratedTraces.LOG_GROUP)).events().size() > 0);
        }
    }

    @Test
    void aWrongSecretIsAnInvalidSignature() {
        try (XRayClient client = xray("AKIDXSPYSERVE", "wrong-secret")) {
            XRayException e = assertThrows(XRayException.class, () -> client.getTraceSummaries(
                    r -> r.startTime(Instant.now().minusSeconds(60)).endTime(Instant.now())));
            assertEquals(403, e.statusCode());
            assertEquals("InvalidSignatureException", e.awsErrorDetails().errorCode());
        }
    }

    @Test
    void logsRefusesAWrongSecretAsCloudWatchLogsDoes() {
        try (CloudWatchLogsClient logs = CloudWatchLogsClient.builder().region(Region.EU_CENTRAL_1)
                .endpointOverride(URI.create(serve.endpoint())).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDXSPYSERVE", "wrong"))).build()) {
            CloudWatchLogsException e = assertThrows(CloudWatchLogsException.class,
                    () -> logs.filterLogEvents(r -> r.logGroupName(GeneratedTraces.LOG_GROUP)));
            assertEquals(400, e.statusCode());
            assertEquals("InvalidSignatureException", e.awsErrorDetails().errorCode());
        }
    }

    @Test
    void anUnknownKeyIsUnrecognized() {
        try (XRayClient client = xray("AKIDSOMEONEELSE", "right/secret+key")) {
            SdkServiceException e = assertThrows(XRayException.class, () -> client.putTraceSegments(
                    r -> r.traceSegmentDocuments("{}")));
            assertEquals(403, e.statusCode());
            assertEquals("UnrecognizedClientException", ((XRayException) e).awsErrorDetails().errorCode());
        }
    }

    @Test
    void anUnsignedRequestIsMissingItsToken() throws Exception {
        Http.Reply r = Http.post(serve.endpoint(), "/TraceSegments", "{\"TraceSegmentDocuments\":[]}");
        assertEquals(403, r.status());
        assertEquals("MissingAuthenticationTokenException", r.errorType());
    }

    /** A refusal before the body is read still reaches a client that sends a large body. */
    @Test
    void anUnsignedLargeUploadIsAnsweredNotReset() throws Exception {
        String body = "{\"TraceSegmentDocuments\":[\"" + "x".repeat(4 * 1024 * 1024) + "\"]}";
        Http.Reply r = Http.post(serve.endpoint(), "/TraceSegments", body);
        assertEquals(403, r.status(), r.body());
        assertEquals("MissingAuthenticationTokenException", r.errorType());
    }

    @Test
    void theUrlOfAllInterfacesIsOneThatWorks() {
        assertEquals("http://127.0.0.1:" + serve.port(), serve.endpoint());
    }

    @Test
    void beyondLoopbackWithoutKeysServeRefusesToStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServeServer.start(store, ServeServer.Config.defaults().withHost("0.0.0.0").withPort(0)));
        assertTrue(e.getMessage().contains("--access-key"), e.getMessage());
    }

    @Test
    void onLoopbackWithoutKeysAnySignatureIsAccepted() {
        try (ServeServer open = ServeServer.start(store, "127.0.0.1", 0, FaultPlan.none());
                XRayClient client = XrayClients.at(open.endpoint(), "anything", "at-all")) {
            assertEquals(List.of(), client.putTraceSegments(r -> r.traceSegmentDocuments(List.of()))
                    .unprocessedTraceSegments());
        }
    }
}
