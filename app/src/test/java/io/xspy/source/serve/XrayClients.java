package io.xspy.source.serve;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.xray.XRayClient;

/** The real SDK v2 X-Ray client, pointed at a local endpoint, as the tests of serve use it. */
public final class XrayClients {
    private XrayClients() {}

    /** Signed with a throwaway key, which serve on loopback accepts. */
    public static XRayClient at(String endpoint) {
        return at(endpoint, "AKIDEXAMPLE", "any");
    }

    /** Signed with the given key (the verifier reads the region from the request's scope). */
    public static XRayClient at(String endpoint, String keyId, String secret) {
        return XRayClient.builder().region(Region.US_EAST_1).endpointOverride(URI.create(endpoint))
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .build();
    }
}
