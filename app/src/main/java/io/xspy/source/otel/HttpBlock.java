package io.xspy.source.otel;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * The {@code http} block from the HTTP semantic conventions, old ({@code http.method},
 * {@code http.status_code}, {@code http.url}, {@code http.target}, {@code net.peer.name}) and new
 * ({@code http.request.method}, {@code http.response.status_code}, {@code url.full}, {@code url.path},
 * {@code server.address}), as the exporter's makeHTTP builds it: a full URL when there is one, else one
 * assembled from scheme, host, port and target (the server's own host for a SERVER span, the peer's
 * for a client).
 */
final class HttpBlock {

    private HttpBlock() {}

    static ObjectNode make(Span span, Attributes a) {
        String method = a.first("http.method", "http.request.method");
        Long status = a.number("http.status_code", "http.response.status_code");
        String userAgent = a.first("http.user_agent", "user_agent.original");
        String forwardedIp = a.string("http.client_ip");
        String fullUrl = a.first("http.url", "url.full");
        boolean server = span.getKind() == Span.SpanKind.SPAN_KIND_SERVER;
        boolean hasHttp = method != null || status != null || userAgent != null || forwardedIp != null || fullUrl != null
                || a.has("http.target") || a.has("http.host") || a.has("http.scheme") || a.has("url.path");
        if (!hasHttp) return null;

        ObjectNode http = JsonNodeFactory.instance.objectNode();
        ObjectNode request = http.putObject("request");
        ObjectNode response = http.putObject("response");
        if (method != null) request.put("method", method);
        String url = fullUrl != null ? fullUrl : assembledUrl(a, server);
        if (url != null) request.put("url", url);
        if (userAgent != null) request.put("user_agent", userAgent);
        if (forwardedIp != null) {
            request.put("client_ip", forwardedIp);
            request.put("x_forwarded_for", true);
        } else {
            String ip = server ? a.first("client.address", "net.peer.ip", "network.peer.address") : null;
            if (ip != null) request.put("client_ip", ip);
        }
        if (status != null) response.put("status", status);
        Long length = a.number("http.response_content_length", "http.response.body.size");
        if (length != null) response.put("content_length", length);
        a.take("http.method", "http.request.method", "http.status_code", "http.response.status_code", "http.user_agent",
                "user_agent.original", "http.client_ip", "http.url", "url.full", "http.scheme", "url.scheme", "http.host",
                "http.target", "url.path", "url.query", "http.server_name", "net.host.port", "net.host.name", "host.name",
                "net.peer.name", "net.peer.port", "net.peer.ip", "http.response_content_length", "http.response.body.size");
        if (request.isEmpty()) http.remove("request");
        if (response.isEmpty()) http.remove("response");
        return http;
    }

    /** scheme://host[:port]target, or null when nothing names a host or a target. */
    private static String assembledUrl(Attributes a, boolean server) {
        String host = server
                ? a.first("http.host", "server.address", "http.server_name", "net.host.name", "host.name")
                : a.first("http.host", "server.address", "net.peer.name", "net.peer.ip", "network.peer.address");
        String target = a.string("http.target");
        if (target == null && a.has("url.path")) {
            target = a.string("url.path") + (a.has("url.query") ? "?" + a.string("url.query") : "");
        }
        if (host == null && target == null) return null;
        String scheme = a.first("http.scheme", "url.scheme");
        if (scheme == null) scheme = "http";
        Long port = server ? a.number("net.host.port", "server.port") : a.number("net.peer.port", "server.port");
        StringBuilder url = new StringBuilder(scheme).append("://").append(host == null ? "" : host);
        boolean defaultPort = port == null || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        if (!defaultPort && host != null && !host.contains(":")) url.append(':').append(port);
        url.append(target == null ? "/" : target);
        return url.toString();
    }
}
