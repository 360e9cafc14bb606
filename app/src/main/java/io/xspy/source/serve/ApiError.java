package io.xspy.source.serve;

/** A request the API refuses: HTTP status, the error type the SDKs read, and a message. */
final class ApiError extends RuntimeException {
    final int status;
    final String type;

    ApiError(int status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }
}
