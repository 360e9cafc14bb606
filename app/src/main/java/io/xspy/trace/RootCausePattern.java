package io.xspy.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A pattern of root causes, as the filter {@code rootcause.json = #[ ... ]} gives it: a JSON list of root
 * causes (or one) in the JSON of GetTraceSummaries (Services, Name, EntityPath, Exceptions, ...) with only
 * the members that matter. X-Ray documents the keyword by example only; xspy reads it so: a pattern matches
 * a root cause (of any kind) when every member it gives matches, where lists match element by element and
 * must have the same length, and values are equal (numbers by value). A trace matches when every pattern
 * matches one of its root causes.
 */
public final class RootCausePattern {

    /** A pattern that cannot be read; {@code offset} is the character of the problem in the JSON, or -1 for all of it. */
    public static final class Invalid extends IllegalArgumentException {
        private final int offset;

        Invalid(String message, int offset) {
            super(message);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    private final List<JsonNode> patterns;

    private RootCausePattern(List<JsonNode> patterns) {
        this.patterns = patterns;
    }

    public static RootCausePattern parse(String json) {
        JsonNode value;
        try {
            value = Json.read(json);
        } catch (JsonProcessingException e) {
            long at = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getCharOffset());
            throw new Invalid("not valid JSON: " + e.getOriginalMessage().replaceAll("\\s*\\(code \\d+\\)", ""),
                    (int) Math.min(at, Math.max(0, json.length() - 1)));
        }
        List<JsonNode> patterns = new ArrayList<>();
        if (value.isArray()) value.forEach(patterns::add);
        else patterns.add(value);
        for (JsonNode p : patterns) {
            if (!p.isObject()) {
                throw new Invalid("rootcause.json holds root causes: JSON objects such as"
                        + " { \"Services\": [ { \"Name\": \"...\" } ] }, or a list of them", -1);
            }
        }
        return new RootCausePattern(List.copyOf(patterns));
    }

    /** Whether every pattern matches one of the root causes. */
    public boolean matches(RootCauseJson.Documents causes) {
        for (JsonNode pattern : patterns) {
            boolean found = false;
            for (JsonNode cause : causes.each()) {
                if (matches(pattern, cause)) {
                    found = true;
                    break;
                }
            }
            if (!found) return false;
        }
        return true;
    }

    static boolean matches(JsonNode pattern, JsonNode value) {
        if (value == null) return false;
        if (pattern.isObject()) {
            if (!value.isObject()) return false;
            for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                if (!matches(member.getValue(), value.get(member.getKey()))) return false;
            }
            return true;
        }
        if (pattern.isArray()) {
            if (!value.isArray() || value.size() != pattern.size()) return false;
            for (int i = 0; i < pattern.size(); i++) if (!matches(pattern.get(i), value.get(i))) return false;
            return true;
        }
        if (pattern.isNumber()) return value.isNumber() && value.decimalValue().compareTo(pattern.decimalValue()) == 0;
        return pattern.equals(value);
    }
}
