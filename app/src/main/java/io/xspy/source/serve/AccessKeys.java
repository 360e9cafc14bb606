package io.xspy.source.serve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The access keys serve accepts signatures from, as the operator writes them: {@code ID:SECRET}. */
public final class AccessKeys {
    /** The environment variable that holds keys, so secrets stay out of the process list. */
    public static final String ENV = "XSPY_ACCESS_KEYS";

    private AccessKeys() {}

    /**
     * Reads {@code ID:SECRET} pairs: each item of the list, and in the environment's value pairs
     * separated by commas or white space.
     */
    public static Map<String, String> parse(List<String> options, String environment) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String spec : options) add(keys, spec, "--access-key");
        if (environment != null) {
            for (String spec : environment.split("[,\\s]+")) {
                if (!spec.isEmpty()) add(keys, spec, ENV);
            }
        }
        return keys;
    }

    private static void add(Map<String, String> keys, String spec, String where) {
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new IllegalArgumentException(where + " expects ACCESS_KEY_ID:SECRET_ACCESS_KEY, like "
                    + "xspy-workshop:s3cret (the id and secret a client signs with)");
        }
        keys.put(spec.substring(0, colon), spec.substring(colon + 1));
    }
}
