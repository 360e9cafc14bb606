package io.xspy.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The aws object of a segment or subsegment. Named fields are the ones X-Ray documents and xspy
 * uses; {@link #raw} reads every field from the segment's JSON, including SDK, ECS, EC2 and Elastic
 * Beanstalk details.
 */
public record AwsInfo(
        String requestId,
        String operation,
        String region,
        String accountId,
        String tableName,
        String queueUrl,
        String functionArn,
        String functionName,
        String bucketName,
        String topicArn,
        List<String> resourceNames,
        String logGroup,
        String xraySdk,
        RawJson node) {

    public static final AwsInfo NONE =
            new AwsInfo(null, null, null, null, null, null, null, null, null, null, List.of(), null, null, null);

    /** The aws object as sent, read from the segment's JSON on each call; null when there is none. */
    public JsonNode raw() {
        if (node == null) return null;
        JsonNode aws = node.node().get("aws");
        return aws != null && aws.isObject() ? aws : null;
    }

    public boolean isEmpty() {
        JsonNode raw = raw();
        return raw == null || raw.isEmpty();
    }
}
