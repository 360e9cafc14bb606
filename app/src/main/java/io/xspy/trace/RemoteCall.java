package io.xspy.trace;

/**
 * A call a node made to another service: for example {@code DynamoDB items PutItem}, or an HTTP
 * request to a remote API. {@code resource} may be null (the Go SDK does not name the table).
 */
public record RemoteCall(String service, String resource, String operation, boolean aws) {

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(service);
        if (resource != null && !resource.isEmpty()) s.append(' ').append(resource);
        if (operation != null && !operation.isEmpty()) s.append(' ').append(operation);
        return s.toString();
    }
}
