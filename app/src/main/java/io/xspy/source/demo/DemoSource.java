package io.xspy.source.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.graph.ServiceGraph;
import io.xspy.query.TimeWindow;
import io.xspy.source.Page;
import io.xspy.source.TraceSource;
import io.xspy.source.local.EmbeddedSource;
import io.xspy.source.local.TraceStore;
import io.xspy.trace.Diagnostic;
import io.xspy.trace.LogLine;
import io.xspy.trace.Segment;
import io.xspy.trace.SegmentParser;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The embedded demo: a {@link DemoWorld} feeding a {@link TraceStore} through the same ingest path as
 * files and the UDP receiver. The world catches up with the clock on every read, so new invocations
 * keep arriving while xspy runs (and nothing runs in the background).
 */
public final class DemoSource implements TraceSource {

    /** At least twenty minutes of history: the Python fault phase, the fix, and the healthy stack after it. */
    public static final long HISTORY_SECONDS = 20 * 60;

    private final long seed;
    private DemoWorld world;
    private Instant historyStart;
    private final Clock clock;
    private final EmbeddedSource embedded;

    public DemoSource(long seed, Clock clock) {
        this(seed, clock, new TraceStore(), "demo (seed " + seed + ")");
    }

    /** A demo feeding a shared store (other sources, such as files, may feed it too). */
    public DemoSource(long seed, Clock clock, TraceStore store, String description) {
        this(seed, clock, new EmbeddedSource(description, store));
    }

    /** A demo feeding the store behind an embedded source (which may report more, such as UDP counts). */
    public DemoSource(long seed, Clock clock, EmbeddedSource embedded) {
        this.clock = clock;
        this.seed = seed;
        this.embedded = embedded;
        // the history is generated on the first read, off the UI thread, not here at start-up
    }

    public TraceStore store() {
        catchUp();
        return embedded.store();
    }

    /** Runs the world up to now and ingests what happened. */
    public synchronized void catchUp() {
        Instant now = clock.instant();
        if (world == null) {
            historyStart = DemoWorld.anchoredStart(now, HISTORY_SECONDS);
            world = DemoWorld.anchored(seed, now, HISTORY_SECONDS);
        }
        DemoBatch batch = world.advance(now);
        if (batch.segmentDocuments().isEmpty()) return;
        TraceStore store = embedded.store();
        List<Diagnostic> diagnostics = new ArrayList<>();
        SegmentParser parser = new SegmentParser("demo", diagnostics);
        for (ObjectNode document : batch.segmentDocuments()) {
            Segment segment = parser.parseDocument(document);
            if (segment != null) store.ingest(segment);
        }
        store.addDiagnostics(diagnostics);
        batch.logEvents().forEach(store::addLog);
    }

    /** When the demo's history begins: its whole story (the Python fault, the fix) is from here to now. */
    public synchronized Instant historyStart() {
        return historyStart != null ? historyStart : DemoWorld.anchoredStart(clock.instant(), HISTORY_SECONDS);
    }

    @Override
    public String describe() {
        return embedded.describe();
    }

    @Override
    public ServiceGraph serviceGraph(TimeWindow window) {
        catchUp();
        return embedded.serviceGraph(window);
    }

    @Override
    public Page<TraceSummary> traceSummaries(TimeWindow window, String filterExpression, String pageToken) {
        catchUp();
        return embedded.traceSummaries(window, filterExpression, pageToken);
    }

    @Override
    public List<Trace> traces(Collection<String> traceIds) {
        catchUp();
        return embedded.traces(traceIds);
    }

    @Override
    public String status() {
        return embedded.status();
    }

    @Override
    public boolean live() {
        return embedded.live(); // a receiver may feed the demo's store too
    }

    @Override
    public List<LogLine> logs(Trace trace) {
        return embedded.logs(trace);
    }
}
