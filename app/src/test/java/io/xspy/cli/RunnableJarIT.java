package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged jars. target/xspy.jar runs on its own; the module's artifact (the jar the shade
 * plugin reads) holds only xspy's classes, so a second `mvn package` without clean never shades an
 * already shaded jar again (which printed 518 "overlapping classes" warnings).
 */
class RunnableJarIT {
    static final Path RUNNABLE = Path.of(System.getProperty("xspy.jar", "target/xspy.jar"));
    static final Path ARTIFACT = Path.of(System.getProperty("xspy.artifact", "target/xspy-0.1.0.jar"));

    @Test
    void theRunnableJarCarriesEverythingOnce() throws IOException {
        try (JarFile jar = new JarFile(RUNNABLE.toFile())) {
            assertEquals("io.xspy.cli.Main", jar.getManifest().getMainAttributes().getValue("Main-Class"));
            assertNotNull(jar.getEntry("picocli/CommandLine.class"), "picocli is shaded in");
            assertNotNull(jar.getEntry("io/xspy/cli/Main.class"));
            List<String> descriptors = jar.stream().map(e -> e.getName())
                    .filter(n -> n.endsWith("module-info.class")).toList();
            assertEquals(List.of(), descriptors, "the libraries' module descriptors are left out");
            assertNotNull(jar.getEntry("META-INF/NOTICE"), "the libraries' NOTICE files, merged");
        }
    }

    @Test
    void theModuleArtifactIsThePlainJar() throws IOException {
        assertTrue(!ARTIFACT.equals(RUNNABLE), "the runnable jar is a file of its own");
        try (JarFile jar = new JarFile(ARTIFACT.toFile())) {
            List<String> foreign = jar.stream().map(e -> e.getName())
                    .filter(n -> n.endsWith(".class") && !n.startsWith("io/xspy/")).limit(5).toList();
            assertEquals(List.of(), foreign, ARTIFACT + " must hold xspy's classes only");
        }
    }
}
