package io.xspy.trace;

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
}
