package io.xspy.source.otel;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.xspy.source.local.FileLoader;
import io.xspy.source.local.TraceStore;
import io.xspy.testing.RequiredTool;
import io.xspy.timeline.AnsiText;
import io.xspy.timeline.TimelineLayout;
import io.xspy.timeline.TimelineOptions;
import io.xspy.timeline.TimelineRenderer;
import io.xspy.trace.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/** The real OpenTelemetry SDKs' scripts, the fixtures they were captured into, and the timeline as text. */
final class SdkSpans {

    /** The SDKs the tests run: the script, and how to tell that the SDK is installed. */
    enum Sdk {
        PY("py", List.of("python3", "src/test/otel-python/send_trace.py"),
                List.of("python3", "-c", "import opentelemetry.sdk, opentelemetry.exporter.otlp.proto.http")),
        NODE("node", List.of("node", "src/test/otel-node/send-trace.js"),
                List.of("node", "-e", "require.resolve('@opentelemetry/sdk-trace-node', {paths: ['src/test/otel-node']});"
                        + "require.resolve('@opentelemetry/exporter-trace-otlp-proto', {paths: ['src/test/otel-node']})"));

        final String dir;
        final List<String> script;
        final List<String> check;

        Sdk(String dir, List<String> script, List<String> check) {
            this.dir = dir;
            this.script = script;
            this.check = check;
        }

        Path fixtures() {
            return Path.of("src/test/resources/sdk-spans", dir);
        }

        /** Skips (fails under CI) unless the SDK is installed: `make tools` installs both. */
        void require() throws Exception {
            Run r = run(check, 60);
            RequiredTool.require(r.exit == 0, "the OpenTelemetry " + name().toLowerCase() + " SDK is not installed (make tools): "
                    + r.out);
        }
    }

    record Run(int exit, String out) {}

    private SdkSpans() {}

    static Run run(List<String> command, int seconds) throws Exception {
        return run(new ProcessBuilder(command), seconds);
    }

    static Run run(ProcessBuilder command, int seconds) throws Exception {
        Process p;
        try {
            p = command.redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Run(-1, e.getMessage());
        }
        p.getOutputStream().close();
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                out.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command.command() + " did not finish in " + seconds + " s: " + out);
        }
        reader.join(10_000);
        return new Run(p.exitValue(), out.toString().strip());
    }

    /**
     * Sits between an SDK and the receiver and keeps each request's body (protobuf, unzipped) as a
     * fixture, with its OTLP JSON beside it: what the SDK really sent, to read back without the SDK.
     */
    static final class Recorder implements AutoCloseable {
        private final HttpServer server;
        private final AtomicInteger n = new AtomicInteger();

        Recorder(String target, Path dir) throws IOException {
            Files.createDirectories(dir);
            try (var old = Files.list(dir)) {
                for (Path f : old.filter(f -> f.getFileName().toString().startsWith("request-")).toList()) Files.delete(f);
            }
            HttpClient http = HttpClient.newHttpClient();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
                byte[] unzipped = "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes() : body;
                // OTLP JSON is kept (and passed on) as protobuf too, so every fixture reads the same way.
                String type = exchange.getRequestHeaders().getFirst("Content-Type");
                byte[] plain = type != null && type.startsWith("application/json")
                        ? OtlpJson.read(unzipped).toByteArray() : unzipped;
                int i = n.incrementAndGet();
                Files.write(dir.resolve("request-" + i + ".binpb"), plain);
                Files.writeString(dir.resolve("request-" + i + ".otlp.json"),
                        OtlpJson.write(ExportTraceServiceRequest.parseFrom(plain)) + "\n");
                try {
                    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(target))
                            .header("Content-Type", "application/x-protobuf")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(plain)).build(), HttpResponse.BodyHandlers.ofByteArray());
                    exchange.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(r.body());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    exchange.sendResponseHeaders(503, -1);
                }
                exchange.close();
            });
            server.start();
        }

        String endpoint() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** The fixtures of one SDK, read into a store as the receiver would have. */
    static TraceStore fromFixtures(Sdk sdk) throws IOException {
        return fromFixtures(sdk.fixtures());
    }

    /** The .binpb fixtures in dir, read into a store as the receiver would have. */
    static TraceStore fromFixtures(Path dir) throws IOException {
        TraceStore store = new TraceStore();
        List<Path> files = new ArrayList<>();
        try (var list = Files.list(dir)) {
            list.filter(p -> p.toString().endsWith(".binpb")).sorted().forEach(files::add);
        }
        if (files.isEmpty()) throw new AssertionError("no fixtures in " + dir + ": capture them with -Dsdk.capture=true");
        for (Path f : files) {
            OtlpTranslation.translate(ExportTraceServiceRequest.parseFrom(Files.readAllBytes(f)), "fixture",
                    SpanTranslator.DEFAULT, store::ingest);
        }
        return store;
    }

    /** The fixtures' OTLP JSON files read by --file's loader. */
    static TraceStore fromJsonFixtures(Sdk sdk) throws IOException {
        return fromJsonFixtures(sdk.fixtures());
    }

    /** The .otlp.json fixtures in dir, read by --file's loader. */
    static TraceStore fromJsonFixtures(Path dir) throws IOException {
        TraceStore store = new TraceStore();
        try (var list = Files.list(dir)) {
            for (Path f : list.filter(p -> p.toString().endsWith(".otlp.json")).sorted().toList()) {
                FileLoader.Loaded loaded = FileLoader.load(f, store);
                if (loaded.problems() > 0) throw new AssertionError(f + ": " + loaded.diagnostics());
            }
        }
        return store;
    }

    static String timeline(Trace trace) {
        return AnsiText.of(TimelineRenderer.render(trace, TimelineLayout.rows(trace, Set.of()), TimelineOptions.full(100, true)), false);
    }

    static Trace only(TraceStore store) {
        List<Trace> traces = store.traces();
        if (traces.size() != 1) throw new AssertionError("expected one trace, got " + traces.size());
        return traces.get(0);
    }
}
