package io.xspy.source.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.source.local.TraceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.GetSamplingTargetsResponse;
import software.amazon.awssdk.services.xray.model.SamplingRule;
import software.amazon.awssdk.services.xray.model.SamplingStatisticsDocument;

/** The real SDK's sampling calls against serve and against the TCP port beside --listen. */
class SamplingTest {

    static XRayClient client(String endpoint) {
        return XrayClients.at(endpoint);
    }

    static SamplingStatisticsDocument stats(String rule) {
        return SamplingStatisticsDocument.builder().ruleName(rule).clientID("0123456789abcdef01234567")
                .timestamp(Instant.now()).requestCount(10).sampledCount(10).borrowCount(0).build();
    }

    @Test
    void serveSamplesEverythingByDefault() {
        try (ServeServer serve = ServeServer.start(new TraceStore(), "127.0.0.1", 0, FaultPlan.none());
                XRayClient xray = client(serve.endpoint())) {
            List<SamplingRule> rules = xray.getSamplingRules(r -> { }).samplingRuleRecords().stream()
                    .map(r -> r.samplingRule()).toList();
            assertEquals(1, rules.size());
            assertEquals("Default", rules.get(0).ruleName());
            assertEquals(1.0, rules.get(0).fixedRate());
            assertEquals(10000, rules.get(0).priority());
            assertEquals("*", rules.get(0).serviceName());

            Instant asked = Instant.now();
            GetSamplingTargetsResponse targets = xray.getSamplingTargets(
                    r -> r.samplingStatisticsDocuments(stats("Default"), stats("Nonexistent")));
            assertEquals(1, targets.samplingTargetDocuments().size());
            assertEquals(1.0, targets.samplingTargetDocuments().get(0).fixedRate());
            assertEquals(1, targets.samplingTargetDocuments().get(0).reservoirQuota());
            assertTrue(targets.samplingTargetDocuments().get(0).reservoirQuotaTTL().isAfter(asked)); // later than the call, however long the test takes
            assertEquals("Nonexistent", targets.unprocessedStatistics().get(0).ruleName());
        }
    }

    @Test
    void rulesFromAFileAsTheCliPrintsThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.json");
        Files.writeString(file, """
                {"SamplingRuleRecords": [
                  {"SamplingRule": {"RuleName": "orders", "Priority": 5, "FixedRate": 0.25, "ReservoirSize": 3,
                    "ServiceName": "orders-api", "HTTPMethod": "POST"}, "CreatedAt": 1.7e9, "ModifiedAt": 1.7e9}
                ]}""");
        try (ServeServer serve = ServeServer.start(new TraceStore(), ServeServer.Config.defaults().withPort(0)
                        .withSampling(SamplingRules.load(file)));
                XRayClient xray = client(serve.endpoint())) {
            List<SamplingRule> rules = xray.getSamplingRules(r -> { }).samplingRuleRecords().stream()
                    .map(r -> r.samplingRule()).toList();
            assertEquals(List.of("orders", "Default"), rules.stream().map(SamplingRule::ruleName).toList());
            assertEquals("orders-api", rules.get(0).serviceName());
            assertEquals("*", rules.get(0).urlPath());
            assertEquals(0.25, xray.getSamplingTargets(r -> r.samplingStatisticsDocuments(stats("orders")))
                    .samplingTargetDocuments().get(0).fixedRate());
        }
    }

    @Test
    void aWrongRuleIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SamplingRules.parse(
                "[{\"RuleName\":\"half\",\"Priority\":1,\"FixedRate\":1.5,\"ReservoirSize\":1}]", "rules.json"));
        assertEquals("rules.json: rule 1 (half): FixedRate must be a number from 0 to 1", e.getMessage());
    }

    @Test
    void theDaemonsTcpPortServesSamplingOnlyAndUnsigned() throws Exception {
        try (ServeServer tcp = ServeServer.start(new TraceStore(),
                        ServeServer.Config.defaults().withHost("0.0.0.0").withPort(0).forSamplingOnly());
                XRayClient xray = client(tcp.endpoint())) {
            assertEquals("Default", xray.getSamplingRules(r -> { }).samplingRuleRecords().get(0).samplingRule().ruleName());
            Http.Reply rules = Http.post(tcp.endpoint(), "/GetSamplingRules", "{}");
            assertEquals(200, rules.status(), rules.body());
            Http.Reply summaries = Http.post(tcp.endpoint(), "/TraceSummaries", "{}");
            assertEquals(404, summaries.status(), summaries.body());
        }
    }
}
