package io.xspy.source.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.source.serve.FaultPlan.Action;
import io.xspy.source.serve.FaultPlan.Outcome;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void countedFaultsAreUsedUpThenRequestsSucceed() {
        FaultPlan plan = FaultPlan.parse("*:latency=50, BatchGetTraces:throttle=2, BatchGetTraces:error=1");
        assertEquals(new Action(50, Outcome.THROTTLE), plan.next("BatchGetTraces"));
        assertEquals(new Action(50, Outcome.THROTTLE), plan.next("BatchGetTraces"));
        assertEquals(new Action(50, Outcome.SERVER_ERROR), plan.next("BatchGetTraces"));
        assertEquals(new Action(50, Outcome.SERVE), plan.next("BatchGetTraces"));
        assertEquals(new Action(50, Outcome.SERVE), plan.next("GetServiceGraph"));
    }

    @Test
    void denyAndHangApplyToEveryRequest() {
        FaultPlan plan = FaultPlan.parse("GetLogEvents:deny,GetTraceSummaries:hang=30000");
        assertEquals(Outcome.DENY, plan.next("GetLogEvents").outcome());
        assertEquals(Outcome.DENY, plan.next("GetLogEvents").outcome());
        assertEquals(new Action(30000, Outcome.SERVE), plan.next("GetTraceSummaries"));
        assertEquals(new Action(0, Outcome.SERVE), plan.next("FilterLogEvents"));
    }

    @Test
    void badSpecsSayWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("GetTraces:deny"))
                .getMessage().contains("unknown operation \"GetTraces\""));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("*:latency=fast"))
                .getMessage().contains("not a whole number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("*:explode"))
                .getMessage().contains("kind must be"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("latency=5"))
                .getMessage().contains("OPERATION:KIND"));
        assertEquals("no faults", FaultPlan.parse(" ").toString());
    }

    @Test
    void failMakesTheJobsOfTransactionSearchEndFailed() {
        FaultPlan plan = FaultPlan.parse("StartTraceRetrieval:fail, StartQuery:fail, ListRetrievedTraces:throttle=1");
        assertTrue(plan.failsJob("StartTraceRetrieval"));
        assertTrue(plan.failsJob("StartQuery"));
        assertEquals(Outcome.SERVE, plan.next("StartTraceRetrieval").outcome()); // accepted, fails later
        assertEquals(Outcome.THROTTLE, plan.next("ListRetrievedTraces").outcome());
        assertTrue(plan.toString().contains("StartQuery:fail"), plan.toString());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("GetServiceGraph:fail"))
                .getMessage().contains("fail applies to StartTraceRetrieval or StartQuery"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("StartQuery:fail=2"))
                .getMessage().contains("fail takes no value"));
    }
}
