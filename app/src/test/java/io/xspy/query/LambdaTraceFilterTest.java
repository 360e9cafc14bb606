package io.xspy.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.trace.LambdaInvocation;
import io.xspy.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The queries of the blog post, on traces shaped like the demo stack's. */
class LambdaTraceFilterTest {

    private final Trace ts = Fixtures.lambda("xraystarter-ts", 1, 0.05, false);
    private final Trace py = Fixtures.lambda("xraystarter-py", 2, 0.3, false);
    private final Trace goFault = Fixtures.lambda("xraystarter-go", 3, 0.02, true);
    private final List<Trace> all = List.of(ts, py, goFault);

    private List<Trace> matching(String expression) {
        Filter f = FilterParser.parse(expression);
        return all.stream().filter(f::matches).toList();
    }

    @Test
    void fixture_is_shaped_like_the_demo() {
        List<LambdaInvocation> invocations = LambdaInvocation.of(ts);
        assertEquals(1, invocations.size());
        LambdaInvocation inv = invocations.get(0);
        assertTrue(inv.coldStart());
        assertEquals(1, inv.attempts());
        assertEquals("xraystarter-ts", inv.functionName());
        assertEquals(0.05, inv.invocationDuration(), 1e-6);
    }

    @Test
    void blog_post_queries_pick_one_runtime_each() {
        assertEquals(List.of(ts), matching("service(id(name: \"xraystarter-ts\", type: \"AWS::Lambda\"))"));
        assertEquals(List.of(py), matching("service(id(name: \"xraystarter-py\", type: \"AWS::Lambda\"))"));
        assertEquals(List.of(goFault), matching("service(id(name: \"xraystarter-go\", type: \"AWS::Lambda\"))"));
    }

    @Test
    void service_name_alone_matches_both_lambda_nodes() {
        assertEquals(List.of(ts), matching("service(\"xraystarter-ts\") { root }"));
        assertEquals(List.of(ts), matching("service(id(name: \"xraystarter-ts\", type: \"AWS::Lambda\")) { root }"));
        assertEquals(List.of(), matching("service(id(name: \"xraystarter-ts\", type: \"AWS::Lambda::Function\")) { root }"));
    }

    @Test
    void function_fault_is_seen_on_the_function_node_from_its_invocation_subsegment() {
        assertEquals(List.of(goFault), matching("service(id(name: \"xraystarter-go\", type: \"AWS::Lambda::Function\")) { fault }"));
        assertEquals(List.of(goFault), matching("service(id(type: \"AWS::Lambda\")) { http.status = 500 }"));
        assertEquals(List.of(ts, py), matching("service(id(type: \"AWS::Lambda::Function\")) { ok }"));
        // the failing function's write to DynamoDB still succeeded: the table node stays ok
        assertEquals(List.of(ts, py, goFault), matching("service(\"items\") { ok }"));
        assertEquals(List.of(goFault), matching("service(\"items\") AND fault"));
    }

    @Test
    void edges_of_the_demo_map() {
        String lambdaToFunction = "edge(id(name: \"xraystarter-py\", type: \"AWS::Lambda\"), "
                + "id(name: \"xraystarter-py\", type: \"AWS::Lambda::Function\"))";
        assertEquals(List.of(py), matching(lambdaToFunction));
        // the DynamoDB call is nested in Invocation > handler, but its caller is the function segment
        assertEquals(List.of(ts, py, goFault), matching(
                "edge(id(type: \"AWS::Lambda::Function\"), id(name: \"items\", type: \"AWS::DynamoDB::Table\"))"));
        assertEquals(List.of(py), matching("edge(\"xraystarter-py\", \"items\") { responsetime > 0.1 }"));
        assertEquals(List.of(), matching("edge(id(type: \"AWS::Lambda\"), \"items\")"));
    }

    @Test
    void runtime_and_response_time_together() {
        assertEquals(List.of(py), matching("service(id(name: \"xraystarter-py\", type: \"AWS::Lambda\")) AND responsetime > 0.1"));
        assertEquals(List.of(ts), matching("annotation.runtime = \"ts\" AND annotation.key = \"test-1\""));
        assertFalse(FilterParser.parse("annotation.key = \"test-1\"").matches(py));
    }
}
