package io.xspy.query;

import io.xspy.trace.RootCauseJson;
import io.xspy.trace.RootCausePattern;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;

/** {@code rootcause.json = #[ ... ]} on a trace: see {@link RootCausePattern} for how patterns match. */
final class RootCauseJsonFilter {

    private RootCauseJsonFilter() {}

    private static final TraceCache<RootCauseJson.Documents> CACHE =
            new TraceCache<>(trace -> RootCauseJson.documents(RootCauseFilter.of(trace)));

    static Condition condition(RootCausePattern pattern) {
        return new Condition() {
            public boolean test(Trace trace, Segment node) {
                return pattern.matches(CACHE.of(trace));
            }

            public int cost() {
                return WALK;
            }
        };
    }
}
