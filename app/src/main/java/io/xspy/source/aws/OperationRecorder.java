package io.xspy.source.aws;

import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records the IAM action of every API operation a client performs ("xray:GetTraceSummaries"), so a
 * test can hold the least-privilege policy in docs/iam-policy.json to what the source really calls.
 */
public final class OperationRecorder implements ExecutionInterceptor {

    private final Set<String> actions = Collections.synchronizedSet(new TreeSet<>());

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        actions.add(iamPrefix(service) + ":" + operation);
    }

    /** The IAM service prefix of an SDK service name: XRay → xray, CloudWatchLogs → logs. */
    static String iamPrefix(String sdkServiceName) {
        return switch (sdkServiceName) {
            case "CloudWatchLogs" -> "logs";
            case "XRay" -> "xray";
            default -> sdkServiceName.toLowerCase(Locale.ROOT);
        };
    }

    public Set<String> actions() {
        synchronized (actions) {
            return Set.copyOf(actions);
        }
    }
}
