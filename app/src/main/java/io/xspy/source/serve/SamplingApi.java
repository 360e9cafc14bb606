package io.xspy.source.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * X-Ray's two sampling operations, as SDKs and the daemon call them (POST /GetSamplingRules, POST
 * /SamplingTargets): the rules, and for each rule a client reports on, its rate and reservoir quota.
 * A client gets the rule's whole reservoir (X-Ray divides it among a rule's clients; here there is
 * usually one), for the next ten seconds.
 */
final class SamplingApi {

    /** X-Ray takes statistics for at most 25 rules per GetSamplingTargets call. */
    static final int MAX_STATISTICS = 25;
    static final int INTERVAL_SECONDS = 10;
    private static final Map<String, String> PATHS = Map.of("/GetSamplingRules", "GetSamplingRules",
            "/SamplingTargets", "GetSamplingTargets");

    private final SamplingRules rules;

    SamplingApi(SamplingRules rules) {
        this.rules = rules;
    }

    static String operation(String path) {
        return PATHS.get(path);
    }

    ObjectNode handle(String operation, JsonNode body) {
        return switch (operation) {
            case "GetSamplingRules" -> samplingRules();
            case "GetSamplingTargets" -> samplingTargets(body);
            default -> throw new ApiError(404, "UnknownOperationException", "unknown operation " + operation);
        };
    }

    private ObjectNode samplingRules() {
        ObjectNode out = ServeServer.JSON.createObjectNode();
        ArrayNode records = out.putArray("SamplingRuleRecords");
        double modified = rules.modifiedAt().getEpochSecond();
        for (ObjectNode rule : rules.rules()) {
            ObjectNode record = records.addObject();
            record.set("SamplingRule", rule);
            record.put("CreatedAt", modified).put("ModifiedAt", modified);
        }
        return out;
    }

    private ObjectNode samplingTargets(JsonNode body) {
        JsonNode statistics = body.get("SamplingStatisticsDocuments");
        if (statistics == null || !statistics.isArray()) {
            throw new ApiError(400, "InvalidRequestException", "SamplingStatisticsDocuments is required");
        }
        if (statistics.size() > MAX_STATISTICS) {
            throw new ApiError(400, "InvalidRequestException", "SamplingStatisticsDocuments: at most "
                    + MAX_STATISTICS + " documents per call, got " + statistics.size());
        }
        ObjectNode out = ServeServer.JSON.createObjectNode();
        ArrayNode targets = out.putArray("SamplingTargetDocuments");
        ArrayNode unprocessed = out.putArray("UnprocessedStatistics");
        long ttl = Instant.now().getEpochSecond() + INTERVAL_SECONDS;
        for (JsonNode s : statistics) {
            String name = s.path("RuleName").asText("");
            ObjectNode rule = rules.rule(name);
            if (rule == null) {
                unprocessed.addObject().put("RuleName", RequestLimits.echo(name)).put("ErrorCode", "400")
                        .put("Message", "no sampling rule named " + RequestLimits.echo(name));
                continue;
            }
            targets.addObject().put("RuleName", name).put("FixedRate", rule.get("FixedRate").asDouble())
                    .put("ReservoirQuota", rule.get("ReservoirSize").asInt()).put("ReservoirQuotaTTL", ttl)
                    .put("Interval", INTERVAL_SECONDS);
        }
        out.put("LastRuleModification", rules.modifiedAt().getEpochSecond());
        return out;
    }
}
