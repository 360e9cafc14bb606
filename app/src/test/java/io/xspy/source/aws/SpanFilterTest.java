package io.xspy.source.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How an X-Ray filter expression becomes Logs Insights predicates, and what is left to xspy. */
class SpanFilterTest {

    @Test
    void aTopLevelAndIsSplitButNotInsideQuotesOrParentheses() {
        assertEquals(List.of("service(\"a AND b\") ", " fault"), SpanFilter.conjuncts("service(\"a AND b\") AND fault"));
        assertEquals(List.of("(fault AND error)"), SpanFilter.conjuncts("(fault AND error)"));
        assertEquals(List.of("fault ", " error"), SpanFilter.conjuncts("fault && error"));
        assertEquals(List.of("fault AND error OR throttle"), SpanFilter.conjuncts("fault AND error OR throttle"));
        assertEquals(List.of("annotation.ANDROID = 1"), SpanFilter.conjuncts("annotation.ANDROID = 1"));
    }

    @Test
    void translatedPartsAreSpanOrRootPredicates() {
        SpanFilter f = SpanFilter.of("service(id(name: \"orders\", type: \"AWS::Lambda::Function\")) AND annotation.tier = \"gold\""
                + " AND responsetime >= 1.5 AND http.status != 200 AND fault");
        assertTrue(f.exact());
        assertEquals(List.of(
                "attributes.aws.local.service = \"orders\" or resource.attributes.service.name = \"orders\""
                        + " or attributes.aws.remote.service = \"orders\"",
                "attributes.tier = \"gold\"",
                "(status.code = \"ERROR\" or status.code = \"STATUS_CODE_ERROR\") or attributes.http.response.status_code >= 500"), f.spanPredicates());
        assertEquals(List.of("durationNano >= 1500000000", "attributes.http.response.status_code != 200"), f.rootPredicates());
    }

    @Test
    void whatCannotBeCarriedIsNamedAsWritten() {
        SpanFilter f = SpanFilter.of("service(\"api\") AND duration > 2 AND !error");
        assertFalse(f.exact());
        assertEquals(List.of("duration > 2", "!error"), f.untranslated());
        assertEquals(1, f.spanPredicates().size());
        assertEquals(List.of("fault OR error"), SpanFilter.of("fault OR error").untranslated());
        assertTrue(SpanFilter.of(null).exact());
    }

    @Test
    void quotesInNamesAreEscapedForLogsInsights() {
        assertEquals("\"a\\\"b\"", SpanFilter.quote("a\"b"));
    }
}
