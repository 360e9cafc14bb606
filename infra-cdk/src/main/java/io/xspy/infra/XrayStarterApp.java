package io.xspy.infra;

import java.nio.file.Path;

import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/** Entry point of `cdk synth` / `cdk deploy` (see cdk.json), run from infra-cdk/. */
public final class XrayStarterApp {

    /** Context key that points at another lambdas/ folder: `cdk synth -c lambdasDir=/path/to/lambdas`. */
    static final String LAMBDAS_DIR_CONTEXT = "lambdasDir";
    static final String DEFAULT_LAMBDAS_DIR = "../lambdas";

    private XrayStarterApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        define(app);
        app.synth();
    }

    /** Adds the xraystarter stack to the app, its code taken from the lambdasDir context or ../lambdas. */
    static XrayStarterStack define(App app) {
        Object lambdasDir = app.getNode().tryGetContext(LAMBDAS_DIR_CONTEXT);
        LambdaAssets assets = LambdaAssets.under(Path.of(lambdasDir == null ? DEFAULT_LAMBDAS_DIR : lambdasDir.toString()));
        return new XrayStarterStack(app, XrayStarterStack.STACK_NAME, StackProps.builder()
                .stackName(XrayStarterStack.STACK_NAME)
                .description("xspy demo: S3 -> SNS -> X-Ray traced Lambda functions (TS, Python, Go) -> DynamoDB")
                .build(), assets);
    }
}
