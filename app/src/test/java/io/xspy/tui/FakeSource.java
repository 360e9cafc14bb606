package io.xspy.tui;

import io.xspy.graph.Histogram;
import io.xspy.graph.ServiceGraph;
import io.xspy.graph.Statistics;
import io.xspy.query.Filter;
import io.xspy.query.FilterParser;
import io.xspy.query.TimeWindow;
import io.xspy.source.Page;
import io.xspy.source.SourceException;
import io.xspy.source.TraceSource;
import io.xspy.trace.Kind;
import io.xspy.trace.LogLine;
import io.xspy.trace.ParseResult;
import io.xspy.trace.Segment;
import io.xspy.trace.SegmentDocuments;
import io.xspy.trace.ServiceId;
import io.xspy.trace.Status;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceAssembler;
import io.xspy.trace.TraceSummary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A deterministic source over segment documents parsed from JSON text, for tests: summaries in
 * pages of {@code pageSize}, a service graph computed from the segments, logs by trace id.
 * Filters with the real filter language.
 */
final class FakeSource implements TraceSource {
    final Map<String, Trace> traces = new LinkedHashMap<>();
    final Map<String, List<LogLine>> logs;
    final int pageSize;
    volatile RuntimeException failure;
    volatile int summaryCalls;

    FakeSource(String ndjson, Map<String, List<LogLine>> logs, int pageSize) {
        Map<String, List<Segment>> byTrace = new LinkedHashMap<>();
        for (String line : ndjson.split("\n")) {
            ParseResult parsed = SegmentDocuments.parse(line, "fixture");
            if (!parsed.diagnostics().isEmpty()) throw new IllegalStateException("fixture: " + parsed.diagnostics());
            for (Segment s : parsed.segments()) byTrace.computeIfAbsent(s.traceId(), k -> new ArrayList<>()).add(s);
        }
        byTrace.forEach((id, docs) -> traces.put(id, TraceAssembler.assemble(id, docs)));
        this.logs = logs;
        this.pageSize = pageSize;
    }

    static FakeSource world() {
        Fixtures f = new Fixtures();
        return new FakeSource(f.ndjson(), f.logs(), 10);
    }

    /** What {@link #status()} says: the source's own health line. */
    volatile String status = "";

    @Override
    public String status() {
        return status;
    }

    /** What {@link #live()} says: whether traces keep arriving. */
    volatile boolean live;

    @Override
    public boolean live() {
        return live;
    }

    @Override
    public String describe() {
        return "fake fixtures";
    }

    /** When set, the next call stalls until this is released, whatever interrupts it: a hung network call. */
    volatile CountDownLatch stallNext;
    /** Counted down when a call stalls, and when a stalled call is interrupted. */
    final CountDownLatch stalled = new CountDownLatch(1);
    final CountDownLatch interruptedWhileStalled = new CountDownLatch(1);

    private void stallIfAsked() {
        CountDownLatch release;
        synchronized (this) {
            release = stallNext;
            stallNext = null;
        }
        if (release == null) return;
        stalled.countDown();
        while (true) {
            try {
                release.await();
                return;
            } catch (InterruptedException e) {
                interruptedWhileStalled.countDown();
            }
        }
    }

    private void maybeFail() {
        stallIfAsked();
        RuntimeException e = failure;
        if (e != null) throw e;
    }

    @Override
    public ServiceGraph serviceGraph(TimeWindow window) {
        maybeFail();
        Map<String, ServiceId> ids = new LinkedHashMap<>();
        Map<String, Statistics> stats = new LinkedHashMap<>();
        Map<String, Histogram.Builder> hist = new LinkedHashMap<>();
        Map<String, Statistics> edgeStats = new LinkedHashMap<>();
        for (Trace t : inWindow(window)) {
            for (Segment root : t.roots()) {
                root.walk(s -> {
                    ServiceId id = ServiceId.of(s);
                    if (id == null || (s.kind() == Kind.SUBSEGMENT && !s.isRemote())) return;
                    ids.putIfAbsent(id.key(), id);
                    stats.merge(id.key(), stat(s), Statistics::plus);
                    hist.computeIfAbsent(id.key(), k -> new Histogram.Builder(0.001)).add(s.duration());
                    ServiceId caller = callerOf(t, s);
                    if (caller != null && !caller.key().equals(id.key())) {
                        ids.putIfAbsent(caller.key(), caller);
                        edgeStats.merge(caller.key() + "\u0001" + id.key(), stat(s), Statistics::plus);
                    }
                });
            }
        }
        List<String> keys = new ArrayList<>(ids.keySet());
        List<ServiceGraph.Node> nodes = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            nodes.add(new ServiceGraph.Node(i, ids.get(k), i == 0, stats.getOrDefault(k, Statistics.EMPTY),
                    hist.containsKey(k) ? hist.get(k).build() : Histogram.EMPTY));
        }
        List<ServiceGraph.Edge> edges = new ArrayList<>();
        edgeStats.forEach((k, st) -> {
            String[] parts = k.split("\u0001");
            edges.add(new ServiceGraph.Edge(keys.indexOf(parts[0]), keys.indexOf(parts[1]), st, Histogram.EMPTY));
        });
        return new ServiceGraph(window.start(), window.end(), nodes, edges);
    }

    private static ServiceId callerOf(Trace t, Segment s) {
        for (Segment p = t.parentOf(s); p != null; p = t.parentOf(p)) {
            if (p.kind() != Kind.SUBSEGMENT || p.isRemote()) return ServiceId.of(p);
        }
        return null;
    }

    private static Statistics stat(Segment s) {
        Status st = s.status();
        return new Statistics(st == Status.OK ? 1 : 0, st == Status.THROTTLE ? 1 : 0, st == Status.ERROR ? 1 : 0,
                st == Status.FAULT ? 1 : 0, 1, s.duration());
    }

    private List<Trace> inWindow(TimeWindow window) {
        return traces.values().stream().filter(t -> window.contains(t.startTime())).toList();
    }

    @Override
    public Page<TraceSummary> traceSummaries(TimeWindow window, String filter, String pageToken) {
        summaryCalls++;
        maybeFail();
        Filter f = FilterParser.parse(filter);
        List<TraceSummary> all = new ArrayList<>();
        for (Trace t : inWindow(window)) if (f.matches(t)) all.add(TraceSummary.of(t));
        all.sort(Comparator.comparingDouble(TraceSummary::startTime).reversed());
        int from = pageToken == null ? 0 : Integer.parseInt(pageToken);
        int to = Math.min(all.size(), from + pageSize);
        return new Page<>(all.subList(from, to), to < all.size() ? String.valueOf(to) : null);
    }

    @Override
    public List<Trace> traces(Collection<String> ids) {
        maybeFail();
        List<Trace> out = new ArrayList<>();
        for (String id : ids) if (traces.containsKey(id)) out.add(traces.get(id));
        return out;
    }

    @Override
    public List<LogLine> logs(Trace trace) {
        maybeFail();
        return logs.getOrDefault(trace.id(), List.of());
    }
}
