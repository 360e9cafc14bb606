package io.xspy.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The stack with TRACING=otel, with and without Transaction Search, against the X-Ray stack: layers,
 * environment, permissions, tracing mode and the Transaction Search resources.
 */
class OtelStackTest {

    private static final String FUNCTION = "AWS::Lambda::Function";
    private static final String REGION = "eu-west-1";
    private static final OtelLayers.ForRegion LAYERS = OtelLayers.published().forRegion(REGION);

    @TempDir
    static Path tmp;

    private static Template xray;
    private static Template otel;
    private static Template otelWithSearch;
    private static Template xrayWithSearch;

    @BeforeAll
    static void synthesize() throws IOException {
        xray = StandInLambdas.synth(tmp.resolve("xray"), null, TracingOptions.XRAY);
        otel = StandInLambdas.synth(tmp.resolve("otel"), REGION, new TracingOptions(TracingMode.OTEL, false));
        otelWithSearch = StandInLambdas.synth(tmp.resolve("otel-ts"), REGION, new TracingOptions(TracingMode.OTEL, true));
        xrayWithSearch = StandInLambdas.synth(tmp.resolve("xray-ts"), null, new TracingOptions(TracingMode.XRAY, true));
    }

    // --- the X-Ray stack is as it was -----------------------------------------------------------

    @Test
    void xrayStackHasNoLayersNoOtelEnvironmentAndNoTransactionSearch() {
        for (String name : List.of("xraystarter-ts", "xraystarter-py", "xraystarter-go")) {
            Map<String, Object> props = properties(xray, name);
            assertFalse(props.containsKey("Layers"), name + " has layers");
            assertEquals(Map.of("Variables", Map.of("TABLE_NAME", Map.of("Ref", onlyResource(xray, "AWS::DynamoDB::Table")))),
                    props.get("Environment"), name);
        }
        xray.resourceCountIs("AWS::XRay::TransactionSearchConfig", 0);
        xray.resourceCountIs("AWS::Logs::ResourcePolicy", 0);
        xray.resourceCountIs("AWS::Lambda::LayerVersion", 0);
    }

    // --- TypeScript and Python: the ADOT layers ---------------------------------------------------

    @Test
    void typeScriptGetsTheAdotNodeLayerAndItsWrapper() {
        assertAutoInstrumented("xraystarter-ts", LAYERS.nodejs(), "nodejs22.x", "index.handler");
    }

    @Test
    void pythonGetsTheAdotPythonLayerAndItsWrapper() {
        assertAutoInstrumented("xraystarter-py", LAYERS.python(), "python3.13", "app.handler");
    }

    private static void assertAutoInstrumented(String name, String layer, String runtime, String handler) {
        for (Template template : List.of(otel, otelWithSearch)) {
            template.hasResourceProperties(FUNCTION, Map.of(
                    "FunctionName", name,
                    "Runtime", runtime,
                    "Handler", handler,
                    "Architectures", List.of("arm64"),
                    "TracingConfig", Map.of("Mode", "Active"),
                    "Layers", List.of(layer),
                    "Environment", Map.of("Variables", Map.of(
                            "TABLE_NAME", Map.of("Ref", onlyResource(template, "AWS::DynamoDB::Table")),
                            "TRACING", "otel",
                            "OTEL_SERVICE_NAME", name,
                            "AWS_LAMBDA_EXEC_WRAPPER", "/opt/otel-instrument",
                            "OTEL_AWS_APPLICATION_SIGNALS_ENABLED", "false"))));
        }
    }

    @Test
    void typeScriptDeploysItsOtelBundleAndTheOthersTheirOneDist() throws IOException {
        assertEquals("code of ts/dist-otel", stagedMarker(otel, "otel", "xraystarter-ts"));
        assertEquals("code of py/dist", stagedMarker(otel, "otel", "xraystarter-py"));
        assertEquals("code of go/dist", stagedMarker(otel, "otel", "xraystarter-go"));
        assertEquals("code of ts/dist", stagedMarker(xray, "xray", "xraystarter-ts"));
    }

    // --- Go: its own SDK, the ADOT Collector as an extension --------------------------------------

    @Test
    void goPostsOtlpToTheCollectorLayerWhichUsesItsBuiltInXrayExport() {
        otel.hasResourceProperties(FUNCTION, Map.of(
                "FunctionName", "xraystarter-go",
                "Runtime", "provided.al2023",
                "Handler", "bootstrap",
                "TracingConfig", Map.of("Mode", "Active"),
                "Layers", List.of(LAYERS.collector()),
                "Environment", Map.of("Variables", Map.of(
                        "TABLE_NAME", Map.of("Ref", onlyResource(otel, "AWS::DynamoDB::Table")),
                        "TRACING", "otel",
                        "OTEL_SERVICE_NAME", "xraystarter-go",
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318"))));
        otel.resourceCountIs("AWS::Lambda::LayerVersion", 0);
    }

    @Test
    void withTransactionSearchGosCollectorGetsTheOtlpEndpointConfigLayer() {
        String configLayer = onlyResource(otelWithSearch, "AWS::Lambda::LayerVersion");
        otelWithSearch.hasResourceProperties("AWS::Lambda::LayerVersion", Map.of("CompatibleArchitectures", List.of("arm64")));
        otelWithSearch.hasResourceProperties(FUNCTION, Map.of(
                "FunctionName", "xraystarter-go",
                "Layers", List.of(LAYERS.collector(), Map.of("Ref", configLayer)),
                "Environment", Map.of("Variables", Map.of(
                        "TABLE_NAME", Map.of("Ref", onlyResource(otelWithSearch, "AWS::DynamoDB::Table")),
                        "TRACING", "otel",
                        "OTEL_SERVICE_NAME", "xraystarter-go",
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318",
                        "OPENTELEMETRY_COLLECTOR_CONFIG_URI", "/opt/xraystarter/collector.yaml"))));
    }

    @Test
    void collectorConfigReceivesOnTheEndpointGoPostsToAndSignsForXraysOtlpEndpoint() throws IOException {
        String config = Files.readString(
                OtelInstrumentation.COLLECTOR_CONFIG_LAYER.resolve("xraystarter").resolve("collector.yaml"));
        JsonNode yaml = new YAMLMapper().readTree(config);
        assertEquals("localhost:4318", yaml.at("/receivers/otlp/protocols/http/endpoint").asText());
        assertEquals("https://xray.${env:AWS_REGION}.amazonaws.com/v1/traces", yaml.at("/exporters/otlphttp/traces_endpoint").asText());
        assertEquals("sigv4auth", yaml.at("/exporters/otlphttp/auth/authenticator").asText());
        assertEquals("xray", yaml.at("/extensions/sigv4auth/service").asText());
        assertEquals("[\"sigv4auth\"]", yaml.at("/service/extensions").toString());
        assertEquals("[\"otlp\"]", yaml.at("/service/pipelines/traces/receivers").toString());
        assertEquals("[\"otlphttp\"]", yaml.at("/service/pipelines/traces/exporters").toString());
        assertTrue(OtelInstrumentation.COLLECTOR_CONFIG_URI.endsWith("/xraystarter/collector.yaml"));
    }

    // --- permissions --------------------------------------------------------------------------------

    @Test
    void everyFunctionKeepsExactlyPutItemAndTheActiveTracingWritesWithoutTransactionSearch() {
        for (String name : List.of("xraystarter-ts", "xraystarter-py", "xraystarter-go")) {
            assertEquals(Set.of("dynamodb:PutItem", "xray:PutTraceSegments", "xray:PutTelemetryRecords"), actionsOf(otel, name), name);
            assertEquals(actionsOf(xray, name), actionsOf(otel, name), name + ": otel needs nothing beyond the X-Ray stack");
        }
    }

    @Test
    void onlyGoMayPutSpansToTheOtlpEndpointAndOnlyWithTransactionSearch() {
        assertEquals(Set.of("dynamodb:PutItem", "xray:PutTraceSegments", "xray:PutTelemetryRecords",
                "xray:PutSpans", "xray:PutSpansForIndexing"), actionsOf(otelWithSearch, "xraystarter-go"));
        for (String name : List.of("xraystarter-ts", "xraystarter-py")) {
            assertEquals(Set.of("dynamodb:PutItem", "xray:PutTraceSegments", "xray:PutTelemetryRecords"),
                    actionsOf(otelWithSearch, name), name);
        }
        otelWithSearch.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Map.of(
                        "Action", List.of("xray:PutSpans", "xray:PutSpansForIndexing"),
                        "Effect", "Allow",
                        "Resource", "*"))))),
                "Roles", List.of(Map.of("Ref", roleIdOf(otelWithSearch, "xraystarter-go")))));
    }

    // --- Transaction Search -------------------------------------------------------------------------

    @Test
    void transactionSearchIsTurnedOnAfterTheLogsPolicyThatLetsXrayWriteSpans() {
        for (Template template : List.of(otelWithSearch, xrayWithSearch)) {
            String policy = onlyResource(template, "AWS::Logs::ResourcePolicy");
            template.resourceCountIs("AWS::XRay::TransactionSearchConfig", 1);
            template.hasResource("AWS::XRay::TransactionSearchConfig", Map.of(
                    "Properties", Map.of("IndexingPercentage", 1),
                    "DependsOn", List.of(policy)));
        }
        otel.resourceCountIs("AWS::XRay::TransactionSearchConfig", 0);
        otel.resourceCountIs("AWS::Logs::ResourcePolicy", 0);
    }

    @Test
    void logsPolicyLetsOnlyThisAccountsXrayInThisRegionPutLogEventsIntoTheTwoSpanGroups() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) resources(otelWithSearch)
                .get(onlyResource(otelWithSearch, "AWS::Logs::ResourcePolicy")).get("Properties");
        assertEquals("xraystarter-TransactionSearchAccess", props.get("PolicyName"));
        @SuppressWarnings("unchecked")
        String document = (String) ((Map<String, Object>) props.get("PolicyDocument")).get("Fn::Sub");
        JsonNode statements = new ObjectMapper().readTree(document).get("Statement");
        assertEquals(1, statements.size());
        JsonNode statement = statements.get(0);
        assertEquals("Allow", statement.get("Effect").asText());
        assertEquals("xray.amazonaws.com", statement.at("/Principal/Service").asText());
        assertEquals("logs:PutLogEvents", statement.get("Action").asText());
        assertEquals(List.of(
                "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:aws/spans:*",
                "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/application-signals/data:*"),
                texts(statement.get("Resource")));
        assertEquals("arn:${AWS::Partition}:xray:${AWS::Region}:${AWS::AccountId}:*",
                statement.at("/Condition/ArnLike/aws:SourceArn").asText());
        assertEquals("${AWS::AccountId}", statement.at("/Condition/StringEquals/aws:SourceAccount").asText());
    }

    // --- same shape and outputs ---------------------------------------------------------------------

    @Test
    void otelStackHasTheSameResourcesApartFromTransactionSearchAndTheSameOutputs() {
        assertEquals(resourceTypes(xray), resourceTypes(otel));
        assertEquals(xray.findOutputs("*").keySet(), otel.findOutputs("*").keySet());
        Set<String> added = new TreeSet<>(resourceTypes(otelWithSearch));
        added.removeAll(resourceTypes(xray));
        assertEquals(Set.of("AWS::Lambda::LayerVersion", "AWS::Logs::ResourcePolicy", "AWS::XRay::TransactionSearchConfig"), added);
    }

    @Test
    void otelWithoutAKnownRegionFailsTheSynthWithTheFix() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> StandInLambdas.synth(tmp.resolve("agnostic"), null, new TracingOptions(TracingMode.OTEL, false)));
        assertTrue(error.getMessage().startsWith("TRACING=otel needs the region at synth time"), error.getMessage());
        assertTrue(error.getMessage().contains("REGION="), error.getMessage());
    }

    @Test
    void otelInARegionWithoutTheLayersFailsTheSynth() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> StandInLambdas.synth(tmp.resolve("hk"), "ap-east-1", new TracingOptions(TracingMode.OTEL, false)));
        assertTrue(error.getMessage().contains("(collector) for region ap-east-1"), error.getMessage());
    }

    // --- template navigation --------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> resources(Template template) {
        return (Map<String, Map<String, Object>>) template.toJSON().get("Resources");
    }

    private static Set<String> resourceTypes(Template template) {
        Set<String> types = new TreeSet<>();
        resources(template).values().forEach(r -> types.add((String) r.get("Type")));
        return types;
    }

    private static String onlyResource(Template template, String type) {
        Map<String, Map<String, Object>> found = template.findResources(type);
        assertEquals(1, found.size(), "resources of type " + type);
        return found.keySet().iterator().next();
    }

    private static String functionId(Template template, String name) {
        Map<String, Map<String, Object>> found = template.findResources(FUNCTION,
                Map.of("Properties", Map.of("FunctionName", name)));
        assertEquals(1, found.size(), "function " + name);
        return found.keySet().iterator().next();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Template template, String name) {
        return (Map<String, Object>) resources(template).get(functionId(template, name)).get("Properties");
    }

    @SuppressWarnings("unchecked")
    private static String roleIdOf(Template template, String name) {
        Map<String, Object> role = (Map<String, Object>) properties(template, name).get("Role");
        return (String) ((List<Object>) role.get("Fn::GetAtt")).get(0);
    }

    /** Every action the inline policies of the function's role allow. */
    @SuppressWarnings("unchecked")
    private static Set<String> actionsOf(Template template, String name) {
        String role = roleIdOf(template, name);
        Set<String> actions = new TreeSet<>();
        for (Map<String, Object> policy : template.findResources("AWS::IAM::Policy").values()) {
            Map<String, Object> props = (Map<String, Object>) policy.get("Properties");
            if (!((List<Object>) props.get("Roles")).contains(Map.of("Ref", role))) {
                continue;
            }
            for (Map<String, Object> statement : (List<Map<String, Object>>) ((Map<String, Object>) props.get("PolicyDocument")).get("Statement")) {
                Object action = statement.get("Action");
                if (action instanceof List<?> list) {
                    list.forEach(a -> actions.add(a.toString()));
                } else {
                    actions.add(action.toString());
                }
            }
        }
        return actions;
    }

    /** The marker file of the asset directory the function's code was staged from. */
    @SuppressWarnings("unchecked")
    private static String stagedMarker(Template template, String synthDir, String name) throws IOException {
        Map<String, Object> metadata = (Map<String, Object>) resources(template).get(functionId(template, name)).get("Metadata");
        Path staged = tmp.resolve(synthDir).resolve("cdk.out").resolve((String) metadata.get("aws:asset:path"));
        return Files.readString(staged.resolve("marker.txt"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
