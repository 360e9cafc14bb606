package io.xspy.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What other packages derive from a trace is built once and kept with that trace, not shared between traces. */
class TraceDerivedTest {

    @Test
    void builtOncePerTraceAndKeptWithIt() {
        AtomicInteger builds = new AtomicInteger();
        Trace.Derived<String> name = new Trace.Derived<>(t -> {
            builds.incrementAndGet();
            return "derived from " + t.id();
        });
        Trace a = TraceAssemblerTest.assemble(TraceAssemblerTest.d("a1", "A", null, 0, 1.0, null));
        Trace b = TraceAssemblerTest.assemble(TraceAssemblerTest.d("b1", "B", null, 0, 1.0, null));

        String first = a.derived(name);
        assertSame(first, a.derived(name), "the second read is the kept value");
        assertEquals(1, builds.get());
        assertEquals("derived from " + b.id(), b.derived(name));
        assertEquals(2, builds.get(), "another trace builds its own");
    }
}
