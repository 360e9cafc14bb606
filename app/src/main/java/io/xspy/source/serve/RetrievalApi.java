package io.xspy.source.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.graph.ServiceGraph;
import io.xspy.graph.ServiceGraphBuilder;
import io.xspy.query.TimeWindow;
import io.xspy.source.XrayJson;
import io.xspy.source.local.TraceStore;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * X-Ray's Transaction Search operations: GetTraceSegmentDestination and UpdateTraceSegmentDestination
 * (which switch {@link TransactionSearch}), and StartTraceRetrieval, ListRetrievedTraces,
 * GetRetrievedTracesGraph and CancelTraceRetrieval over the store. A retrieval takes up to 100 ids
 * (X-Ray form or W3C) and a window; a trace is retrieved when it overlaps the window. Its status
 * reads RUNNING for the first polls (ListRetrievedTraces and GetRetrievedTracesGraph answer empty
 * meanwhile, as X-Ray does), then COMPLETE, or FAILED when the fault plan says
 * {@code StartTraceRetrieval:fail}. Traces come in the XRAY format, at most 5 per page and 100 spans
 * (segment documents) per entry; a trace with more documents comes as several entries with its id.
 */
final class RetrievalApi {

    static final Map<String, String> PATHS = Map.of(
            "/GetTraceSegmentDestination", "GetTraceSegmentDestination",
            "/UpdateTraceSegmentDestination", "UpdateTraceSegmentDestination",
            "/StartTraceRetrieval", "StartTraceRetrieval",
            "/ListRetrievedTraces", "ListRetrievedTraces",
            "/GetRetrievedTracesGraph", "GetRetrievedTracesGraph",
            "/CancelTraceRetrieval", "CancelTraceRetrieval");
    static final int MAX_IDS = 100;
    static final int TRACES_PER_PAGE = 5;
    static final int SPANS_PER_TRACE = 100;
    private static final int KEPT_RETRIEVALS = 1000;

    private final TraceStore store;
    private final TransactionSearch search;
    private final int pageSize;
    private final Map<String, Retrieval> retrievals = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Retrieval> eldest) {
            return size() > KEPT_RETRIEVALS;
        }
    };

    /** The entries (trace id, up to 100 documents) a completed retrieval lists. */
    private record Entry(Trace trace, List<Segment> documents) {}

    private record Retrieval(PolledJob status, List<Trace> traces) {}

    RetrievalApi(TraceStore store, TransactionSearch search, int pageSize) {
        this.store = store;
        this.search = search;
        this.pageSize = pageSize;
    }

    ObjectNode handle(String operation, JsonNode body, boolean fails) {
        return switch (operation) {
            case "GetTraceSegmentDestination" -> destination("ACTIVE");
            case "UpdateTraceSegmentDestination" -> update(body);
            case "StartTraceRetrieval" -> start(body, fails);
            case "ListRetrievedTraces" -> list(body);
            case "GetRetrievedTracesGraph" -> graph(body);
            case "CancelTraceRetrieval" -> cancel(body);
            default -> throw new ApiError(404, "UnknownOperationException", "unknown operation " + operation);
        };
    }

    private ObjectNode destination(String status) {
        return ServeServer.JSON.createObjectNode()
                .put("Destination", search.enabled() ? "CloudWatchLogs" : "XRay").put("Status", status);
    }

    private ObjectNode update(JsonNode body) {
        String to = RequestFields.string(body, "Destination");
        if (to != null) {
            if (!to.equals("CloudWatchLogs") && !to.equals("XRay")) {
                throw new ApiError(400, "InvalidRequestException", "Destination must be XRay or CloudWatchLogs");
            }
            search.enable(to.equals("CloudWatchLogs"));
        }
        return destination("ACTIVE"); // serve switches at once; AWS says PENDING for a while
    }

    private ObjectNode start(JsonNode body, boolean fails) {
        JsonNode ids = body.get("TraceIds");
        if (ids == null || !ids.isArray()) throw new ApiError(400, "InvalidRequestException", "TraceIds is required");
        if (ids.size() > MAX_IDS) {
            throw new ApiError(400, "InvalidRequestException", "TraceIds: at most " + MAX_IDS + " ids, got " + ids.size());
        }
        TimeWindow window = XrayApi.window(body);
        Set<String> wanted = new LinkedHashSet<>();
        for (JsonNode id : ids) wanted.add(SpanRecords.xray(id.asText()));
        List<Trace> found = new ArrayList<>();
        double from = window.start().getEpochSecond() + window.start().getNano() / 1e9;
        double to = window.end().getEpochSecond() + window.end().getNano() / 1e9;
        for (String id : wanted) {
            Trace t = store.trace(id);
            if (t == null || t.documents().isEmpty() || t.endTime() < from || t.startTime() > to) continue;
            found.add(t);
        }
        String token = UUID.randomUUID().toString();
        synchronized (retrievals) {
            retrievals.put(token, new Retrieval(new PolledJob(search.pollsBeforeComplete(), fails), List.copyOf(found)));
        }
        return ServeServer.JSON.createObjectNode().put("RetrievalToken", token);
    }

    private ObjectNode list(JsonNode body) {
        Retrieval r = retrieval(body);
        String format = RequestFields.string(body, "TraceFormat");
        if (format != null && !format.equals("XRAY")) {
            throw new ApiError(400, "InvalidRequestException", "xspy serve returns TraceFormat XRAY only, not "
                    + RequestLimits.echo(format));
        }
        PolledJob.State state = r.status.read();
        ObjectNode out = ServeServer.JSON.createObjectNode();
        out.put("RetrievalStatus", state.name());
        out.put("TraceFormat", "XRAY");
        ArrayNode traces = out.putArray("Traces");
        if (state != PolledJob.State.COMPLETE) return out;
        List<Entry> entries = new ArrayList<>();
        for (Trace t : r.traces) {
            List<Segment> docs = t.documents();
            for (int i = 0; i < docs.size(); i += SPANS_PER_TRACE) {
                entries.add(new Entry(t, docs.subList(i, Math.min(docs.size(), i + SPANS_PER_TRACE))));
            }
        }
        int from = offset(RequestFields.string(body, "NextToken"), entries.size(), "r");
        int to = Math.min(entries.size(), from + TRACES_PER_PAGE);
        for (int i = from; i < to; i++) {
            Entry e = entries.get(i);
            ObjectNode t = traces.addObject().put("Id", e.trace.id()).put("Duration", e.trace.duration());
            ArrayNode spans = t.putArray("Spans");
            for (Segment doc : e.documents) spans.addObject().put("Id", doc.id()).put("Document", doc.rawText());
        }
        if (to < entries.size()) out.put("NextToken", XrayApi.encode("r" + to));
        return out;
    }

    private ObjectNode graph(JsonNode body) {
        Retrieval r = retrieval(body);
        PolledJob.State state = r.status.read();
        ObjectNode out = ServeServer.JSON.createObjectNode();
        out.put("RetrievalStatus", state.name());
        ArrayNode page = out.putArray("Services");
        if (state != PolledJob.State.COMPLETE) return out;
        double start = r.traces.stream().mapToDouble(Trace::startTime).min().orElse(0);
        double end = r.traces.stream().mapToDouble(Trace::endTime).max().orElse(0);
        ServiceGraph graph = ServiceGraphBuilder.build(r.traces, XrayApi.instant(start), XrayApi.instant(end));
        ArrayNode all = (ArrayNode) XrayJson.serviceGraph(graph).get("Services");
        int from = offset(RequestFields.string(body, "NextToken"), all.size(), "v");
        int to = Math.min(all.size(), from + pageSize);
        for (int i = from; i < to; i++) page.addObject().set("Service", all.get(i));
        for (JsonNode s : page) ((ObjectNode) s).putArray("Links");
        if (to < all.size()) out.put("NextToken", XrayApi.encode("v" + to));
        return out;
    }

    private ObjectNode cancel(JsonNode body) {
        retrieval(body).status.cancel();
        return ServeServer.JSON.createObjectNode();
    }

    private Retrieval retrieval(JsonNode body) {
        String token = RequestFields.string(body, "RetrievalToken");
        if (token == null) throw new ApiError(400, "InvalidRequestException", "RetrievalToken is required");
        synchronized (retrievals) {
            Retrieval r = retrievals.get(token);
            if (r == null) {
                throw new ApiError(404, "ResourceNotFoundException", "no retrieval with token " + RequestLimits.echo(token));
            }
            return r;
        }
    }

    private static int offset(String token, int size, String prefix) {
        if (token == null || token.isEmpty()) return 0;
        String raw = XrayApi.decode(token);
        try {
            int n = Integer.parseInt(raw.substring(1));
            if (!raw.startsWith(prefix) || n < 0 || n > size) throw new NumberFormatException();
            return n;
        } catch (RuntimeException e) {
            throw new ApiError(400, "InvalidRequestException", "invalid NextToken");
        }
    }
}
