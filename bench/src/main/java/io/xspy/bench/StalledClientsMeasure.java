package io.xspy.bench;

import io.xspy.source.local.TraceStore;
import io.xspy.source.serve.FaultPlan;
import io.xspy.source.serve.ServeServer;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How long a normal GetTraceSummaries takes on xspy serve while other clients hold connections that
 * stopped half way through a request (half of them in the headers, half in the body). The bar: with
 * 64 stalled connections a normal request answers within a second. Each request uses a new
 * connection, as a client arriving after the stalled ones would. Wall time through a real socket, so
 * a main class rather than a JMH benchmark.
 *
 * <p>Run: {@code mvn -B -pl bench -am package -DskipTests && java -cp bench/target/benchmarks.jar
 * io.xspy.bench.StalledClientsMeasure [stalled] [requests]}
 */
public final class StalledClientsMeasure {

    public static void main(String[] args) throws Exception {
        int stalledCount = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (ServeServer serve = ServeServer.start(new TraceStore(), "127.0.0.1", 0, FaultPlan.none())) {
            List<Socket> stalled = new ArrayList<>();
            for (int i = 0; i < stalledCount; i++) {
                Socket s = new Socket("127.0.0.1", serve.port());
                OutputStream out = s.getOutputStream();
                out.write((i % 2 == 0 ? "POST /TraceSummaries HTTP/1.1\r\nHost: x\r\nContent-Ty"
                        : "POST /TraceSummaries HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"Sta")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                stalled.add(s);
            }
            Thread.sleep(200); // let the server take every stalled request onto a thread
            double[] ms = new double[requests];
            for (int i = 0; i < requests; i++) {
                HttpClient client = HttpClient.newHttpClient(); // a new connection each time
                HttpRequest request = HttpRequest.newBuilder(URI.create(serve.endpoint() + "/TraceSummaries"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"StartTime\":1500000000,\"EndTime\":1500000060}"))
                        .build();
                long t0 = System.nanoTime();
                int status = client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                ms[i] = (System.nanoTime() - t0) / 1e6;
                if (status != 200) throw new IllegalStateException("status " + status);
            }
            Arrays.sort(ms);
            System.out.printf("%d stalled connections, %d requests: median %.1f ms, max %.1f ms%n",
                    stalledCount, requests, ms[requests / 2], ms[requests - 1]);
            Results.print("median", ms[requests / 2], "ms");
            Results.print("max", ms[requests - 1], "ms");
            for (Socket s : stalled) s.close();
        }
    }
}
