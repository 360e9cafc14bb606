package io.xspy.source.aws;

/**
 * Where the AWS source reads, as the AWS CLI takes it: {@code --profile}, {@code --region},
 * {@code --endpoint-url} (for both X-Ray and CloudWatch Logs). A null field means "the SDK's default
 * chain decides": AWS_PROFILE, AWS_REGION, the shared config files, SSO, container and instance
 * roles, and AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_XRAY / AWS_ENDPOINT_URL_CLOUDWATCH_LOGS, which the
 * SDK reads itself. {@code traceList}: where traces are listed from under Transaction Search.
 */
public record AwsOptions(String profile, String region, String endpointUrl, TraceList traceList) {

    public AwsOptions {
        traceList = traceList == null ? TraceList.AUTO : traceList;
        profile = blankToNull(profile);
        region = blankToNull(region);
        endpointUrl = blankToNull(endpointUrl);
    }

    public AwsOptions(String profile, String region, String endpointUrl) {
        this(profile, region, endpointUrl, TraceList.AUTO);
    }

    public static AwsOptions defaults() {
        return new AwsOptions(null, null, null);
    }

    public AwsOptions withTraceList(TraceList list) {
        return new AwsOptions(profile, region, endpointUrl, list);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
