package io.xspy.source.serve;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks an AWS Signature Version 4 (the Authorization header the SDKs and the AWS CLI send) against
 * the access keys the operator gave, and refuses as AWS does: 403 MissingAuthenticationTokenException
 * without a signature, UnrecognizedClientException for a key it does not know, InvalidSignatureException
 * for a signature that does not match or a request more than 15 minutes off the clock.
 */
final class SigV4Verifier {

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    /** The parts of a request a signature covers. */
    record Request(String method, URI uri, Function<String, List<String>> headers, byte[] body) {}

    /** The fields of an Authorization header. */
    record Authorization(String keyId, String date, String region, String service, List<String> signedHeaders,
            String signature) {}

    private final Map<String, String> secrets;
    private final Clock clock;

    SigV4Verifier(Map<String, String> secrets, Clock clock) {
        this.secrets = Map.copyOf(secrets);
        this.clock = clock;
    }

    /**
     * What can be checked before the body is read: a signature is there, well formed, and made with a
     * key serve knows. Returns the parsed header for {@link #verify}.
     */
    Authorization authorize(Function<String, List<String>> headers, String service) {
        String header = first(headers, "Authorization");
        if (header == null || header.isBlank()) {
            throw new ApiError(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
        }
        Authorization auth = parse(header);
        if (!secrets.containsKey(auth.keyId())) {
            throw new ApiError(403, "UnrecognizedClientException", "The security token included in the request is invalid.");
        }
        if (!service.equals(auth.service())) {
            throw invalid("Credential should be scoped to correct service: '" + service + "'. ");
        }
        return auth;
    }

    /** Recomputes the signature over the request as received; throws unless it matches. */
    void verify(Authorization auth, Request request) {
        String amzDate = first(request.headers(), "X-Amz-Date");
        if (amzDate == null) throw invalid("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        Instant signedAt;
        try {
            signedAt = Instant.from(AMZ_DATE.parse(amzDate.strip()));
        } catch (DateTimeParseException e) {
            throw invalid("X-Amz-Date '" + RequestLimits.echo(amzDate) + "' is not of the form yyyyMMdd'T'HHmmss'Z'");
        }
        Instant now = clock.instant();
        if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
            throw invalid("Signature expired: " + AMZ_DATE.format(signedAt) + " is now earlier than "
                    + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " - 15 min.)");
        }
        if (!amzDate.strip().startsWith(auth.date())) {
            throw invalid("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP");
        }
        String scope = auth.date() + "/" + auth.region() + "/" + auth.service() + "/aws4_request";
        String stringToSign = ALGORITHM + "\n" + amzDate.strip() + "\n" + scope + "\n"
                + HEX.formatHex(sha256(utf8(canonicalRequest(auth, request))));
        byte[] key = hmac(utf8("AWS4" + secrets.get(auth.keyId())), auth.date());
        key = hmac(key, auth.region());
        key = hmac(key, auth.service());
        key = hmac(key, "aws4_request");
        byte[] expected = hmac(key, stringToSign);
        byte[] given;
        try {
            given = HEX.parseHex(auth.signature());
        } catch (IllegalArgumentException e) {
            given = new byte[0];
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw invalid("The request signature we calculated does not match the signature you provided. "
                    + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        }
    }

    /** Method, path, query, the signed headers, their names, and the hash of the body, one per line. */
    static String canonicalRequest(Authorization auth, Request request) {
        StringBuilder s = new StringBuilder();
        s.append(request.method()).append('\n');
        String path = request.uri().getRawPath();
        s.append(path == null || path.isEmpty() ? "/" : encode(path, false)).append('\n');
        s.append(canonicalQuery(request.uri().getRawQuery())).append('\n');
        for (String name : auth.signedHeaders()) {
            List<String> values = request.headers().apply(name);
            List<String> trimmed = new ArrayList<>();
            if (values != null) for (String v : values) trimmed.add(v.strip().replaceAll(" +", " "));
            s.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        }
        s.append('\n').append(String.join(";", auth.signedHeaders())).append('\n');
        String declared = first(request.headers(), "X-Amz-Content-Sha256");
        String actual = HEX.formatHex(sha256(request.body()));
        if (declared != null && !"UNSIGNED-PAYLOAD".equals(declared) && !declared.equalsIgnoreCase(actual)) {
            throw invalid("The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        s.append(declared != null ? declared : actual);
        return s.toString();
    }

    static Authorization parse(String header) {
        String h = header.strip();
        if (!h.startsWith(ALGORITHM + " ")) {
            throw new ApiError(403, "IncompleteSignatureException", "Only " + ALGORITHM + " signatures are accepted");
        }
        Map<String, String> fields = new TreeMap<>();
        for (String part : h.substring(ALGORITHM.length()).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) fields.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        String credential = fields.get("Credential");
        String signed = fields.get("SignedHeaders");
        String signature = fields.get("Signature");
        String[] scope = credential == null ? new String[0] : credential.split("/");
        if (scope.length != 5 || signed == null || signature == null || !"aws4_request".equals(scope[4])) {
            throw new ApiError(403, "IncompleteSignatureException", "Authorization header requires 'Credential' "
                    + "(KEY/DATE/REGION/SERVICE/aws4_request), 'SignedHeaders' and 'Signature' parameters");
        }
        List<String> names = new ArrayList<>();
        for (String n : signed.split(";")) names.add(n.strip().toLowerCase(Locale.ROOT));
        return new Authorization(scope[0], scope[1], scope[2], scope[3], names, signature);
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) return "";
        List<String[]> pairs = new ArrayList<>();
        for (String p : rawQuery.split("&")) {
            if (p.isEmpty()) continue;
            int eq = p.indexOf('=');
            String k = eq < 0 ? p : p.substring(0, eq);
            String v = eq < 0 ? "" : p.substring(eq + 1);
            pairs.add(new String[] {encode(decode(k), true), encode(decode(v), true)});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        List<String> joined = new ArrayList<>();
        for (String[] p : pairs) joined.add(p[0] + "=" + p[1]);
        return String.join("&", joined);
    }

    /** RFC 3986 encoding as SigV4 wants it: unreserved characters stay, '/' too in a path. */
    static String encode(String s, boolean slash) {
        StringBuilder out = new StringBuilder();
        for (byte b : utf8(s)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (c == '/' && !slash)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String first(Function<String, List<String>> headers, String name) {
        List<String> values = headers.apply(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static ApiError invalid(String message) {
        return new ApiError(403, "InvalidSignatureException", message);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(utf8(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
