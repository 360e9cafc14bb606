package io.xspy.source.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.trace.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The X-Ray sampling rules serve hands to SDKs and daemons, in the API's own shape (SamplingRule). By
 * default one rule, "Default", that samples every request, so nothing sent to xspy is lost. A file
 * gives others: what {@code aws xray get-sampling-rules} prints, a JSON array of SamplingRule objects,
 * or one {"SamplingRule": ...} as {@code create-sampling-rule} takes; a Default rule is added when
 * the file has none, as X-Ray always has one.
 */
public final class SamplingRules {

    public static final String DEFAULT = "Default";
    private static final int MAX_RULES = 1000;
    private static final Map<String, String> WILDCARDS = Map.of("ResourceARN", "*", "ServiceName", "*",
            "ServiceType", "*", "Host", "*", "HTTPMethod", "*", "URLPath", "*");

    private final List<ObjectNode> rules;
    private final Instant modifiedAt;

    private SamplingRules(List<ObjectNode> rules, Instant modifiedAt) {
        List<ObjectNode> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparingInt((ObjectNode r) -> r.get("Priority").asInt())
                .thenComparing(r -> r.get("RuleName").asText()));
        this.rules = List.copyOf(sorted);
        this.modifiedAt = modifiedAt;
    }

    /** Samples every request: FixedRate 1.0 (and a reservoir of 1 per second, as X-Ray's Default). */
    public static SamplingRules sampleEverything() {
        return new SamplingRules(List.of(defaultRule()), Instant.now());
    }

    /** Reads rules from a file; a clear error names the file and the rule that is wrong. */
    public static SamplingRules load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--sampling-rules: cannot read " + file + ": " + e.getMessage());
        }
        return parse(text, "--sampling-rules " + file);
    }

    static SamplingRules parse(String text, String where) {
        JsonNode root;
        try {
            root = Json.read(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": not JSON (" + e.getOriginalMessage() + ")");
        }
        List<JsonNode> given = new ArrayList<>();
        if (root != null && root.isArray()) {
            root.forEach(given::add);
        } else if (root != null && root.has("SamplingRuleRecords")) {
            for (JsonNode record : root.get("SamplingRuleRecords")) given.add(record.get("SamplingRule"));
        } else if (root != null && root.has("SamplingRule")) {
            given.add(root.get("SamplingRule"));
        } else {
            throw new IllegalArgumentException(where + ": expected the output of aws xray get-sampling-rules "
                    + "({\"SamplingRuleRecords\": [...]}) or a JSON array of SamplingRule objects");
        }
        if (given.size() > MAX_RULES) throw new IllegalArgumentException(where + ": more than " + MAX_RULES + " rules");
        List<ObjectNode> rules = new ArrayList<>();
        boolean hasDefault = false;
        for (int i = 0; i < given.size(); i++) {
            ObjectNode rule = rule(given.get(i), where + ": rule " + (i + 1));
            if (rules.stream().anyMatch(r -> r.get("RuleName").equals(rule.get("RuleName")))) {
                throw new IllegalArgumentException(where + ": two rules are named " + rule.get("RuleName"));
            }
            hasDefault |= DEFAULT.equals(rule.get("RuleName").asText());
            rules.add(rule);
        }
        if (!hasDefault) rules.add(defaultRule());
        return new SamplingRules(rules, Instant.now());
    }

    /** One rule, checked and completed with X-Ray's defaults (wildcards, Version 1, no attributes). */
    private static ObjectNode rule(JsonNode given, String where) {
        if (given == null || !given.isObject()) throw new IllegalArgumentException(where + ": not a SamplingRule object");
        ObjectNode rule = given.deepCopy();
        String name = rule.path("RuleName").asText("");
        if (!rule.path("RuleName").isTextual() || name.isEmpty() || name.length() > 32) {
            throw new IllegalArgumentException(where + ": RuleName must be 1 to 32 characters");
        }
        String named = where + " (" + name + ")";
        if (!rule.path("Priority").canConvertToInt() || rule.get("Priority").asInt() < 1
                || rule.get("Priority").asInt() > 10000) {
            throw new IllegalArgumentException(named + ": Priority must be a number from 1 to 9999");
        }
        double rate = rule.path("FixedRate").asDouble(-1);
        if (!rule.path("FixedRate").isNumber() || rate < 0 || rate > 1) {
            throw new IllegalArgumentException(named + ": FixedRate must be a number from 0 to 1");
        }
        if (!rule.path("ReservoirSize").canConvertToInt() || rule.get("ReservoirSize").asInt() < 0) {
            throw new IllegalArgumentException(named + ": ReservoirSize must be a whole number, 0 or more");
        }
        WILDCARDS.forEach((field, wildcard) -> {
            if (!rule.path(field).isTextual()) rule.put(field, wildcard);
        });
        if (!rule.path("Version").canConvertToInt()) rule.put("Version", 1);
        if (!rule.path("Attributes").isObject()) rule.putObject("Attributes");
        if (!rule.path("RuleARN").isTextual()) rule.put("RuleARN", "arn:aws:xray:us-east-1:000000000000:sampling-rule/" + name);
        return rule;
    }

    private static ObjectNode defaultRule() {
        ObjectNode rule = ServeServer.JSON.createObjectNode();
        rule.put("RuleName", DEFAULT).put("RuleARN", "arn:aws:xray:us-east-1:000000000000:sampling-rule/" + DEFAULT)
                .put("ResourceARN", "*").put("Priority", 10000).put("FixedRate", 1.0).put("ReservoirSize", 1)
                .put("ServiceName", "*").put("ServiceType", "*").put("Host", "*").put("HTTPMethod", "*")
                .put("URLPath", "*").put("Version", 1).putObject("Attributes");
        return rule;
    }

    /** The rules, highest priority (lowest number) first. */
    List<ObjectNode> rules() {
        return rules;
    }

    ObjectNode rule(String name) {
        for (ObjectNode r : rules) if (r.get("RuleName").asText().equals(name)) return r;
        return null;
    }

    Instant modifiedAt() {
        return modifiedAt;
    }
}
