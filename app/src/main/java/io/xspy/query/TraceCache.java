package io.xspy.query;

import io.xspy.trace.Trace;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * Something derived from a trace, built on first use and kept while the trace lives. Traces are
 * immutable and compared by identity, so nothing here goes stale; filters re-run over the same
 * loaded traces each time the expression changes.
 */
final class TraceCache<T> {
    private final Map<Trace, T> cache = Collections.synchronizedMap(new WeakHashMap<>());
    private final Function<Trace, T> build;

    TraceCache(Function<Trace, T> build) {
        this.build = build;
    }

    T of(Trace trace) {
        T value = cache.get(trace);
        if (value == null) {
            value = build.apply(trace);
            cache.put(trace, value);
        }
        return value;
    }
}
