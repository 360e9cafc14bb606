package io.xspy.bench;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.xspy.source.local.OtlpReceiver;
import io.xspy.source.local.TraceStore;
import io.xspy.source.otel.SpanTranslator;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * OTLP/HTTP ingest: SDK-like exporters post protobuf ExportTraceServiceRequests of {@value #BATCH}
 * spans (the batch span processor's default export size) to xspy's receiver on loopback, one request
 * in flight per exporter, and the receiver translates every span and stores it. The score is spans
 * answered 200 and stored per second; every span must be stored (0 rejected, 0 refused, the receiver's
 * count equal to the senders'), and the store holds at most --max-traces traces whatever was sent.
 * Senders and receiver share the machine's cores, as an SDK and xspy on one laptop do. Wall time
 * through real sockets, so a main class rather than a JMH benchmark.
 *
 * <p>Run: {@code mvn -B -q -pl bench -am package -DskipTests && java -Xmx1g -cp bench/target/benchmarks.jar
 * io.xspy.bench.OtlpIngestMeasure [seconds=10] [senders=2] [maxTraces=100000] [URL of another receiver]}
 */
public final class OtlpIngestMeasure {

    static final int BATCH = 512;
    static final int DISTINCT_REQUESTS = 400;
    static final long T0 = 1_795_953_600_000_000_000L;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int senders = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int maxTraces = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        byte[][] requests = new byte[DISTINCT_REQUESTS][];
        for (int i = 0; i < requests.length; i++) requests[i] = request(i).toByteArray();
        System.out.printf(Locale.ROOT, "%d distinct requests of %d spans, %.1f KB each%n", requests.length, BATCH,
                requests[0].length / 1024.0);

        if (args.length > 3) { // another receiver (otel-tui, a Collector) on the same machine, same requests
            URI other = URI.create(args[3]);
            run(other, requests, senders, Math.max(2, seconds / 2), "warm-up", null);
            long sent = run(other, requests, senders, seconds, "measured " + other, null);
            Results.print("peer.spansPerSecond", sent / (double) seconds, "spans/s");
            return;
        }
        TraceStore store = new TraceStore(maxTraces, 1);
        try (OtlpReceiver receiver = new OtlpReceiver(new InetSocketAddress("127.0.0.1", 0), store, SpanTranslator.DEFAULT)) {
            URI uri = URI.create(receiver.endpoint());
            run(uri, requests, senders, Math.max(2, seconds / 2), "warm-up", receiver);
            long before = receiver.counters().spans();
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            java.util.Map<Long, Long> receiverBefore = receiverThreadsCpu();
            long gcBefore = gcMillis();
            long sent = run(uri, requests, senders, seconds, "measured", receiver);
            double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
            java.util.Map<Long, Long> receiverAfter = receiverThreadsCpu();
            System.out.printf(Locale.ROOT, "GC: %.1f s of collection (wall) in the measured %d s%n",
                    (gcMillis() - gcBefore) / 1000.0, seconds);
            double receiverCpu = receiverAfter.entrySet().stream()
                    .mapToLong(e -> e.getValue() - receiverBefore.getOrDefault(e.getKey(), 0L)).sum() / 1e9;
            System.out.printf(Locale.ROOT, "CPU: %.1f s of this process (senders, receiver, GC, JIT) for %d s of wall time"
                    + " (load average %.1f on %d cores): %,.0f spans per CPU-second; the receiver's threads alone %.1f s:"
                    + " %,.0f spans per CPU-second%n", cpu, seconds, os.getSystemLoadAverage(), os.getAvailableProcessors(),
                    sent / cpu, receiverCpu, sent / receiverCpu);
            OtlpReceiver.Counters c = receiver.counters();
            long stored = c.spans() - before;
            System.out.printf(Locale.ROOT, "received %,d spans, stored %,d: loss %,d; rejected %d, refused requests %d%n",
                    sent, stored, sent - stored, c.rejectedSpans(), c.refused());
            Results.print("spansPerSecond", sent / (double) seconds, "spans/s");
            Results.print("lost", sent - stored, "spans");
            Results.print("receiverSpansPerCpuSecond", sent / receiverCpu, "spans/CPU-s");
            TraceStore.Counters sc = store.counters();
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf(Locale.ROOT, "store: %,d traces (cap %,d), %,d evicted; heap after GC %.0f MB%n",
                    sc.traces(), maxTraces, sc.evicted(), heap / 1048576.0);
            Results.print("heapAfterGc", heap / 1048576.0, "MB");
            if (sent != stored || c.rejectedSpans() != 0 || c.refused() != 0 || sc.traces() > maxTraces) {
                System.out.println("FAIL");
                System.exit(1);
            }
        }
    }

    /** Posts requests for {@code seconds} from each sender; returns the spans answered 200. */
    static long run(URI uri, byte[][] requests, int senders, int seconds, String label, OtlpReceiver receiver)
            throws InterruptedException {
        AtomicLong spans = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int first = s * (requests.length / senders);
            Thread t = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                int i = first;
                while (System.nanoTime() < end) {
                    try {
                        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri)
                                .header("Content-Type", "application/x-protobuf")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(requests[i])).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() == 200 && ExportTraceServiceResponse.parseFrom(r.body()).getPartialSuccess()
                                .getRejectedSpans() == 0) {
                            spans.addAndGet(BATCH);
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    i = (i + 1) % requests.length;
                }
            }, "sender-" + s);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        System.out.printf(Locale.ROOT, "%s: %,d spans in %d s = %,.0f spans/s with %d senders (%d failed requests)%n",
                label, spans.get(), seconds, spans.get() / (double) seconds, senders, failures.get());
        return spans.get();
    }

    static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    /** CPU time of the receiver's threads (its pool and the HTTP server's dispatcher) by thread id. */
    static java.util.Map<Long, Long> receiverThreadsCpu() {
        var threads = ManagementFactory.getThreadMXBean();
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) continue;
            String name = info.getThreadName();
            if (name.startsWith("xspy-otlp-") || name.startsWith("HTTP-Dispatcher")) {
                out.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return out;
    }

    /** {@value #BATCH} spans: traces of four spans (a server, an HTTP call, a DynamoDB call, a function). */
    static ExportTraceServiceRequest request(int n) {
        ScopeSpans.Builder scope = ScopeSpans.newBuilder().setScope(InstrumentationScope.newBuilder()
                .setName("opentelemetry.instrumentation.flask").setVersion("0.55b0"));
        for (int t = 0; t < BATCH / 4; t++) {
            long trace = (long) n * BATCH + t;
            ByteString traceId = id(16, 0x6a5f0000_00000000L + trace, trace * 31 + 7);
            ByteString root = id(8, trace * 4 + 1, 0);
            long start = T0 + trace * 1_000_000L;
            scope.addSpans(span(traceId, root, null, "POST /orders", Span.SpanKind.SPAN_KIND_SERVER, start, 40)
                    .addAttributes(kv("http.request.method", "POST")).addAttributes(kv("url.path", "/orders"))
                    .addAttributes(kv("url.scheme", "https")).addAttributes(kv("server.address", "shop.example"))
                    .addAttributes(kv("http.response.status_code", 200L)).addAttributes(kv("user_agent.original", "curl/8.5")));
            scope.addSpans(span(traceId, id(8, trace * 4 + 2, 0), root, "GET", Span.SpanKind.SPAN_KIND_CLIENT, start + 2_000_000, 5)
                    .addAttributes(kv("http.request.method", "GET")).addAttributes(kv("url.full", "http://inventory.internal/items/42"))
                    .addAttributes(kv("server.address", "inventory.internal")).addAttributes(kv("http.response.status_code", 200L)));
            scope.addSpans(span(traceId, id(8, trace * 4 + 3, 0), root, "DynamoDB.PutItem", Span.SpanKind.SPAN_KIND_CLIENT,
                    start + 8_000_000, 12)
                    .addAttributes(kv("rpc.system", "aws-api")).addAttributes(kv("rpc.service", "DynamoDB"))
                    .addAttributes(kv("rpc.method", "PutItem")).addAttributes(kv("aws.region", "eu-central-1"))
                    .addAttributes(KeyValue.newBuilder().setKey("aws.dynamodb.table_names").setValue(AnyValue.newBuilder()
                            .setArrayValue(ArrayValue.newBuilder().addValues(AnyValue.newBuilder().setStringValue("orders")))))
                    .addAttributes(kv("aws.request_id", "V4D3J7K0QO9TS0HQ5A4B2C1D0EVV4KQNSO5AEMVJF66Q9ASUAAJG")));
            scope.addSpans(span(traceId, id(8, trace * 4 + 4, 0), root, "render receipt", Span.SpanKind.SPAN_KIND_INTERNAL,
                    start + 22_000_000, 10).setStatus(trace % 10 == 0
                            ? Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("template missing").build()
                            : Status.getDefaultInstance()));
        }
        Resource resource = Resource.newBuilder().addAttributes(kv("service.name", "shop"))
                .addAttributes(kv("service.version", "1.4.2")).addAttributes(kv("telemetry.sdk.name", "opentelemetry"))
                .addAttributes(kv("telemetry.sdk.language", "python")).addAttributes(kv("telemetry.sdk.version", "1.45.2"))
                .build();
        return ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(ResourceSpans.newBuilder().setResource(resource).addScopeSpans(scope)).build();
    }

    private static Span.Builder span(ByteString trace, ByteString id, ByteString parent, String name, Span.SpanKind kind,
            long start, long millis) {
        Span.Builder b = Span.newBuilder().setTraceId(trace).setSpanId(id).setName(name).setKind(kind)
                .setStartTimeUnixNano(start).setEndTimeUnixNano(start + millis * 1_000_000);
        if (parent != null) b.setParentSpanId(parent);
        return b;
    }

    private static ByteString id(int bytes, long high, long low) {
        ByteBuffer b = ByteBuffer.allocate(bytes);
        b.putLong(high == 0 ? 1 : high);
        if (bytes == 16) b.putLong(low);
        return ByteString.copyFrom(b.array());
    }

    private static KeyValue kv(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private static KeyValue kv(String key, long value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setIntValue(value)).build();
    }
}
