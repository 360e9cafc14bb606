package io.xspy.source.otel;

import com.google.protobuf.ByteString;
import java.util.HexFormat;

/**
 * Trace and span ids between their three spellings: OTLP's bytes, W3C/OTLP-JSON lowercase hex, and
 * X-Ray's {@code 1-xxxxxxxx-yyyyyyyyyyyyyyyyyyyyyyyy}. The X-Ray form is the W3C id cut after its first
 * eight hex digits, as the Collector's X-Ray exporter writes it, so nothing is lost either way.
 */
public final class OtelIds {

    private static final HexFormat HEX = HexFormat.of();

    private OtelIds() {}

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    /** Lowercase hex, straight from the bytes (on the ingest path: no array copy). */
    public static String hex(ByteString id) {
        char[] out = new char[id.size() * 2];
        for (int i = 0; i < id.size(); i++) {
            int b = id.byteAt(i) & 0xff;
            out[2 * i] = DIGITS[b >>> 4];
            out[2 * i + 1] = DIGITS[b & 0xf];
        }
        return new String(out);
    }

    /** The bytes of a hex id, or null when it is not even-length hex. */
    public static ByteString bytes(String hex) {
        if (hex == null || (hex.length() & 1) != 0) return null;
        try {
            return ByteString.copyFrom(HEX.parseHex(hex));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code 0123456789abcdef0123456789abcdef} → {@code 1-01234567-89abcdef0123456789abcdef}. */
    public static String xrayTraceId(ByteString traceId) {
        return xrayTraceId(hex(traceId));
    }

    /** The X-Ray form of a W3C trace id given in hex. */
    public static String xrayTraceId(String hex) {
        return "1-" + hex.substring(0, 8) + "-" + hex.substring(8);
    }

    /** The W3C (32 hex) form of an X-Ray trace id, or null when it is in neither form. */
    public static String w3cTraceId(String xrayId) {
        if (xrayId == null) return null;
        String hex = xrayId.length() == 35 && xrayId.startsWith("1-") && xrayId.charAt(10) == '-'
                ? xrayId.substring(2, 10) + xrayId.substring(11) : xrayId;
        return isHex(hex, 32) ? hex.toLowerCase(java.util.Locale.ROOT) : null;
    }

    /** Whether {@code s} is exactly {@code length} hex digits. */
    public static boolean isHex(String s, int length) {
        if (s == null || s.length() != length) return false;
        for (int i = 0; i < length; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) return false;
        }
        return true;
    }

    /** Whether an id is all zero bytes (or empty): OTLP's "no id". */
    public static boolean absent(ByteString id) {
        for (int i = 0; i < id.size(); i++) if (id.byteAt(i) != 0) return false;
        return true;
    }
}
