package io.xspy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.query.Filter;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreakdownTest {

    @Test
    void whereTheGoFunctionsTimeGoesColdAndWarm() {
        List<Breakdown> all = Breakdown.of(DemoTraces.all(), Filter.ALL, fn -> fn.equals("xraystarter-go"));
        assertEquals(1, all.size());
        Breakdown go = all.get(0);
        assertEquals(List.of("dwell", "init", "own code", "DynamoDB PutItem", "overhead"), go.parts());
        Breakdown.Side cold = go.cold();
        Breakdown.Side warm = go.warm();
        assertTrue(cold.invocations() >= 1 && warm.invocations() > 50);
        int init = go.parts().indexOf("init");
        int db = go.parts().indexOf("DynamoDB PutItem");
        assertTrue(cold.mean()[init] >= 0.060 && cold.mean()[init] <= 0.095, "Go init 60..95 ms: " + cold.mean()[init]);
        assertEquals(0, warm.mean()[init]);
        assertEquals(0.081, cold.mean()[db], 0.006);
        assertTrue(warm.mean()[db] > 0.004 && warm.mean()[db] < 0.032);
        // the parts add up to the invocation as Lambda's segments measure it, and the tail is slower
        assertEquals(warm.total().mean(), warm.meanTotal(), 1e-6);
        assertTrue(warm.tailTotal() >= warm.total().percentile(95) - 1e-3, warm.tailTotal() + " vs p95 "
                + warm.total().percentile(95));
        assertEquals(1.0, warm.attempts());
    }
}
