package io.xspy.query;

import io.xspy.trace.Trace;

/** A compiled X-Ray filter expression. */
public interface Filter {
    boolean matches(Trace trace);

    /** The filter of a blank expression: every trace. */
    Filter ALL = trace -> true;
}
