package io.xspy.source.aws;

import io.xspy.graph.ServiceGraph;
import io.xspy.query.TimeWindow;
import io.xspy.source.SourceException;
import io.xspy.trace.Diagnostic;
import io.xspy.trace.Segment;
import io.xspy.trace.SegmentParser;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceAssembler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.GetRetrievedTracesGraphResponse;
import software.amazon.awssdk.services.xray.model.ListRetrievedTracesResponse;
import software.amazon.awssdk.services.xray.model.RetrievalStatus;
import software.amazon.awssdk.services.xray.model.RetrievedService;
import software.amazon.awssdk.services.xray.model.Service;
import software.amazon.awssdk.services.xray.model.TraceFormatType;

/**
 * Full traces under Transaction Search: StartTraceRetrieval for up to {@link #BATCH_SIZE} ids and a
 * window, then ListRetrievedTraces (format XRAY: segment documents, which the core reads as from
 * BatchGetTraces) polled until the status is COMPLETE, waiting a little longer each time; FAILED,
 * CANCELLED or TIMEOUT end the load with that word. Interrupted, it cancels the retrieval
 * (CancelTraceRetrieval). The window of a retrieval comes from the start times the listing saw, else
 * from the time in an X-Ray trace id, else the last {@link #FALLBACK_WINDOW}; it reaches
 * {@link #AFTER_START} past the latest start so long traces arrive whole.
 */
final class RetrievedTraces implements TraceCache.Fetch {

    /** StartTraceRetrieval takes at most 100 trace ids. */
    static final int BATCH_SIZE = 100;
    static final Duration BEFORE_START = Duration.ofMinutes(5);
    static final Duration AFTER_START = Duration.ofHours(6);
    static final Duration FALLBACK_WINDOW = Duration.ofHours(24);

    private final XRayClient xray;
    private final AwsCalls calls;
    private final DocumentProblems problems;
    private final Consumer<String> progress;
    private final Map<String, Double> knownStarts = new ConcurrentHashMap<>();

    RetrievedTraces(XRayClient xray, AwsCalls calls, DocumentProblems problems, Consumer<String> progress) {
        this.xray = xray;
        this.calls = calls;
        this.problems = problems;
        this.progress = progress;
    }

    /** Remembers when a listed trace started, for the window of its retrieval. */
    void started(String traceId, double startTime) {
        if (knownStarts.size() > 100_000) knownStarts.clear(); // a bound, not a cache policy: ids come back with the next listing
        knownStarts.put(traceId, startTime);
    }

    @Override
    public List<Trace> fetch(List<String> ids) throws InterruptedException {
        TimeWindow window = window(ids);
        String token = calls.call("xray:StartTraceRetrieval", () -> xray.startTraceRetrieval(
                b -> b.traceIds(ids).startTime(window.start()).endTime(window.end()))).retrievalToken();
        Map<String, List<Segment>> documents = new LinkedHashMap<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        String what = "retrieving " + ids.size() + (ids.size() == 1 ? " trace" : " traces") + " from aws/spans";
        poll(token, what, sent -> {
            ListRetrievedTracesResponse r = calls.call("xray:ListRetrievedTraces", () -> xray.listRetrievedTraces(
                    b -> b.retrievalToken(token).traceFormat(TraceFormatType.XRAY).nextToken(sent)));
            if (r.retrievalStatus() == RetrievalStatus.COMPLETE) {
                for (var trace : r.traces()) {
                    String where = "ListRetrievedTraces " + trace.id();
                    // a trace with more than 100 spans comes as several entries with its id
                    List<Segment> docs = documents.computeIfAbsent(trace.id(), k -> new ArrayList<>());
                    SegmentParser parser = new SegmentParser(where, diagnostics);
                    for (var span : trace.spans()) {
                        Segment parsed = DocumentProblems.parse(parser, span.document(), diagnostics, where);
                        if (parsed != null) docs.add(parsed);
                    }
                }
            }
            return new Answer(r.retrievalStatus(), r.retrievalStatusAsString(), r.nextToken());
        });
        problems.keep(diagnostics);
        List<Trace> out = new ArrayList<>();
        documents.forEach((id, docs) -> {
            if (!docs.isEmpty()) out.add(TraceAssembler.assemble(TraceIds.xray(id), docs));
        });
        return out;
    }

    /** The service graph of these traces (GetRetrievedTracesGraph), at most 100 ids. */
    ServiceGraph graph(Collection<String> traceIds) throws InterruptedException {
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(traceIds));
        if (ids.isEmpty() || ids.size() > BATCH_SIZE) {
            throw new SourceException("the graph of a retrieval takes 1 to " + BATCH_SIZE + " trace ids, not " + ids.size());
        }
        TimeWindow window = window(ids);
        String token = calls.call("xray:StartTraceRetrieval", () -> xray.startTraceRetrieval(
                b -> b.traceIds(ids).startTime(window.start()).endTime(window.end()))).retrievalToken();
        List<Service> services = new ArrayList<>();
        poll(token, "retrieving the graph of " + ids.size() + (ids.size() == 1 ? " trace" : " traces"), sent -> {
            GetRetrievedTracesGraphResponse r = calls.call("xray:GetRetrievedTracesGraph",
                    () -> xray.getRetrievedTracesGraph(b -> b.retrievalToken(token).nextToken(sent)));
            if (r.retrievalStatus() == RetrievalStatus.COMPLETE) {
                for (RetrievedService s : r.services()) if (s.service() != null) services.add(s.service());
            }
            return new Answer(r.retrievalStatus(), r.retrievalStatusAsString(), r.nextToken());
        });
        return ServiceGraphReader.graph(services, window);
    }

    private record Answer(RetrievalStatus status, String statusText, String nextToken) {}

    /** Polls until COMPLETE, then follows NextToken; cancels the retrieval when interrupted. */
    private void poll(String token, String what, Function<String, Answer> read) throws InterruptedException {
        long wait = InsightsQueries.FIRST_POLL_MS;
        try {
            for (int n = 1; ; n++) {
                Answer a = read.apply(null);
                if (a.status == RetrievalStatus.COMPLETE) {
                    Set<String> seen = new HashSet<>();
                    for (String next = a.nextToken; next != null && seen.add(next); ) next = read.apply(next).nextToken;
                    progress.accept("");
                    return;
                }
                if (a.status != RetrievalStatus.SCHEDULED && a.status != RetrievalStatus.RUNNING) {
                    progress.accept("");
                    throw new SourceException("Transaction Search: " + what + " ended " + a.statusText
                            + (a.status == RetrievalStatus.TIMEOUT ? " (X-Ray gives a retrieval 60 minutes)" : ""));
                }
                progress.accept("Transaction Search: " + what + " (" + a.statusText.toLowerCase() + ", poll " + n + ")");
                Thread.sleep(wait);
                wait = Math.min(InsightsQueries.MAX_POLL_MS, wait * 2);
            }
        } catch (InterruptedException | RuntimeException e) {
            if (!Interruptions.isInterrupt(e)) throw e;
            progress.accept("");
            Interruptions.cleanUp(() -> calls.call("xray:CancelTraceRetrieval",
                    () -> xray.cancelTraceRetrieval(b -> b.retrievalToken(token))));
            Thread.interrupted();
            InterruptedException stop = new InterruptedException("the retrieval was cancelled");
            stop.initCause(e);
            throw stop;
        }
    }

    private TimeWindow window(List<String> ids) {
        Instant now = Instant.now();
        double first = Double.MAX_VALUE;
        double latest = -1;
        for (String id : ids) {
            Double known = knownStarts.get(id);
            double start = known != null ? known : TraceIds.epochSecond(id);
            if (start < 0) return new TimeWindow(now.minus(FALLBACK_WINDOW), now);
            first = Math.min(first, start);
            latest = Math.max(latest, start);
        }
        Instant from = Instant.ofEpochSecond((long) Math.floor(first)).minus(BEFORE_START);
        Instant to = Instant.ofEpochSecond((long) Math.ceil(latest)).plus(AFTER_START);
        if (to.isAfter(now) && now.isAfter(from)) to = now; // X-Ray refuses a window in the future
        return new TimeWindow(from, to);
    }
}
