package io.xspy.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.constructs.Construct;

/**
 * Instruments the functions with OpenTelemetry (TRACING=otel), as AWS documents it for each language:
 * TypeScript and Python get the AWS-managed ADOT layer and its exec wrapper (auto-instrumentation, code
 * unchanged); Go, which has no such layer, instruments itself with the OTel Go SDK and posts OTLP/HTTP to
 * the ADOT Collector layer, a Lambda extension listening on localhost:4318. Active tracing stays on in
 * both modes (the Lambda service segment, and the X-Ray daemon endpoint the ADOT layers export to).
 */
final class OtelInstrumentation {

    /** The ADOT layers' wrapper script: starts the OTel SDK, then the runtime's own bootstrap. */
    static final String EXEC_WRAPPER = "/opt/otel-instrument";
    /** The ADOT Collector extension's OTLP/HTTP receiver; the Go SDK adds /v1/traces. */
    static final String COLLECTOR_ENDPOINT = "http://localhost:4318";
    /** Where the collector-config layer puts its file (layers unpack under /opt). */
    static final String COLLECTOR_CONFIG_URI = "/opt/xraystarter/collector.yaml";
    /** The folder zipped as that layer, relative to infra-cdk/ (where cdk and the tests run). */
    static final Path COLLECTOR_CONFIG_LAYER = Path.of("otel", "collector-layer");
    /** Actions AWS samples grant for X-Ray's OTLP traces endpoint (PutTraceSegments, which AWS's reference names, comes with active tracing). */
    static final List<String> OTLP_ENDPOINT_ACTIONS = List.of("xray:PutSpans", "xray:PutSpansForIndexing");

    private final Construct scope;
    private final OtelLayers.ForRegion layers;
    private final boolean toOtlpEndpoint;

    /**
     * @param toOtlpEndpoint with Transaction Search on, the Go function's collector sends to X-Ray's OTLP
     *                       endpoint (which requires Transaction Search) instead of PutTraceSegments
     */
    OtelInstrumentation(Construct scope, OtelLayers.ForRegion layers, boolean toOtlpEndpoint) {
        this.scope = scope;
        this.layers = layers;
        this.toOtlpEndpoint = toOtlpEndpoint;
    }

    void autoInstrumentNode(Function function, String functionName) {
        autoInstrument(function, functionName, layers.nodejs());
    }

    void autoInstrumentPython(Function function, String functionName) {
        autoInstrument(function, functionName, layers.python());
    }

    private void autoInstrument(Function function, String functionName, String layerArn) {
        function.addLayers(layer(functionName, layerArn));
        common(function, functionName);
        function.addEnvironment("AWS_LAMBDA_EXEC_WRAPPER", EXEC_WRAPPER);
        // Traces only: Application Signals (the layers' default) is a separate, billed APM feature that
        // needs another managed policy; xspy reads the traces.
        function.addEnvironment("OTEL_AWS_APPLICATION_SIGNALS_ENABLED", "false");
    }

    void instrumentGoWithCollector(Function function, String functionName) {
        function.addLayers(layer(functionName, layers.collector()));
        common(function, functionName);
        function.addEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", COLLECTOR_ENDPOINT);
        if (toOtlpEndpoint) {
            function.addLayers(collectorConfigLayer());
            function.addEnvironment("OPENTELEMETRY_COLLECTOR_CONFIG_URI", COLLECTOR_CONFIG_URI);
            function.addToRolePolicy(PolicyStatement.Builder.create()
                    .actions(OTLP_ENDPOINT_ACTIONS)
                    .resources(List.of("*")) // X-Ray has no resource-level permissions
                    .build());
        }
    }

    private static void common(Function function, String functionName) {
        function.addEnvironment("TRACING", TracingMode.OTEL.envValue());
        function.addEnvironment("OTEL_SERVICE_NAME", functionName);
    }

    private ILayerVersion layer(String functionName, String arn) {
        return LayerVersion.fromLayerVersionArn(scope, functionName + "-otel-layer", arn);
    }

    private ILayerVersion collectorConfigLayer() {
        Path dir = COLLECTOR_CONFIG_LAYER.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("xraystarter").resolve("collector.yaml"))) {
            throw new IllegalStateException("collector configuration not found under " + dir + "; run cdk from infra-cdk/");
        }
        return LayerVersion.Builder.create(scope, "CollectorConfig")
                .description("ADOT Collector configuration for xraystarter-go: OTLP to X-Ray's OTLP endpoint (Transaction Search)")
                .code(Code.fromAsset(dir.toString()))
                .compatibleArchitectures(List.of(Architecture.ARM_64))
                .build();
    }
}
