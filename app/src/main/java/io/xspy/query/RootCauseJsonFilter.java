package io.xspy.query;

import io.xspy.trace.RootCauseJson;
import io.xspy.trace.RootCausePattern;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;

/** {@code rootcause.json = #[ ... ]} on a trace: see {@link RootCausePattern} for how patterns match. */
final class RootCauseJsonFilter {

    private RootCauseJsonFilter() {}

    private static final Trace.Derived<RootCauseJson.Documents> DOCUMENTS =
            new Trace.Derived<>(trace -> RootCauseJson.documents(RootCauseFilter.of(trace)));

    static Condition condition(RootCausePattern pattern) {
        return new Condition() {
            public boolean test(Trace trace, Segment node) {
                return pattern.matches(trace.derived(DOCUMENTS));
            }

            public int cost() {
                return WALK;
            }
        };
    }
}
