package io.xspy.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awscdk.App;

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
}
