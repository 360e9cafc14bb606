package io.xspy.statsview;

import io.xspy.source.demo.DemoSource;
import io.xspy.trace.Trace;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The demo world's traces as of a fixed moment: 29 minutes of history, Python fixed ten minutes in. */
final class DemoTraces {
    /** 20:29 UTC: the history starts at 20:00 (the half-hour boundary 20+ minutes back), the fix is at 20:10. */
    static final Instant NOW = Instant.parse("2026-11-29T20:29:00Z");
    static final Instant FIX = Instant.parse("2026-11-29T20:10:00Z");

    private DemoTraces() {}

    static List<Trace> all() {
        return new DemoSource(1, Clock.fixed(NOW, ZoneOffset.UTC)).store().traces();
    }
}
