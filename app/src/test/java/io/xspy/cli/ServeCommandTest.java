package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.source.serve.XrayClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.SamplingStatisticsDocument;

/** {@code xspy serve} as a user starts it: its start-up line and what it refuses. */
class ServeCommandTest {

    @Test
    void startUpLinePrintsNoControlCharactersFromFileNames(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("evil\u001b]0;owned\u0007\u001b[31m.ndjson");
        Files.copy(Path.of(CliTest.MIXED), file);
        try (RunningServe serve = RunningServe.start("--file", file.toString(), "serve", "--port", "0")) {
            String line = serve.awaitErr("serving");
            assertFalse(line.contains("\u001b"), line);
            assertFalse(line.contains("\u0007"), line);
            assertTrue(line.contains("evil"), line);
        }
    }

    @Test
    void beyondLoopbackWithoutAccessKeysServeRefusesToStart() throws Exception {
        try (RunningServe serve = RunningServe.start("--demo", "serve", "--host", "0.0.0.0", "--port", "0")) {
            assertEquals(1, serve.awaitExit());
            assertTrue(serve.err().contains("--access-key ID:SECRET"), serve.err());
        }
    }

    @Test
    void onAllInterfacesItPrintsUrlsThatWork() throws Exception {
        try (RunningServe serve = RunningServe.start(Map.of("LANG", "C.UTF-8", "XSPY_ACCESS_KEYS", "AKIDENV:env-secret"),
                "--demo", "serve", "--host", "0.0.0.0", "--port", "0", "--access-key", "AKIDOPT:opt-secret")) {
            String line = serve.awaitErr("serving");
            assertTrue(line.contains("on all interfaces: http://127.0.0.1:" + serve.port() + " here"), line);
            assertFalse(line.contains("0:0:0:0"), line);
            assertTrue(line.contains("one of 2 access keys"), line);
        }
    }

    @Test
    void listeningBeyondLoopbackWarnsThatAnyoneCanWriteTraces() throws Exception {
        try (RunningServe serve = RunningServe.start("--listen", "0.0.0.0:0", "serve", "--port", "0")) {
            String err = serve.awaitErr("serving");
            assertTrue(err.contains("warning: --listen 0.0.0.0:0 takes segments from anyone"), err);
        }
        try (RunningServe serve = RunningServe.start("--listen", "127.0.0.1:0", "serve", "--port", "0")) {
            assertFalse(serve.awaitErr("serving").contains("warning"), serve.err());
        }
    }

    @Test
    void theListenPortAnswersTheSdksSamplingCallsOverTcp() throws Exception {
        try (RunningServe serve = RunningServe.start("--listen", "127.0.0.1:0", "serve", "--port", "0")) {
            Matcher udp = Pattern.compile("listening on udp 127\\.0\\.0\\.1:(\\d+) \\(sampling rules on tcp\\)")
                    .matcher(serve.awaitErr("serving"));
            assertTrue(udp.find(), serve.err());
            try (XRayClient xray = XrayClients.at("http://127.0.0.1:" + udp.group(1))) {
                assertEquals("Default", xray.getSamplingRules(r -> { }).samplingRuleRecords().get(0)
                        .samplingRule().ruleName());
                assertEquals(1.0, xray.getSamplingTargets(r -> r.samplingStatisticsDocuments(
                        SamplingStatisticsDocument.builder().ruleName("Default").clientID("0123456789abcdef01234567")
                                .timestamp(java.time.Instant.now()).requestCount(1).sampledCount(1).borrowCount(0)
                                .build())).samplingTargetDocuments().get(0).fixedRate());
            }
        }
    }
}
