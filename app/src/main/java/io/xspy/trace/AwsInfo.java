package io.xspy.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The aws object of a segment or subsegment. Named fields are the ones X-Ray documents and xspy
 * uses; {@code raw} keeps every field, including SDK, ECS, EC2 and Elastic Beanstalk details.
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
        JsonNode raw) {

    public static final AwsInfo NONE =
            new AwsInfo(null, null, null, null, null, null, null, null, null, null, List.of(), null, null, null);

    public boolean isEmpty() {
        return raw == null || raw.isEmpty();
    }
}
