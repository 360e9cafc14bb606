package io.xspy.query;

import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * Every annotation of a trace in two flat arrays, built once per trace and kept while the trace lives.
 * Walking a trace's nodes and their annotation maps costs a cache miss per object; filters re-run over
 * the same loaded traces each time the expression changes, so annotation filters read this instead.
 */
final class AnnotationIndex {

    private static final Trace.Derived<AnnotationIndex> INDEX = new Trace.Derived<>(AnnotationIndex::build);
    private static final AnnotationIndex EMPTY = new AnnotationIndex(new String[0], new Object[0]);

    private final String[] keys;
    private final Object[] values;

    private AnnotationIndex(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    static AnnotationIndex of(Trace trace) {
        return trace.derived(INDEX);
    }

    private static AnnotationIndex build(Trace trace) {
        List<String> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        TraceWalk.any(trace, (t, s, caller) -> {
            add(s, keys, values);
            return false;
        });
        if (keys.isEmpty()) return EMPTY;
        return new AnnotationIndex(keys.toArray(new String[0]), values.toArray());
    }

    private static void add(Segment s, List<String> keys, List<Object> values) {
        if (s.annotations().isEmpty()) return;
        s.annotations().forEach((k, v) -> {
            keys.add(k.intern()); // interned so that lookups with an interned key compare by identity
            values.add(v);
        });
    }

    /** Whether some node has the annotation {@code key} (interned) with a value that passes the test. */
    boolean any(String key, java.util.function.Predicate<Object> test) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == key && test.test(values[i])) return true;
        }
        return false;
    }
}
