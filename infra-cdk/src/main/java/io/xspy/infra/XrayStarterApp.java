package io.xspy.infra;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/** Entry point of `cdk synth` / `cdk deploy` (see cdk.json), run from infra-cdk/. */
public final class XrayStarterApp {

    /** Context key that points at another lambdas/ folder: `cdk synth -c lambdasDir=/path/to/lambdas`. */
    static final String LAMBDAS_DIR_CONTEXT = "lambdasDir";
    static final String DEFAULT_LAMBDAS_DIR = "../lambdas";
    /** Set by the cdk CLI from AWS_REGION or the profile's region. */
    static final String DEFAULT_REGION_ENV = "CDK_DEFAULT_REGION";

    private XrayStarterApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        define(app);
        app.synth();
    }

    /** Adds the xraystarter stack to the app, its code taken from the lambdasDir context or ../lambdas. */
    static XrayStarterStack define(App app) {
        return define(app, System::getenv);
    }

    /**
     * As {@link #define(App)}, reading the environment through {@code env}. With `-c tracing=otel` the
     * stack is bound to the region the CLI names (its layers are regional); with xray it stays
     * environment-agnostic, as before.
     */
    static XrayStarterStack define(App app, UnaryOperator<String> env) {
        Object lambdasDir = app.getNode().tryGetContext(LAMBDAS_DIR_CONTEXT);
        TracingOptions tracing = TracingOptions.fromContext(app.getNode());
        LambdaAssets assets = LambdaAssets.under(Path.of(lambdasDir == null ? DEFAULT_LAMBDAS_DIR : lambdasDir.toString()),
                tracing.mode());
        StackProps.Builder props = StackProps.builder().stackName(XrayStarterStack.STACK_NAME);
        if (tracing.mode() == TracingMode.OTEL) {
            String region = env.apply(DEFAULT_REGION_ENV);
            if (region != null && !region.isBlank()) {
                props.env(Environment.builder().region(region).build());
            }
            props.description("xspy demo: S3 -> SNS -> OpenTelemetry traced Lambda functions (TS, Python, Go) -> DynamoDB");
        } else {
            props.description("xspy demo: S3 -> SNS -> X-Ray traced Lambda functions (TS, Python, Go) -> DynamoDB");
        }
        return new XrayStarterStack(app, XrayStarterStack.STACK_NAME, props.build(), assets, tracing);
    }
}
