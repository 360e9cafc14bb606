package io.xspy.trace;

import java.util.Objects;

/** The http object of a segment: the request it served or made, and the response. */
public record HttpInfo(
        String method,
        String url,
        String userAgent,
        String clientIp,
        Boolean xForwardedFor,
        Boolean traced,
        Integer status,
        Long contentLength) {

    public static final HttpInfo NONE = new HttpInfo(null, null, null, null, null, null, null, null);

    public boolean isEmpty() {
        return equals(NONE);
    }

    // equals and hashCode written out: a record's own are bootstrapped at run time (java.lang.runtime.ObjectMethods,
    // ~15 ms of method-handle spinning the class-data-sharing archive cannot hold) the first time the parser shares one
    @Override
    public boolean equals(Object o) {
        return o instanceof HttpInfo h && Objects.equals(method, h.method) && Objects.equals(url, h.url)
                && Objects.equals(userAgent, h.userAgent) && Objects.equals(clientIp, h.clientIp)
                && Objects.equals(xForwardedFor, h.xForwardedFor) && Objects.equals(traced, h.traced)
                && Objects.equals(status, h.status) && Objects.equals(contentLength, h.contentLength);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, url, userAgent, clientIp, xForwardedFor, traced, status, contentLength);
    }
}
