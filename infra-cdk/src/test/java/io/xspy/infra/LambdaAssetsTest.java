package io.xspy.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LambdaAssetsTest {

    @TempDir
    Path lambdas;

    @Test
    void underResolvesTheDistDirectoryOfEachLanguage() throws IOException {
        for (String lang : new String[] {"ts", "py", "go"}) {
            Files.createDirectories(lambdas.resolve(lang).resolve("dist"));
        }
        LambdaAssets assets = LambdaAssets.under(lambdas);
        assertEquals(lambdas.resolve("ts/dist").toAbsolutePath(), assets.ts());
        assertEquals(lambdas.resolve("py/dist").toAbsolutePath(), assets.py());
        assertEquals(lambdas.resolve("go/dist").toAbsolutePath(), assets.go());
    }

    @Test
    void otelTakesTheTypeScriptOtelBundleAndTheSameDistForPythonAndGo() throws IOException {
        for (String dist : new String[] {"ts/dist-otel", "py/dist", "go/dist"}) {
            Files.createDirectories(lambdas.resolve(dist));
        }
        LambdaAssets assets = LambdaAssets.under(lambdas, TracingMode.OTEL);
        assertEquals(lambdas.resolve("ts/dist-otel").toAbsolutePath(), assets.ts());
        assertEquals(lambdas.resolve("py/dist").toAbsolutePath(), assets.py());
        assertEquals(lambdas.resolve("go/dist").toAbsolutePath(), assets.go());
    }

    @Test
    void missingOtelBundleFailsWithItsPathAndTheFix() throws IOException {
        for (String dist : new String[] {"ts/dist", "py/dist", "go/dist"}) {
            Files.createDirectories(lambdas.resolve(dist));
        }
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LambdaAssets.under(lambdas, TracingMode.OTEL));
        assertTrue(error.getMessage().startsWith("code of xraystarter-ts not found: " + lambdas.resolve("ts/dist-otel")),
                error.getMessage());
        assertTrue(error.getMessage().contains("make lambdas"), error.getMessage());
    }

    @Test
    void relativePathsAreMadeAbsoluteSoTheyDoNotDependOnWhereCdkRuns() throws IOException {
        Path dist = Files.createDirectories(lambdas.resolve("dist"));
        Path relative = Path.of("").toAbsolutePath().relativize(dist);
        LambdaAssets assets = new LambdaAssets(relative, dist, dist);
        assertTrue(assets.ts().isAbsolute());
        assertEquals(dist.toAbsolutePath(), assets.ts());
    }

    @Test
    void missingBuildFailsWithTheFunctionThePathAndTheFix() throws IOException {
        Files.createDirectories(lambdas.resolve("ts").resolve("dist"));
        Files.createDirectories(lambdas.resolve("py").resolve("dist"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> LambdaAssets.under(lambdas));
        assertTrue(error.getMessage().contains("xraystarter-go"), error.getMessage());
        assertTrue(error.getMessage().contains(lambdas.resolve("go/dist").toString()), error.getMessage());
        assertTrue(error.getMessage().contains("make lambdas"), error.getMessage());
    }

    @Test
    void aFileIsNotAnAssetDirectory() throws IOException {
        Path file = Files.writeString(lambdas.resolve("bootstrap"), "binary");
        assertThrows(IllegalArgumentException.class, () -> new LambdaAssets(file, lambdas, lambdas));
    }
}
