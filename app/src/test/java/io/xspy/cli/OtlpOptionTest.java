package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.cli.CliTest.Run;
import io.xspy.source.otel.Spans;
import io.xspy.source.serve.XrayClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.xray.XRayClient;

/** --otlp combines with commands as --listen does: with serve, what arrives is queryable by the AWS SDK. */
class OtlpOptionTest {

    @Test
    void spansSentToOtlpAreServedAsXrayTraces() throws Exception {
        try (RunningServe serve = RunningServe.start("--otlp", "127.0.0.1:0", "--listen", "127.0.0.1:0", "serve", "--port", "0")) {
            String err = serve.awaitErr("serving");
            Matcher otlp = Pattern.compile("OTLP on (http://127\\.0\\.0\\.1:\\d+/v1/traces)").matcher(err);
            Matcher api = Pattern.compile(" at (http://127\\.0\\.0\\.1:\\d+) ").matcher(err);
            assertTrue(otlp.find() && api.find(), err);
            assertTrue(err.contains("listening on udp 127.0.0.1:"), "beside --listen: " + err);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(otlp.group(1)))
                    .header("Content-Type", "application/x-protobuf")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Spans.checkout().toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            try (XRayClient xray = XrayClients.at(api.group(1))) {
                var traces = xray.batchGetTraces(b -> b.traceIds("1-5759e988-bd862e3fe1be46a994272793")).traces();
                assertEquals(1, traces.size());
                assertEquals(3, traces.get(0).segments().size(), "one document per span, as the X-Ray exporter sends them");
                assertTrue(traces.get(0).segments().stream().anyMatch(s -> s.document().contains("\"name\":\"DynamoDB\"")));
            }
        }
    }

    @Test
    void aBadAddressIsAUsageErrorInTheOptionsWords() {
        Run r = CliTest.run("--otlp", "localhost:99999", "traces");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("xspy: --otlp \"localhost:99999\": port out of range"), r.err());
    }
}
