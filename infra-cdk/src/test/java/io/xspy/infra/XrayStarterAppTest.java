package io.xspy.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.assertions.Template;

class XrayStarterAppTest {

    @TempDir
    Path tmp;

    @Test
    void definesTheXraystarterStackFromTheLambdasDirContext() throws IOException {
        Path lambdas = tmp.resolve("lambdas");
        for (String lang : new String[] {"ts", "py", "go"}) {
            Files.createDirectories(lambdas.resolve(lang).resolve("dist"));
        }
        App app = App.Builder.create().outdir(tmp.resolve("out").toString())
                .context(Map.of(XrayStarterApp.LAMBDAS_DIR_CONTEXT, lambdas.toString())).build();
        XrayStarterStack stack = XrayStarterApp.define(app);
        assertEquals("xraystarter", stack.getStackName());
        assertEquals("xraystarter", stack.getNode().getId());
    }

    @Test
    void unbuiltLambdasFailTheSynthWithAHint() {
        App app = App.Builder.create().outdir(tmp.resolve("out").toString())
                .context(Map.of(XrayStarterApp.LAMBDAS_DIR_CONTEXT, tmp.resolve("nowhere").toString())).build();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> XrayStarterApp.define(app));
        assertTrue(error.getMessage().contains("make lambdas"), error.getMessage());
    }

    @Test
    void otelBindsTheStackToTheRegionTheCliNamesAndAddsTheLayers() throws IOException {
        XrayStarterStack stack = XrayStarterApp.define(app(Map.of("tracing", "otel")),
                Map.of("CDK_DEFAULT_REGION", "us-west-2")::get);
        assertEquals("us-west-2", stack.getRegion());
        assertTrue(Token.isUnresolved(stack.getAccount()), "the account stays open: " + stack.getAccount());
        Template.fromStack(stack).hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "xraystarter-py",
                "Layers", List.of(OtelLayers.published().forRegion("us-west-2").python())));
    }

    @Test
    void otelWithoutARegionFailsTheSynthSayingHowToGiveOne() throws IOException {
        App app = app(Map.of("tracing", "otel"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> XrayStarterApp.define(app, name -> null));
        assertTrue(error.getMessage().contains("pass REGION="), error.getMessage());
    }

    @Test
    void xrayStaysEnvironmentAgnosticWhateverTheCliRegion() throws IOException {
        XrayStarterStack stack = XrayStarterApp.define(app(Map.of()), Map.of("CDK_DEFAULT_REGION", "us-west-2")::get);
        assertTrue(Token.isUnresolved(stack.getRegion()), stack.getRegion());
    }

    @Test
    void badTracingValueFailsTheSynth() throws IOException {
        App app = app(Map.of("tracing", "zipkin"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> XrayStarterApp.define(app));
        assertTrue(error.getMessage().startsWith("tracing must be xray or otel"), error.getMessage());
    }

    private App app(Map<String, Object> context) throws IOException {
        Map<String, Object> all = new HashMap<>(context);
        all.put(XrayStarterApp.LAMBDAS_DIR_CONTEXT, StandInLambdas.create(tmp).toString());
        return App.Builder.create().outdir(tmp.resolve("out").toString()).context(all).build();
    }
}
