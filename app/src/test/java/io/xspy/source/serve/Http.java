package io.xspy.source.serve;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/** Plain HTTP calls to serve, as a client without an SDK makes them (unsigned). */
final class Http {
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(60)).build();

    record Reply(int status, String errorType, String body) {}

    private Http() {}

    static Reply post(String endpoint, String path, String json) throws IOException, InterruptedException {
        return send(endpoint, path, HttpRequest.BodyPublishers.ofString(json));
    }

    /** A body of unknown length: sent chunked, with no Content-Length. */
    static Reply postStreamed(String endpoint, String path, Supplier<InputStream> body)
            throws IOException, InterruptedException {
        return send(endpoint, path, HttpRequest.BodyPublishers.ofInputStream(body));
    }

    private static Reply send(String endpoint, String path, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + path))
                .timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json")
                .POST(body).build();
        HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.headers().firstValue("x-amzn-ErrorType").orElse(null), r.body());
    }
}
