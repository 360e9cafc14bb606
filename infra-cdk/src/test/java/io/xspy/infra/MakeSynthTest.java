package io.xspy.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/**
 * `make synth` and `make synth TRACING=otel TRANSACTION_SEARCH=true REGION=…`: the cdk command the
 * Makefile runs (`make -n`), and the template the app makes from exactly that command's context and
 * region (as the cdk CLI hands them over: context entries, CDK_DEFAULT_REGION from AWS_REGION), over
 * stand-in function code. The cdk CLI itself (fetched by npx) is not run here.
 */
class MakeSynthTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern CONTEXT = Pattern.compile(" -c ([A-Za-z]+)=(\\S+)");
    private static final Pattern AWS_REGION = Pattern.compile("\\bAWS_REGION=(\\S+)");

    @TempDir
    Path tmp;

    @BeforeAll
    static void requireMake() {
        RequiredTool.require(onPath("make"), "GNU make is not on PATH");
    }

    @Test
    void plainSynthPassesNoTracingContextAndMakesTheXrayTemplate() throws Exception {
        String cdk = cdkCommand("synth");
        assertTrue(cdk.matches("cd infra-cdk && npx --yes aws-cdk@\\S+ synth"), cdk);
        Template template = synthAs(cdk);
        template.resourceCountIs("AWS::XRay::TransactionSearchConfig", 0);
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "xraystarter-go",
                "TracingConfig", Map.of("Mode", "Active")));
        assertTrue(template.findResources("AWS::Lambda::Function").values().stream()
                .noneMatch(f -> ((Map<?, ?>) f.get("Properties")).containsKey("Layers")), "no layers in the X-Ray stack");
    }

    @Test
    void otelSynthWithTransactionSearchPassesBothAsContextAndMakesTheOtelTemplate() throws Exception {
        String cdk = cdkCommand("synth", "TRACING=otel", "TRANSACTION_SEARCH=true", "REGION=eu-central-1");
        assertTrue(cdk.contains(" synth "), cdk);
        assertTrue(cdk.contains(" -c tracing=otel "), cdk);
        assertTrue(cdk.endsWith(" -c transactionSearch=true"), cdk);
        Template template = synthAs(cdk);
        OtelLayers.ForRegion layers = OtelLayers.published().forRegion("eu-central-1");
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "xraystarter-ts",
                "Layers", List.of(layers.nodejs()),
                "TracingConfig", Map.of("Mode", "Active")));
        template.resourceCountIs("AWS::XRay::TransactionSearchConfig", 1);
        template.resourceCountIs("AWS::Logs::ResourcePolicy", 1);
    }

    @Test
    void otelSynthWithoutARegionStopsWithTheFix() throws Exception {
        String cdk = cdkCommand("synth", "TRACING=otel");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> synthAs(cdk));
        assertTrue(error.getMessage().contains("pass REGION=… to make"), error.getMessage());
    }

    @Test
    void deployAndDestroyPassTheSameContext() throws Exception {
        assertTrue(cdkCommand("deploy", "TRACING=otel").contains(" deploy --require-approval never -c tracing=otel"),
                cdkCommand("deploy", "TRACING=otel"));
        assertTrue(cdkCommand("destroy", "TRACING=otel", "TRANSACTION_SEARCH=true")
                .contains(" destroy --force -c tracing=otel -c transactionSearch=true"));
    }

    /** The app run with the context and region that `cdk` would hand it for this command line. */
    private Template synthAs(String cdkCommand) throws IOException {
        Map<String, Object> context = new HashMap<>();
        Matcher entry = CONTEXT.matcher(cdkCommand);
        while (entry.find()) {
            context.put(entry.group(1), entry.group(2));
        }
        context.put(XrayStarterApp.LAMBDAS_DIR_CONTEXT, StandInLambdas.create(tmp).toString());
        Matcher region = AWS_REGION.matcher(cdkCommand);
        Map<String, String> env = region.find() ? Map.of(XrayStarterApp.DEFAULT_REGION_ENV, region.group(1)) : Map.of();
        App app = App.Builder.create().outdir(tmp.resolve("cdk.out").toString()).context(context).build();
        return Template.fromStack(XrayStarterApp.define(app, env::get));
    }

    /** The cdk line `make -n TARGET VARS…` prints, spaces collapsed (the functions' build is taken as done). */
    private static String cdkCommand(String target, String... variables) throws Exception {
        List<String> command = new ArrayList<>(List.of("make", "-n", "--no-print-directory", "-C", ROOT.toString(),
                "-o", "lambdas", target));
        command.addAll(List.of(variables));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeAll(List.of("PROFILE", "REGION", "TRACING", "TRANSACTION_SEARCH", "CDK_ARGS"));
        Process make = builder.start();
        String out = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(make.waitFor(60, TimeUnit.SECONDS), "make -n did not finish: " + out);
        assertEquals(0, make.exitValue(), out);
        List<String> cdk = out.lines().filter(line -> line.contains("npx --yes aws-cdk@")).toList();
        assertEquals(1, cdk.size(), out);
        return cdk.get(0).replaceAll("\\s+", " ").strip();
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
