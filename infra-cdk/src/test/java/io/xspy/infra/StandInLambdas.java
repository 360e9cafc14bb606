package io.xspy.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/** Small stand-in dist folders for the three functions, and synths of the stack over them. */
final class StandInLambdas {
    private StandInLambdas() {}

    /** lambdas/{ts,py,go}/dist and lambdas/ts/dist-otel under {@code root}, each with one file naming it. */
    static Path create(Path root) throws IOException {
        Path lambdas = root.resolve("lambdas");
        for (String dist : new String[] {"ts/dist", "ts/dist-otel", "py/dist", "go/dist"}) {
            Path dir = Files.createDirectories(lambdas.resolve(dist));
            Files.writeString(dir.resolve("marker.txt"), "code of " + dist);
        }
        return lambdas;
    }

    /** The stack's template in {@code region} (null: environment-agnostic) with the given tracing. */
    static Template synth(Path root, String region, TracingOptions tracing) throws IOException {
        App app = App.Builder.create().outdir(root.resolve("cdk.out").toString())
                // the CLI sets this; it records which staged asset directory each function uses
                .context(Map.of("aws:cdk:enable-asset-metadata", true)).build();
        StackProps.Builder props = StackProps.builder().stackName(XrayStarterStack.STACK_NAME);
        if (region != null) {
            props.env(Environment.builder().region(region).build());
        }
        XrayStarterStack stack = new XrayStarterStack(app, XrayStarterStack.STACK_NAME, props.build(),
                LambdaAssets.under(create(root), tracing.mode()), tracing);
        return Template.fromStack(stack);
    }
}
