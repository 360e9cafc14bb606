package io.xspy.source.aws;

import io.xspy.source.SourceException;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK failures into one line a person can act on: which IAM action was refused and for whom,
 * what to run when the credentials expired, what to check when nothing answered. Uses only the
 * service's error code and message and the principal ARN, never a credential.
 */
final class AwsErrors {

    private static final Pattern PRINCIPAL = Pattern.compile("User: (\\S+) is not authorized");
    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "UnauthorizedException", "NotAuthorized");
    private static final Set<String> EXPIRED = Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired",
            "TokenRefreshRequired");
    private static final Set<String> REJECTED = Set.of("UnrecognizedClientException", "InvalidClientTokenId",
            "InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignature",
            "MissingAuthenticationToken", "MissingAuthenticationTokenException", "InvalidAccessKeyId");

    private final String profile;

    AwsErrors(String profile) {
        this.profile = profile;
    }

    /** The failure of calling {@code action} (an IAM action such as xray:GetTraceSummaries). */
    SourceException translate(String action, Throwable error) {
        return new SourceException(message(action, error), error);
    }

    String message(String action, Throwable error) {
        if (error instanceof ApiCallTimeoutException || error instanceof ApiCallAttemptTimeoutException) {
            return action + ": no answer in time (" + oneLine(error.getMessage())
                    + ") — check the network, --region and --endpoint-url";
        }
        if (error instanceof AwsServiceException e) return serviceMessage(action, e);
        if (error instanceof SdkClientException e) return clientMessage(action, e);
        if (error instanceof SdkException e) return action + " failed: " + describe(e);
        return action + " failed: " + error.getClass().getSimpleName() + ": " + oneLine(error.getMessage());
    }

    private String serviceMessage(String action, AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null || details.errorCode() == null ? "" : details.errorCode();
        String text = details == null || details.errorMessage() == null ? "" : oneLine(details.errorMessage());
        int status = e.statusCode();
        if (DENIED.contains(code) || (status == 403 && !REJECTED.contains(code) && !EXPIRED.contains(code))) {
            Matcher m = PRINCIPAL.matcher(text);
            String who = m.find() ? m.group(1) : "these credentials";
            return "AccessDenied: " + action + " is not allowed for " + who + " — use --profile with a role that may,"
                    + " or --demo";
        }
        if (EXPIRED.contains(code)) return expired(code);
        if (REJECTED.contains(code)) {
            return "AWS rejected the credentials (" + code + ") calling " + action
                    + " — check --profile / AWS_PROFILE and the keys, or use --demo";
        }
        if (e.isThrottlingException()) {
            return action + " is throttled (" + code + ") even after the SDK's adaptive retries — wait a moment,"
                    + " or narrow the time window";
        }
        if (status >= 500) {
            return action + " failed on AWS's side: HTTP " + status + (code.isEmpty() ? "" : " " + code)
                    + (text.isEmpty() ? "" : ": " + text) + " — try again";
        }
        return action + " failed: " + (code.isEmpty() ? "HTTP " + status : code) + (text.isEmpty() ? "" : ": " + text);
    }

    private String clientMessage(String action, SdkClientException e) {
        String text = oneLine(e.getMessage());
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("unable to load credentials")) {
            return "no AWS credentials found (environment, ~/.aws config and credentials, SSO, container or"
                    + " instance role) — pass --profile NAME, or use --demo";
        }
        if (lower.contains("unable to load region")) {
            return "no AWS region configured — pass --region (or set AWS_REGION, or region in your profile),"
                    + " or use --demo";
        }
        if (lower.contains("expired") || lower.contains("token has expired")) return expired("expired token");
        if (lower.contains("profile file contained no credentials") || lower.contains("profile")
                && lower.contains("not found")) {
            return "AWS profile problem: " + text + " — check --profile, or use --demo";
        }
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof IOException io) {
                return action + ": cannot reach AWS (" + io.getClass().getSimpleName() + ": "
                        + oneLine(io.getMessage()) + ") — check the network, --region and --endpoint-url";
            }
        }
        return action + " failed: " + describe(e);
    }

    private static String describe(Throwable e) {
        String text = oneLine(e.getMessage());
        return text.isEmpty() ? e.getClass().getSimpleName() : text;
    }

    private String expired(String what) {
        String login = profile == null ? "aws sso login" : "aws sso login --profile " + profile;
        return "AWS credentials have expired (" + what + ") — refresh them (for SSO: " + login + "), or use --demo";
    }

    static String oneLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return (nl >= 0 ? s.substring(0, nl) : s).strip();
    }
}
