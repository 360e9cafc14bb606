package io.xspy.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.trace.RootCauseJson;
import io.xspy.trace.RootCauses;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code rootcause.json = #[ pattern, ... ]}: each pattern is a root cause in the JSON of GetTraceSummaries
 * (Services, Name, EntityPath, Exceptions, ...) with only the members that matter. X-Ray documents the
 * keyword by example only; xspy reads it so: a pattern matches a root cause (of any kind) when every member
 * it gives matches, where lists match element by element and must have the same length, and values are
 * equal (numbers by value). The trace matches when every pattern matches one of its root causes.
 */
final class RootCausePattern {

    private RootCausePattern() {}

    private static final TraceCache<List<ObjectNode>> CACHE =
            new TraceCache<>(trace -> RootCauseJson.each(RootCauses.of(trace)));

    static Condition condition(List<JsonNode> patterns) {
        return new Condition() {
            public boolean test(Trace trace, Segment node) {
                List<ObjectNode> causes = CACHE.of(trace);
                for (JsonNode pattern : patterns) {
                    if (causes.stream().noneMatch(c -> matches(pattern, c))) return false;
                }
                return true;
            }

            public int cost() {
                return WALK;
            }
        };
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
