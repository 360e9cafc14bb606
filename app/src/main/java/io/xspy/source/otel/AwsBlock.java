package io.xspy.source.otel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code aws} block, the origin and the {@code service} block, as the exporter's makeAws,
 * determineAwsOrigin and makeService build them: the call ({@code aws.operation} or {@code rpc.method},
 * {@code aws.region}, {@code aws.request_id}, {@code aws.queue_url}, the DynamoDB table from
 * {@code aws.table_name} or {@code aws.dynamodb.table_names}) and, on a segment, where it ran (account,
 * EC2, ECS, EKS, Beanstalk, log groups, the SDK) from the resource's {@code cloud.*}, {@code host.*},
 * {@code k8s.*}, {@code aws.ecs.*}, {@code aws.log.group.*} and {@code telemetry.sdk.*}.
 */
final class AwsBlock {

    static final String LAMBDA_ORIGIN = "AWS::Lambda::Function";
    /**
     * xspy's own resource attribute: the X-Ray origin of a segment exported as a span, so that the
     * origins no OpenTelemetry platform names (AWS::Lambda, the Lambda service's own segment) come back.
     */
    static final String ORIGIN_ATTRIBUTE = "aws.xray.origin";

    private AwsBlock() {}

    /** X-Ray's origin for an AWS resource, or null (not AWS, or a platform X-Ray has no name for). */
    static String origin(Attributes res) {
        if (res.string(ORIGIN_ATTRIBUTE) != null) return res.string(ORIGIN_ATTRIBUTE);
        String provider = res.string("cloud.provider");
        if (provider != null && !provider.equals("aws")) return null;
        String platform = res.string("cloud.platform");
        if (platform == null) return null;
        return switch (platform) {
            case "aws_app_runner" -> "AWS::AppRunner::Service";
            case "aws_eks" -> "AWS::EKS::Container";
            case "aws_elastic_beanstalk" -> "AWS::ElasticBeanstalk::Environment";
            case "aws_ec2" -> "AWS::EC2::Instance";
            case "aws_ecs" -> switch (String.valueOf(res.string("aws.ecs.launchtype")).toLowerCase(java.util.Locale.ROOT)) {
                case "ec2" -> "AWS::ECS::EC2";
                case "fargate" -> "AWS::ECS::Fargate";
                default -> "AWS::ECS::Container";
            };
            case "aws_lambda" -> LAMBDA_ORIGIN; // not in the exporter: xspy's Lambda views key on it
            default -> null;
        };
    }

    /** {@code {"version": …}} from service.version (or the container image's tag), or null. */
    static ObjectNode service(Attributes res) {
        String version = res.first("service.version", "container.image.tag");
        if (version == null) return null;
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("version", version);
        return s;
    }

    /**
     * The service an AWS SDK span called: {@code rpc.service}, or the part of {@code rpc.method} before
     * its slash, as newer semantic conventions write it ({@code DynamoDB/PutItem}, OTel Go's otelaws).
     */
    static String sdkService(Attributes a) {
        String service = a.string("rpc.service");
        if (service != null) return service;
        String method = a.string("rpc.method");
        int slash = method == null ? -1 : method.indexOf('/');
        return slash > 0 ? method.substring(0, slash) : null;
    }

    static ObjectNode make(Attributes a, Attributes res, boolean segment) {
        ObjectNode aws = JsonNodeFactory.instance.objectNode();
        String provider = res.string("cloud.provider");
        String operation = a.first("aws.operation", "rpc.method");
        if (operation != null && operation.indexOf('/') > 0 && "aws-api".equals(a.first("rpc.system", "rpc.system.name"))) {
            operation = operation.substring(operation.indexOf('/') + 1); // DynamoDB/PutItem → PutItem
        }
        if (operation != null) aws.put("operation", operation);
        String account = a.first("aws.account_id", "cloud.account.id");
        if (account == null && segment) account = res.string("cloud.account.id");
        if (account != null) aws.put("account_id", account);
        // Node's and Python's AWS SDK instrumentations give the region only as cloud.region on the span
        putIf(aws, "region", a.first("aws.region", "cloud.region"));
        putIf(aws, "request_id", a.first("aws.request_id", "aws.requestId", "aws.request.id"));
        putIf(aws, "queue_url", a.first("messaging.url", "aws.queue_url", "aws.queue.url"));
        String table = a.first("aws.table_name", "aws.table.name");
        List<String> tables = a.strings("aws.dynamodb.table_names");
        List<String> manyTables = new ArrayList<>();
        if (tables.size() == 1) table = tables.get(0);
        else if (tables.size() > 1) {
            table = null;
            manyTables.addAll(tables);
        }
        putIf(aws, "table_name", table);
        if (!manyTables.isEmpty()) {
            ArrayNode names = aws.putArray("table_names");
            manyTables.forEach(names::add);
        }
        a.take("aws.operation", "rpc.method", "aws.account_id", "aws.region", "cloud.region", "aws.request_id",
                "aws.requestId", "aws.request.id",
                "aws.queue_url", "aws.queue.url", "aws.table_name", "aws.table.name");
        if (provider != null && !provider.equals("aws")) return aws.isEmpty() ? null : aws;
        if (segment) where(aws, res);
        return aws;
    }

    /** Where a segment ran, from its resource. */
    private static void where(ObjectNode aws, Attributes res) {
        String platform = res.string("cloud.platform");
        String hostId = res.string("host.id");
        if ("aws_ec2".equals(platform) || hostId != null) {
            ObjectNode ec2 = aws.putObject("ec2");
            putIf(ec2, "instance_id", hostId);
            putIf(ec2, "availability_zone", res.string("cloud.availability_zone"));
            putIf(ec2, "instance_size", res.string("host.type"));
            putIf(ec2, "ami_id", res.string("host.image.id"));
        }
        if ("aws_ecs".equals(platform)) {
            ObjectNode ecs = aws.putObject("ecs");
            putIf(ecs, "container", res.string("container.name"));
            putIf(ecs, "container_id", res.string("container.id"));
            putIf(ecs, "availability_zone", res.string("cloud.availability_zone"));
            putIf(ecs, "container_arn", res.string("aws.ecs.container.arn"));
            putIf(ecs, "cluster_arn", res.string("aws.ecs.cluster.arn"));
            putIf(ecs, "task_arn", res.string("aws.ecs.task.arn"));
            putIf(ecs, "task_family", res.string("aws.ecs.task.family"));
            putIf(ecs, "launch_type", res.string("aws.ecs.launchtype"));
        }
        if ("aws_elastic_beanstalk".equals(platform) && res.has("service.instance.id")) {
            ObjectNode eb = aws.putObject("elastic_beanstalk");
            putIf(eb, "environment_name", res.string("service.namespace"));
            Long deployment = res.number("service.instance.id");
            eb.put("deployment_id", deployment == null ? 0 : deployment);
            putIf(eb, "version_label", res.string("service.version"));
        }
        String cluster = res.string("k8s.cluster.name");
        if ("aws_eks".equals(platform) || cluster != null) {
            ObjectNode eks = aws.putObject("eks");
            putIf(eks, "cluster_name", cluster);
            putIf(eks, "pod", res.string("k8s.pod.name"));
            putIf(eks, "container_id", res.string("container.id"));
        }
        List<String> arns = split(res.strings("aws.log.group.arns"));
        List<String> groups = split(res.strings("aws.log.group.names"));
        if (groups.isEmpty() && arns.isEmpty() && "aws_lambda".equals(platform) && res.has("faas.name")) {
            groups.add("/aws/lambda/" + res.string("faas.name")); // Lambda's own group, as its runtime logs there
        }
        if (!arns.isEmpty() || !groups.isEmpty()) {
            ArrayNode logs = aws.putArray("cloudwatch_logs");
            if (!arns.isEmpty()) {
                for (String arn : arns) {
                    String[] parts = arn.split(":");
                    logs.addObject().put("log_group", parts.length >= 7 ? parts[6] : arn).put("arn", arn);
                }
            } else {
                for (String g : groups) logs.addObject().put("log_group", g);
            }
        }
        if ("aws_lambda".equals(platform) && res.has("faas.name")) {
            aws.put("function_name", res.string("faas.name"));
            putIf(aws, "function_arn", res.first("cloud.resource_id", "faas.id"));
        }
        String sdkName = res.string("telemetry.sdk.name");
        String language = res.string("telemetry.sdk.language");
        if (sdkName != null) {
            ObjectNode xray = aws.putObject("xray");
            xray.put("sdk", language != null ? sdkName + " for " + language : sdkName);
            putIf(xray, "sdk_version", res.string("telemetry.sdk.version"));
            xray.put("auto_instrumentation", res.has("telemetry.auto.version"));
        }
    }

    /** Log groups given as one string joined by '&' (OTEL_RESOURCE_ATTRIBUTES can hold no array). */
    private static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) for (String part : v.split("&")) if (!part.isEmpty()) out.add(part);
        return out;
    }

    private static void putIf(ObjectNode o, String field, String value) {
        if (value != null) o.put(field, value);
    }
}
