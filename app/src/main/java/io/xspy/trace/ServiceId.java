package io.xspy.trace;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A node of the service graph, as X-Ray names it: a segment stands for its service (name and
 * origin), an aws or remote subsegment for the downstream service it called (for example the table
 * {@code items} of type {@code AWS::DynamoDB::Table}, or {@code DynamoDB} when the SDK did not name
 * the table, as the Go SDK does not).
 */
public record ServiceId(String name, List<String> names, String accountId, String type) {

    public ServiceId {
        names = names == null ? List.of(name) : List.copyOf(names);
    }

    public static ServiceId of(String name, String type) {
        return new ServiceId(name, List.of(name), null, type);
    }

    /** The service the node stands for or calls; null for a subsegment that calls nothing. One instance per service. */
    public static ServiceId of(Segment s) {
        ServiceId id = build(s);
        return id == null ? null : Canonical.of(id);
    }

    private static ServiceId build(Segment s) {
        if (s.kind() != Kind.SUBSEGMENT) {
            String type = s.origin();
            if (type == null && s.kind() == Kind.INFERRED) type = "remote";
            return new ServiceId(s.name(), List.of(s.name()), s.aws().accountId(), type == null ? "client" : type);
        }
        if ("aws".equals(s.namespace())) {
            RemoteCall call = s.remoteCall();
            String type = awsType(s.name());
            String resource = call.resource();
            if (resource != null && (type.endsWith("::Table") || type.endsWith("::Bucket"))) {
                return new ServiceId(resource, List.of(resource), s.aws().accountId(), type);
            }
            if (resource != null && type.equals("AWS::SQS::Queue")) {
                return new ServiceId(lastPart(resource, '/'), List.of(resource), s.aws().accountId(), type);
            }
            if (resource != null && type.equals("AWS::SNS::Topic")) {
                return new ServiceId(lastPart(resource, ':'), List.of(resource), s.aws().accountId(), type);
            }
            return new ServiceId(s.name(), List.of(s.name()), s.aws().accountId(), type);
        }
        if ("remote".equals(s.namespace())) {
            return new ServiceId(host(s.http().url(), s.name()), List.of(s.name()), null, "remote");
        }
        return null;
    }

    /** The X-Ray node type of an AWS service called by name, as the service map shows it. */
    public static String awsType(String service) {
        return switch (service.toLowerCase(Locale.ROOT)) {
            case "dynamodb" -> "AWS::DynamoDB::Table";
            case "s3" -> "AWS::S3::Bucket";
            case "sns" -> "AWS::SNS::Topic";
            case "sqs" -> "AWS::SQS::Queue";
            case "lambda" -> "AWS::Lambda";
            case "stepfunctions", "sfn" -> "AWS::StepFunctions::StateMachine";
            default -> "AWS::" + service;
        };
    }

    private static String lastPart(String s, char sep) {
        int i = s.lastIndexOf(sep);
        return i >= 0 && i < s.length() - 1 ? s.substring(i + 1) : s;
    }

    private static String host(String url, String fallback) {
        if (url == null) return fallback;
        try {
            String host = URI.create(url).getHost();
            return host == null ? fallback : host;
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /** The key X-Ray matches nodes by. */
    public String key() {
        return name + "\u0000" + type;
    }

    // equals and hashCode written out, as HttpInfo's: a record's own are bootstrapped at run time
    // (java.lang.runtime.ObjectMethods, ~20 method-handle classes the class-data-sharing archive cannot hold) the
    // first time a service's identity is shared, which `xspy --listen` and the service map do before their first frame
    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceId other && Objects.equals(name, other.name) && names.equals(other.names)
                && Objects.equals(accountId, other.accountId) && Objects.equals(type, other.type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, names, accountId, type);
    }
}
