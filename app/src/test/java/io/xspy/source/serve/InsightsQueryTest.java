package io.xspy.source.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Logs Insights subset serve runs: what it answers, and the words for what it refuses. */
class InsightsQueryTest {

    static Map<String, Object> span(String trace, String parent, long start, Integer status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("traceId", trace);
        if (parent != null) m.put("parentSpanId", parent);
        m.put("startTimeUnixNano", start);
        if (status != null) m.put("attributes.http.response.status_code", status);
        return m;
    }

    final List<Map<String, Object>> spans = List.of(span("t1", "", 10L, 200), span("t1", "a", 12L, 502),
            span("t2", null, 20L, null), span("t3", "", 5L, 404));

    static List<String> column(List<Map<String, Object>> rows, String field) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(String.valueOf(r.get(field))));
        return out;
    }

    @Test
    void filterSortLimitAndFields() {
        var rows = InsightsQuery.parse("fields traceId as id | filter parentSpanId = \"\" or not ispresent(parentSpanId)"
                + " | sort startTimeUnixNano desc | limit 2").run(spans);
        assertEquals(List.of("t2", "t1"), column(rows, "id"));
        rows = InsightsQuery.parse("fields traceId | filter traceId in [\"t1\", \"t3\"] and attributes.http.response.status_code >= 400"
                + " | sort startTimeUnixNano asc").run(spans);
        assertEquals(List.of("t3", "t1"), column(rows, "traceId"));
    }

    @Test
    void statsCountMinMaxByOneField() {
        var rows = InsightsQuery.parse("stats count(*) as n, min(startTimeUnixNano) as first, max(startTimeUnixNano) as last"
                + " by traceId | sort first").run(spans);
        assertEquals(List.of("t3", "t1", "t2"), column(rows, "traceId"));
        assertEquals(List.of("1", "2", "1"), column(rows, "n"));
        assertEquals("12", String.valueOf(rows.get(1).get("last")));
    }

    @Test
    void unsupportedPartsAreRefusedInWords() {
        for (String[] q : new String[][] {
                {"fields @message | parse @message \"*\" as x", "does not support the command \"parse\""},
                {"filter @message like /x/", "like"},
                {"stats avg(durationNano) by traceId", "count, min and max"},
                {"stats count(*)", "needs \"by FIELD\""},
                {"fields strlen(name)", "function strlen()"},
                {"filter name = \"x", "unterminated"},
                {"limit 0", "limit must be 1..10000"}}) {
            var e = assertThrows(InsightsQuery.Malformed.class, () -> InsightsQuery.parse(q[0]).run(spans), q[0]);
            assertTrue(e.getMessage().contains(q[1]), q[0] + " → " + e.getMessage());
        }
    }
}
