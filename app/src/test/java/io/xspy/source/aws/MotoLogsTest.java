package io.xspy.source.aws;

import io.xspy.trace.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.source.LogCorrelation;
import io.xspy.source.serve.GeneratedTraces;
import io.xspy.source.serve.GeneratedTraces.Generated;
import io.xspy.testing.RequiredTool;
import io.xspy.trace.LogLine;
import io.xspy.trace.Segment;
import io.xspy.trace.SegmentDocuments;
import io.xspy.trace.SegmentParser;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceAssembler;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * Log correlation against moto's CloudWatch Logs, a second, independent implementation of the API.
 * Starts {@code $MOTO_SERVER} (a command, default {@code moto_server}) with {@code -p PORT}; skipped
 * when it is not installed or does not start, except under CI ({@link RequiredTool}). Moto matches plain terms and quoted phrases, which is all AwsSource sends.
 */
class MotoLogsTest {

    static Process moto;
    static String endpoint;

    @BeforeAll
    static void startMoto() throws Exception {
        String command = System.getenv().getOrDefault("MOTO_SERVER", "moto_server");
        RequiredTool.require(runnable(command), "moto_server is not installed (make tools, or pip install \"moto[server]\")");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(List.of(command.split(" ")));
        cmd.addAll(List.of("-H", "127.0.0.1", "-p", String.valueOf(port)));
        Path log = Files.createTempFile("moto", ".log");
        moto = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        endpoint = "http://127.0.0.1:" + port;
        // an upper bound only: a busy machine may take long to import moto
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!listening(port)) {
            if (!moto.isAlive() || System.nanoTime() > deadline) {
                RequiredTool.require(false, "moto_server did not start: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stopMoto() throws InterruptedException {
        if (moto != null) {
            moto.destroy();
            moto.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void awsSourceFindsTheInvocationLinesInMoto() throws Exception {
        List<Generated> generated = GeneratedTraces.generate(3, Instant.now().getEpochSecond() - 60);
        try (CloudWatchLogsClient logs = CloudWatchLogsClient.builder()
                .endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(AwsSourceTest.DUMMY).httpClient(UrlConnectionHttpClient.create()).build()) {
            logs.createLogGroup(b -> b.logGroupName(GeneratedTraces.LOG_GROUP));
            List<LogLine> all = new ArrayList<>();
            generated.forEach(g -> all.addAll(g.logs()));
            all.sort((a, b) -> Double.compare(a.timestamp(), b.timestamp()));
            for (String stream : all.stream().map(LogLine::logStream).distinct().toList()) {
                logs.createLogStream(b -> b.logGroupName(GeneratedTraces.LOG_GROUP).logStreamName(stream));
                List<InputLogEvent> events = all.stream().filter(l -> l.logStream().equals(stream))
                        .map(l -> InputLogEvent.builder().timestamp(Math.round(l.timestamp() * 1000))
                                .message(l.message()).build())
                        .toList();
                logs.putLogEvents(b -> b.logGroupName(GeneratedTraces.LOG_GROUP).logStreamName(stream)
                        .logEvents(events));
            }
        }
        try (AwsSource aws = AwsSource.create(new AwsOptions(null, "us-east-1", endpoint),
                AwsSettings.defaults().withCredentials(AwsSourceTest.DUMMY))) {
            for (int i = 0; i < generated.size(); i++) {
                Generated g = generated.get(i);
                List<LogLine> lines = aws.logs(assemble(g));
                assertEquals(g.logs().stream().map(LogLine::message).toList(),
                        lines.stream().map(LogLine::message).toList(), "trace " + i);
            }
            Generated other = GeneratedTraces.generate(1, Instant.now().getEpochSecond()).get(0);
            Trace elsewhere = assemble(new Generated(other.traceId(), other.requestId(), other.start(),
                    other.documents().stream().map(d -> d.replace(GeneratedTraces.FUNCTION, "missing-fn")).toList(),
                    List.of()));
            List<LogLine> missing = aws.logs(elsewhere);
            assertEquals(1, missing.size());
            assertTrue(LogCorrelation.isMissingGroup(missing.get(0)), missing.toString());
        }
    }

    static Trace assemble(Generated g) throws IOException {
        List<Segment> docs = new ArrayList<>();
        for (String d : g.documents()) {
            docs.add(new SegmentParser("moto", new ArrayList<>()).parseDocument(Json.mapper().readTree(d)));
        }
        return TraceAssembler.assemble(g.traceId(), docs);
    }

    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean runnable(String command) {
        String program = command.split(" ")[0];
        if (program.contains(File.separator)) return Files.isExecutable(Path.of(program));
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) if (Files.isExecutable(Path.of(dir, program))) return true;
        return false;
    }
}
