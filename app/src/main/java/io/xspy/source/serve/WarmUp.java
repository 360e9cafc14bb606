package io.xspy.source.serve;

import io.xspy.source.local.TraceStore;
import io.xspy.trace.LogLine;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;

/**
 * Sends one request of each kind through a throwaway server on a loopback port before the real one
 * opens, so the first real client does not wait while the JVM loads and links the HTTP server, Jackson,
 * the parser and the APIs (the X-Ray daemon spills segments when an upload is slow). Once per JVM.
 */
final class WarmUp {
    private static final AtomicBoolean DONE = new AtomicBoolean();

    private WarmUp() {}

    static void once() {
        if (DONE.compareAndSet(false, true)) run();
    }

    /** The warm-up itself; returns the HTTP status of each request (all 200 when every path ran). */
    static List<Integer> run() {
        List<Integer> statuses = new ArrayList<>();
        long now = Instant.now().getEpochSecond();
        String traceId = "1-" + Long.toHexString(now) + "-000000000000000000000001";
        String doc = "{\\\"trace_id\\\":\\\"" + traceId + "\\\",\\\"id\\\":\\\"a000000000000001\\\","
                + "\\\"name\\\":\\\"warm-up\\\",\\\"start_time\\\":" + now + ",\\\"end_time\\\":" + (now + 1)
                + ",\\\"http\\\":{\\\"response\\\":{\\\"status\\\":200}}}";
        String window = "{\"StartTime\":" + (now - 60) + ",\"EndTime\":" + (now + 60) + "}";
        TraceStore store = new TraceStore();
        store.addLog(new LogLine(now, "/aws/lambda/warm-up", "stream", "START RequestId: warm-up"));
        try (ServeServer s = ServeServer.bind(store, ServeServer.Config.defaults().withPort(0))) {
            statuses.add(post(s.port(), "/TraceSegments", null, "{\"TraceSegmentDocuments\":[\"" + doc + "\",\"{}\"]}"));
            statuses.add(post(s.port(), "/TraceSummaries", null, window));
            statuses.add(post(s.port(), "/ServiceGraph", null, window));
            statuses.add(post(s.port(), "/Traces", null, "{\"TraceIds\":[\"" + traceId + "\"]}"));
            statuses.add(post(s.port(), "/GetSamplingRules", null, "{}"));
            statuses.add(post(s.port(), "/", "Logs_20140328.FilterLogEvents", "{\"logGroupName\":\"/aws/lambda/warm-up\"}"));
            MessageDigest.getInstance("SHA-256").digest(new byte[1]); // what checks signatures
            Mac.getInstance("HmacSHA256");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // best effort: without it the first client only waits a little longer
        }
        return statuses;
    }

    private static int post(int port, String path, String target, String body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + (target == null ? "" : "X-Amz-Target: " + target + "\r\n")
                    + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return reply.startsWith("HTTP/1.1 ") && reply.length() >= 12 ? Integer.parseInt(reply.substring(9, 12)) : -1;
        }
    }
}
