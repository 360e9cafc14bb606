package io.xspy.source.local;

import io.xspy.query.FilterIndexes;
import io.xspy.source.LogEvents;
import io.xspy.trace.Diagnostic;
import io.xspy.trace.LogLine;
import io.xspy.trace.RawJson;
import io.xspy.trace.Segment;
import io.xspy.trace.SegmentParser;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceAssembler;
import io.xspy.trace.TraceSummary;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded X-Ray: segment documents in, assembled traces out, in memory. Thread-safe: the UDP
 * receiver ingests while the TUI reads. A trace is re-assembled lazily when read after a new piece
 * arrived, and its assembled form and summary are cached until the next piece. Memory is bounded:
 * at most {@code maxTraces} traces (the first seen is evicted first, and counted), at most
 * {@link #MAX_DOCUMENTS_PER_TRACE} documents per trace, at most {@code maxLogEvents} log events.
 * Also keeps CloudWatch log events by group and stream, and serves them as {@link LogEvents}.
 */
public final class TraceStore implements LogEvents {

    public static final int DEFAULT_MAX_TRACES = 100_000;
    /**
     * An OpenTelemetry span arrives as a document of its own: a 10,000-span trace (a batch job, a fan-out) is held
     * whole; beyond this its further documents are dropped and counted (the status line says so).
     */
    public static final int MAX_DOCUMENTS_PER_TRACE = 20_000;
    public static final int DEFAULT_MAX_LOG_EVENTS = 1_000_000;
    private static final int KEPT_DIAGNOSTICS = 100;

    /** What the status line shows. */
    public record Counters(long segmentsIngested, int traces, int summariesOnly, long evicted, long documentsDropped,
            long diagnostics, long logEvents, long logEventsDropped) {}

    /** An assembled trace with its summary, as cached. */
    public record View(Trace trace, TraceSummary summary) {}

    private final int maxTraces;
    private final int maxLogEvents;
    private final LinkedHashMap<String, Stored> traces = new LinkedHashMap<>(); // first-seen order
    private final LinkedHashMap<String, TraceSummary> summariesOnly = new LinkedHashMap<>();
    private final ArrayDeque<Diagnostic> recentDiagnostics = new ArrayDeque<>();
    /**
     * Traces that changed since they were last assembled, oldest first. Beyond {@link #unsettledLimit} ingest
     * deflates the oldest documents, a few traces together; where nodes are not kept ({@link Nodes}) it also
     * assembles and summarizes them and drops the nodes, so a store filled without being read stays within the
     * heap; below it, ingest leaves that work to the first reader.
     */
    private final ArrayDeque<Stored> unsettled = new ArrayDeque<>();
    private final int unsettledLimit;
    private final Nodes nodes;
    /** About what a demo trace of 8 documents costs before it is settled, with room to spare. */
    private static final long UNSETTLED_TRACE_BYTES = 16_384;
    /**
     * At most this many traces wait unsettled, whatever the heap: beyond, ingest settles the oldest. About 8 s of
     * UDP at 10,000 segments/s in demo-sized traces (documents arriving later re-open their trace), and at most
     * about 160 MB of waiting documents and nodes; a third of a 6 GB default heap let 100,000 traces wait.
     */
    static final int MAX_UNSETTLED = 10_000;
    /** A one-shot command's store: just room for the documents of a trace that a file does not keep together. */
    static final int ONE_SHOT_UNSETTLED = 1_000;
    /**
     * Traces settled together, their documents deflated in one pack: deflate's preset dictionary costs more to
     * set up than a small trace costs to deflate (12 µs of a 13 µs pack of one 700-byte document), and neighbours
     * share names. Reading one document inflates its pack, at most {@value #PACK_BYTES} bytes.
     */
    static final int PACK_TRACES = 32;
    static final int PACK_BYTES = 32_768;

    /** What a settled trace keeps of its assembled nodes (its facts, summary and deflated JSON it always keeps). */
    enum Nodes {
        /** Held: the heap has room for every trace's nodes, and filters run again and again. */
        STRONG,
        /** Held softly once listed, not at all once settled on ingest: a heap too small for every trace's. */
        SOFT,
        /** Held only while read, rebuilt from the JSON when read again: a command that reads each trace once. */
        WEAK
    }
    private final AtomicLong version = new AtomicLong();
    private long segmentsIngested;
    private long evicted;
    private long documentsDropped;
    private long diagnostics;

    private final Object logLock = new Object();
    private final Map<String, Map<String, List<LogLine>>> logs = new HashMap<>();
    private long logEvents;
    private long logEventsDropped;

    public TraceStore() {
        this(DEFAULT_MAX_TRACES, DEFAULT_MAX_LOG_EVENTS);
    }

    /** A store read again and again (the UI, the shell, serve): it keeps what filters need. */
    public TraceStore(int maxTraces, int maxLogEvents) {
        // unsettled traces may take a third of the heap, at most MAX_UNSETTLED. When the heap could
        // hold every trace's nodes, a settled trace keeps them strongly (filters stay fast and steady: softly
        // held nodes were dropped and rebuilt under G1 even in a 3 GB heap, and a filter took 20x longer);
        // in a smaller heap a listed trace holds them softly, and one settled on ingest not at all (a heap
        // full of softly held nodes keeps the collector busy while ingest fills it)
        this(maxTraces, maxLogEvents, (int) Math.max(1_000, Math.min(Math.min(maxTraces, MAX_UNSETTLED),
                Runtime.getRuntime().maxMemory() / 3 / UNSETTLED_TRACE_BYTES)),
                Runtime.getRuntime().maxMemory() >= maxTraces * UNSETTLED_TRACE_BYTES ? Nodes.STRONG : Nodes.SOFT);
    }

    /**
     * A store for one command (traces, services, stats, export…): it reads each trace once or twice, so a
     * settled trace keeps no nodes (they are rebuilt from its deflated JSON when read), traces settle as soon
     * as a thousand wait, and filter indexes are built by the filter that needs them. A file of 50,000 small
     * traces then needs about a third of the heap it would otherwise.
     */
    public static TraceStore forOneShot(int maxTraces, int maxLogEvents) {
        return new TraceStore(maxTraces, maxLogEvents, Math.min(maxTraces, ONE_SHOT_UNSETTLED), Nodes.WEAK);
    }

    TraceStore(int maxTraces, int maxLogEvents, int unsettledLimit, Nodes nodes) {
        if (maxTraces < 1 || maxLogEvents < 0) throw new IllegalArgumentException("store caps must be positive");
        this.maxTraces = maxTraces;
        this.maxLogEvents = maxLogEvents;
        this.unsettledLimit = unsettledLimit;
        this.nodes = nodes;
    }

    public int maxTraces() {
        return maxTraces;
    }

    /**
     * One trace's documents, one per id; the assembled view is built on demand. Once assembled, the
     * documents are kept as their deflated JSON only, and in a heap too small for every trace's nodes the nodes
     * softly (see {@link Trace#soft}): what a listed trace then costs is its summary, its facts and its deflated text.
     */
    private static final class Stored {
        /** Beyond this many documents a trace also keeps a map from id to position; below, a scan is cheaper. */
        private static final int SCANNED = 32;

        final String id;
        /** In order of arrival; a replaced document keeps its place. An array: most traces have a few. Null when let go. */
        Segment[] documents = new Segment[2];
        int size;
        HashMap<String, Integer> positions;
        /** The documents' JSON, in the same order, while {@link #documents} is let go. */
        RawJson[] let;
        volatile View view;
        /** The assembled trace before its summary is asked for (printing one trace needs no summary). */
        volatile Trace trace;
        /** Waiting in the store's queue of traces to assemble. */
        boolean queued;

        /** How the assembled nodes are held once settled. */
        final Nodes nodes;

        Stored(String id, Nodes nodes) {
            this.id = id;
            this.nodes = nodes;
        }

        /** A completed document replaces its in-progress version, never the other way round. */
        synchronized boolean add(Segment doc) {
            if (documents == null) takeBack();
            int at = positionOf(doc.id());
            Segment seen = at < 0 ? null : documents[at];
            if (seen == null && size >= MAX_DOCUMENTS_PER_TRACE) return false;
            if (seen == null || !doc.inProgress() || seen.inProgress()) {
                if (seen != null) documents[at] = doc;
                else append(doc);
                view = null;
                trace = null;
            }
            return true;
        }

        /**
         * The documents again: from the trace's nodes while they are held, else read from their JSON (not
         * assembled: the trace is assembled again with the new document when next read).
         */
        private void takeBack() {
            Trace held = view.trace();
            if (held.isHeld()) {
                List<Segment> docs = held.documents();
                documents = docs.toArray(new Segment[Math.max(2, docs.size())]);
            } else {
                documents = parse(let).toArray(new Segment[Math.max(2, let.length)]);
            }
            let = null;
            if (size > SCANNED) {
                positions = new HashMap<>();
                for (int i = 0; i < size; i++) positions.put(documents[i].id(), i);
            }
        }

        private int positionOf(String docId) {
            if (positions != null) return positions.getOrDefault(docId, -1);
            for (int i = 0; i < size; i++) if (documents[i].id().equals(docId)) return i;
            return -1;
        }

        private void append(Segment doc) {
            if (size == documents.length) documents = Arrays.copyOf(documents, size * 2);
            documents[size] = doc;
            if (positions != null) positions.put(doc.id(), size);
            else if (size + 1 > SCANNED) {
                positions = new HashMap<>();
                for (int i = 0; i <= size; i++) positions.put(documents[i].id(), i);
            }
            size++;
        }

        View view() {
            View cached = view;
            return cached != null ? cached : assemble(false);
        }

        /** Settled on ingest: assembled, deflated and summarized; its nodes dropped unless the heap holds all. */
        void settle() {
            View v = view;
            if (v == null) v = assemble(true);
            if (nodes != Nodes.STRONG) v.trace().release();
        }

        private synchronized View assemble(boolean onIngest) {
            if (view == null) {
                List<RawJson> json = new ArrayList<>(size);
                for (int i = 0; i < size; i++) if (documents[i].json() != null) json.add(documents[i].json());
                if (!allCompact(json)) RawJson.pack(json); // else packed with its neighbours (packTogether)
                boolean fromJson = json.size() == size; // a document built in code has no JSON to be rebuilt from
                Trace t = trace();
                // listed traces get filtered: index them now, not on the first filter; not nodes let go at once
                if (nodes == Nodes.STRONG || nodes == Nodes.SOFT && !onIngest) FilterIndexes.build(t);
                TraceSummary summary = TraceSummary.of(t);
                if (fromJson && rebuildable(t)) {
                    let = json.toArray(new RawJson[0]);
                    RawJson[] kept = let;
                    if (nodes == Nodes.SOFT) t = t.soft(() -> rebuild(id, kept));
                    else if (nodes == Nodes.WEAK) t = t.weak(() -> rebuild(id, kept));
                    documents = null;
                    positions = null;
                    trace = null;
                }
                view = new View(t, summary);
            }
            return view;
        }

        synchronized Trace trace() {
            if (view != null) return view.trace();
            if (trace == null) trace = TraceAssembler.assemble(id, Arrays.asList(documents).subList(0, size));
            return trace;
        }

        /** Whether reading the documents' JSON again gives the same nodes (a made-up id would be made up anew). */
        private static boolean rebuildable(Trace t) {
            for (Segment root : t.roots()) {
                boolean[] madeUp = {false};
                root.walk(n -> madeUp[0] |= n.id().indexOf('#') >= 0);
                if (madeUp[0]) return false;
            }
            return true;
        }

        private static Trace rebuild(String id, RawJson[] json) {
            return TraceAssembler.assemble(id, parse(json));
        }

        private static List<Segment> parse(RawJson[] json) {
            SegmentParser parser = new SegmentParser("store", new ArrayList<>()); // reported when first read
            List<Segment> docs = new ArrayList<>(json.length);
            for (RawJson j : json) docs.add(parser.parseStored(j));
            return docs;
        }
    }

    public void ingest(Segment document) {
        Stored s;
        List<Stored> settled = null;
        synchronized (this) {
            segmentsIngested++;
            summariesOnly.remove(document.traceId());
            s = traces.get(document.traceId());
            if (s == null) {
                s = new Stored(document.traceId(), nodes);
                traces.put(s.id, s);
                evictBeyond(traces);
            }
        }
        boolean added = s.add(document);
        synchronized (this) {
            if (!added) documentsDropped++;
            if (!s.queued) {
                s.queued = true;
                unsettled.addLast(s);
            }
            if (unsettled.size() > unsettledLimit) {
                settled = new ArrayList<>(PACK_TRACES);
                while (settled.size() < PACK_TRACES && !unsettled.isEmpty()) {
                    Stored oldest = unsettled.removeFirst();
                    oldest.queued = false;
                    if (traces.get(oldest.id) == oldest) settled.add(oldest); // else evicted meanwhile
                }
            }
        }
        if (settled != null) { // deflated while ingest goes on: the heap stays bounded
            packTogether(settled);
            // a heap that holds every trace's nodes keeps them anyway: what waiting cost was the JSON text, and
            // assembling is left to the first reader (a UI lists as it refreshes), off the UDP parser thread
            if (nodes != Nodes.STRONG) for (Stored t : settled) t.settle();
        }
        version.incrementAndGet();
    }

    /**
     * Deflates the documents of traces about to be assembled in packs of a few traces each (see {@link
     * #PACK_TRACES}); assembling then finds them deflated. A trace assembled meanwhile is left as it is.
     */
    private static void packTogether(List<Stored> batch) {
        List<RawJson> pack = new ArrayList<>();
        int bytes = 0;
        int traces = 0;
        for (Stored s : batch) {
            int before = pack.size();
            synchronized (s) {
                if (s.view != null || s.documents == null) continue;
                for (int i = 0; i < s.size; i++) {
                    RawJson j = s.documents[i].json();
                    if (j != null) {
                        pack.add(j);
                        bytes += j.length();
                    }
                }
            }
            if (pack.size() > before) traces++;
            if (traces >= PACK_TRACES || bytes >= PACK_BYTES) {
                RawJson.pack(pack);
                pack.clear();
                bytes = 0;
                traces = 0;
            }
        }
        if (!pack.isEmpty()) RawJson.pack(pack);
    }

    private static boolean allCompact(List<RawJson> json) {
        for (RawJson j : json) if (!j.isCompact()) return false;
        return true;
    }

    /** Changes whenever a document or summary is stored: readers cache what they derive per version. */
    public long version() {
        return version.get();
    }

    public void ingestAll(Collection<Segment> documents) {
        for (Segment d : documents) ingest(d);
    }

    /**
     * A trace known only from a GetTraceSummaries entry: listed by {@code traceSummaries} with a blank
     * filter, but without segments (no timeline) until its documents arrive.
     */
    public synchronized void addSummaryOnly(TraceSummary summary) {
        if (traces.containsKey(summary.id())) return;
        summariesOnly.put(summary.id(), summary);
        evictBeyond(summariesOnly);
        version.incrementAndGet();
    }

    private void evictBeyond(LinkedHashMap<String, ?> map) {
        Iterator<String> oldest = map.keySet().iterator();
        while (map.size() > maxTraces && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
            evicted++;
        }
    }

    public synchronized void addDiagnostics(Collection<Diagnostic> found) {
        for (Diagnostic d : found) {
            diagnostics++;
            recentDiagnostics.addLast(d);
            if (recentDiagnostics.size() > KEPT_DIAGNOSTICS) recentDiagnostics.removeFirst();
        }
    }

    /** The last diagnostics reported (at most 100), oldest first. */
    public synchronized List<Diagnostic> recentDiagnostics() {
        return List.copyOf(recentDiagnostics);
    }

    /** The assembled trace, or null. */
    public Trace trace(String traceId) {
        Stored s;
        synchronized (this) {
            s = traces.get(traceId);
        }
        return s == null ? null : s.trace();
    }

    /** Every stored trace with its summary, first seen first; assembles what changed since the last read. */
    public List<View> views() {
        List<Stored> snapshot;
        synchronized (this) {
            snapshot = new ArrayList<>(traces.values());
        }
        List<View> out = new ArrayList<>(snapshot.size());
        List<Stored> toAssemble = new ArrayList<>();
        for (Stored s : snapshot) if (s.view == null) toAssemble.add(s);
        packTogether(toAssemble); // in packs of PACK_TRACES
        for (Stored s : snapshot) out.add(s.view());
        return out;
    }

    public List<Trace> traces() {
        return views().stream().map(View::trace).toList();
    }

    public synchronized List<TraceSummary> summariesOnly() {
        return List.copyOf(summariesOnly.values());
    }

    public Counters counters() {
        long events;
        long eventsDropped;
        synchronized (logLock) {
            events = logEvents;
            eventsDropped = logEventsDropped;
        }
        synchronized (this) {
            return new Counters(segmentsIngested, traces.size(), summariesOnly.size(), evicted, documentsDropped,
                    diagnostics, events, eventsDropped);
        }
    }

    // ---- log events ----

    private static final Comparator<LogLine> BY_TIME = (a, b) -> Double.compare(a.timestamp(), b.timestamp()); // archivable, unlike comparingDouble's

    /** Adds one log event; beyond the cap it is dropped and counted. */
    public void addLog(LogLine line) {
        synchronized (logLock) {
            if (logEvents >= maxLogEvents) {
                logEventsDropped++;
                return;
            }
            List<LogLine> stream = logs.computeIfAbsent(line.logGroup(), g -> new HashMap<>())
                    .computeIfAbsent(line.logStream(), s -> new ArrayList<>());
            int at = stream.size();
            while (at > 0 && stream.get(at - 1).timestamp() > line.timestamp()) at--; // usually appends
            stream.add(at, line);
            logEvents++;
        }
    }

    public boolean hasLogGroup(String logGroup) {
        synchronized (logLock) {
            return logs.containsKey(logGroup);
        }
    }

    /** Every stored log event, by group, stream and time: what export writes. */
    public List<LogLine> allLogs() {
        synchronized (logLock) {
            List<LogLine> out = new ArrayList<>();
            logs.keySet().stream().sorted().forEach(g -> logs.get(g).keySet().stream().sorted()
                    .forEach(s -> out.addAll(logs.get(g).get(s))));
            return out;
        }
    }

    @Override
    public List<LogLine> filter(String logGroup, double from, double to, String term) {
        synchronized (logLock) {
            Map<String, List<LogLine>> streams = logs.get(logGroup);
            if (streams == null) throw new GroupNotFound(logGroup);
            List<LogLine> out = new ArrayList<>();
            boolean all = term == null || term.isEmpty();
            for (List<LogLine> stream : streams.values()) {
                for (int i = firstAtOrAfter(stream, from); i < stream.size(); i++) {
                    LogLine l = stream.get(i);
                    if (l.timestamp() > to) break;
                    if (all || l.message().contains(term)) out.add(l);
                }
            }
            out.sort(BY_TIME);
            return out;
        }
    }

    @Override
    public List<LogLine> stream(String logGroup, String logStream, double from, double to) {
        synchronized (logLock) {
            Map<String, List<LogLine>> streams = logs.get(logGroup);
            if (streams == null) throw new GroupNotFound(logGroup);
            List<LogLine> stream = streams.getOrDefault(logStream, List.of());
            List<LogLine> out = new ArrayList<>();
            for (int i = firstAtOrAfter(stream, from); i < stream.size() && stream.get(i).timestamp() <= to; i++) {
                out.add(stream.get(i));
            }
            return out;
        }
    }

    private static int firstAtOrAfter(List<LogLine> stream, double from) {
        int lo = 0;
        int hi = stream.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (stream.get(mid).timestamp() < from) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
