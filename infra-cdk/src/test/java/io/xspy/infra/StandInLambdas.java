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

    /** lambdas/{ts,py,go}/dist under {@code root}, each with one file. */
    static Path create(Path root) throws IOException {
        Path lambdas = root.resolve("lambdas");
        for (String lang : new String[] {"ts", "py", "go"}) {
            Path dist = Files.createDirectories(lambdas.resolve(lang).resolve("dist"));
            Files.writeString(dist.resolve("marker.txt"), "code of " + lang);
        }
        return lambdas;
    }

    /** The stack's template in {@code region} (null: environment-agnostic) with the given tracing. */
    static Template synth(Path root, String region, TracingOptions tracing) throws IOException {
        App app = App.Builder.create().outdir(root.resolve("cdk.out").toString()).context(Map.of()).build();
        StackProps.Builder props = StackProps.builder().stackName(XrayStarterStack.STACK_NAME);
        if (region != null) {
            props.env(Environment.builder().region(region).build());
        }
        XrayStarterStack stack = new XrayStarterStack(app, XrayStarterStack.STACK_NAME, props.build(),
                LambdaAssets.under(create(root)), tracing);
        return Template.fromStack(stack);
    }
}
