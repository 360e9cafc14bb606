package io.xspy.source.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.graph.ServiceGraph;
import io.xspy.graph.ServiceGraphBuilder;
import io.xspy.query.Filter;
import io.xspy.query.FilterParser;
import io.xspy.query.FilterSyntaxException;
import io.xspy.query.TimeWindow;
import io.xspy.source.XrayJson;
import io.xspy.source.local.TraceStore;
import io.xspy.trace.ParseResult;
import io.xspy.trace.Diagnostic;
import io.xspy.trace.RootCauseJson;
import io.xspy.trace.RootCauses;
import io.xspy.trace.Segment;
import io.xspy.trace.SegmentDocuments;

import io.xspy.trace.Trace;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * X-Ray's REST JSON operations over the store, with the member names of the X-Ray API reference.
 * Like X-Ray, GetTraceSummaries takes at most 24 hours per call and BatchGetTraces at most five ids;
 * ids it does not hold come back in UnprocessedTraceIds. Windows select traces by start time
 * (TimeRangeType TraceId, the default); pages are ordered newest first and their tokens are cursors,
 * so traces arriving meanwhile do not shift a page. Under {@link TransactionSearch} GetTraceSummaries
 * answers only the indexed share and BatchGetTraces finds nothing (its API reference: "You cannot find
 * traces through this API if Transaction Search is enabled"); {@link RetrievalApi} serves the rest.
 */
final class XrayApi {

    static final Duration MAX_SUMMARY_WINDOW = Duration.ofHours(24);
    static final int MAX_BATCH = 5;
    private static final Map<String, String> PATHS = Map.of("/ServiceGraph", "GetServiceGraph", "/TraceSummaries",
            "GetTraceSummaries", "/Traces", "BatchGetTraces", "/TraceSegments", "PutTraceSegments");
    private static final Comparator<TraceStore.View> NEWEST_FIRST = Comparator
            .comparingDouble((TraceStore.View v) -> v.summary().startTime()).reversed()
            .thenComparing(v -> v.summary().id());

    private final TraceStore store;
    private final int pageSize;
    private final TransactionSearch search;
    private final RetrievalApi retrievals;

    XrayApi(TraceStore store, int pageSize, TransactionSearch search) {
        this.store = store;
        this.pageSize = pageSize;
        this.search = search;
        this.retrievals = new RetrievalApi(store, search, pageSize);
    }

    static String operation(String path) {
        if (TraceGraphApi.PATH.equals(path)) return TraceGraphApi.OPERATION;
        String op = PATHS.get(path);
        return op != null ? op : RetrievalApi.PATHS.get(path);
    }

    /** {@code fails}: a job started by this request (a retrieval) is to end FAILED. */
    ObjectNode handle(String operation, JsonNode body, boolean fails) {
        if (RetrievalApi.PATHS.containsValue(operation)) return retrievals.handle(operation, body, fails);
        return switch (operation) {
            case "GetServiceGraph" -> serviceGraph(body);
            case "GetTraceSummaries" -> traceSummaries(body);
            case "BatchGetTraces" -> batchGetTraces(body);
            case "PutTraceSegments" -> putTraceSegments(body);
            case TraceGraphApi.OPERATION -> TraceGraphApi.handle(store, pageSize, body);
            default -> throw new ApiError(404, "UnknownOperationException", "unknown operation " + operation);
        };
    }

    private ObjectNode serviceGraph(JsonNode body) {
        TimeWindow window = window(body);
        List<Trace> traces = new ArrayList<>();
        for (TraceStore.View v : store.views()) if (window.contains(v.summary().startTime())) traces.add(v.trace());
        ServiceGraph graph = ServiceGraphBuilder.build(traces, window.start(), window.end());
        ObjectNode out = XrayJson.serviceGraph(graph);
        ArrayNode all = (ArrayNode) out.get("Services");
        int from = offset(ServeServer.text(body, "NextToken"), all.size());
        ArrayNode page = out.putArray("Services");
        for (int i = from; i < Math.min(all.size(), from + pageSize); i++) page.add(all.get(i));
        if (from + pageSize < all.size()) out.put("NextToken", encode("s" + (from + pageSize)));
        out.put("ContainsOldGroupVersions", false);
        return out;
    }

    private ObjectNode traceSummaries(JsonNode body) {
        TimeWindow window = window(body);
        if (window.span().compareTo(MAX_SUMMARY_WINDOW) > 0) {
            throw new ApiError(400, "InvalidRequestException",
                    "Time range must be at most 24 hours; it is " + window.span().toMinutes() + " minutes");
        }
        String expression = RequestFields.string(body, "FilterExpression");
        Filter filter;
        try {
            filter = expression == null || expression.isBlank() ? Filter.ALL : FilterParser.parse(expression);
        } catch (FilterSyntaxException e) {
            throw new ApiError(400, "InvalidRequestException", "Invalid filter expression: " + e.getMessage());
        }
        String token = ServeServer.text(body, "NextToken");
        double afterStart = Double.POSITIVE_INFINITY;
        String afterId = "";
        if (token != null && !token.isEmpty()) {
            String raw = decode(token);
            int bar = raw.indexOf('|');
            if (!raw.startsWith("t") || bar < 0) throw new ApiError(400, "InvalidRequestException", "invalid NextToken");
            try {
                afterStart = Double.parseDouble(raw.substring(1, bar));
            } catch (NumberFormatException e) {
                throw new ApiError(400, "InvalidRequestException", "invalid NextToken");
            }
            afterId = raw.substring(bar + 1);
        }
        List<TraceStore.View> matching = new ArrayList<>();
        int scanned = 0;
        for (TraceStore.View v : store.views()) {
            if (!window.contains(v.summary().startTime())) continue;
            if (!search.indexed(v.summary().id())) continue; // under Transaction Search only a share is indexed
            scanned++;
            if (filter.matches(v.trace())) matching.add(v);
        }
        matching.sort(NEWEST_FIRST);
        ObjectNode out = ServeServer.JSON.createObjectNode();
        ArrayNode items = out.putArray("TraceSummaries");
        TraceStore.View last = null;
        boolean more = false;
        for (TraceStore.View v : matching) {
            double start = v.summary().startTime();
            boolean after = start < afterStart || (start == afterStart && v.summary().id().compareTo(afterId) > 0);
            if (!after) continue;
            if (items.size() == pageSize) {
                more = true;
                break;
            }
            items.add(RootCauseJson.put(XrayJson.traceSummary(v.summary()), RootCauses.of(v.trace())));
            last = v;
        }
        out.put("ApproximateTime", Instant.now().getEpochSecond());
        out.put("TracesProcessedCount", scanned);
        if (more) out.put("NextToken", encode("t" + last.summary().startTime() + "|" + last.summary().id()));
        return out;
    }

    private ObjectNode batchGetTraces(JsonNode body) {
        JsonNode ids = body.get("TraceIds");
        if (ids == null || !ids.isArray()) throw new ApiError(400, "InvalidRequestException", "TraceIds is required");
        if (ids.size() > MAX_BATCH) {
            throw new ApiError(400, "InvalidRequestException",
                    "TraceIds: at most " + MAX_BATCH + " ids per call, got " + ids.size());
        }
        ObjectNode out = ServeServer.JSON.createObjectNode();
        ArrayNode traces = out.putArray("Traces");
        ArrayNode unprocessed = out.putArray("UnprocessedTraceIds");
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode id : ids) {
            if (!seen.add(id.asText())) continue;
            Trace t = search.enabled() ? null : store.trace(id.asText()); // not indexed in X-Ray under Transaction Search
            if (t == null || t.documents().isEmpty()) unprocessed.add(id.asText());
            else traces.add(XrayJson.trace(t));
        }
        return out;
    }

    private ObjectNode putTraceSegments(JsonNode body) {
        JsonNode docs = body.get("TraceSegmentDocuments");
        if (docs == null || !docs.isArray()) {
            throw new ApiError(400, "InvalidRequestException", "TraceSegmentDocuments is required");
        }
        if (docs.size() > RequestLimits.MAX_DOCUMENTS) {
            throw RequestLimits.tooManyDocuments(String.valueOf(docs.size()));
        }
        ObjectNode out = ServeServer.JSON.createObjectNode();
        ArrayNode unprocessed = out.putArray("UnprocessedTraceSegments");
        List<Diagnostic> diagnostics = new ArrayList<>();
        int i = 0;
        for (JsonNode d : docs) {
            String where = "PutTraceSegments[" + i++ + "]";
            String refused = refusedUnread(d);
            if (refused != null) {
                unprocessed.addObject().put("ErrorCode", "InvalidSegment").put("Message", refused);
                continue;
            }
            ParseResult read = SegmentDocuments.readDocument(d.textValue(), where);
            diagnostics.addAll(read.diagnostics());
            if (read.segments().isEmpty()) {
                ObjectNode u = unprocessed.addObject();
                Optional<Diagnostic> rejection = read.rejection();
                rejection.map(Diagnostic::documentId).filter(id -> !id.isEmpty())
                        .ifPresent(id -> u.put("Id", RequestLimits.echo(id)));
                u.put("ErrorCode", "InvalidSegment").put("Message", RequestLimits.echo(
                        rejection.map(Diagnostic::message).orElse("not a segment document")));
            } else {
                read.segments().forEach(store::ingest);
            }
        }
        store.addDiagnostics(diagnostics);
        return out;
    }

    /** Why a document is refused before it is parsed (not a string, over 64 KB), or null. */
    private static String refusedUnread(JsonNode d) {
        if (!d.isTextual()) return "a segment document must be a JSON string, not " + d.getNodeType().name().toLowerCase();
        String text = d.textValue();
        if (text.length() * 3L <= RequestLimits.MAX_DOCUMENT_BYTES) return null; // surely small enough
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        return bytes <= RequestLimits.MAX_DOCUMENT_BYTES ? null : "segment document of " + bytes
                + " bytes is over X-Ray's limit of 64 KB (" + RequestLimits.MAX_DOCUMENT_BYTES + " bytes)";
    }

    static TimeWindow window(JsonNode body) {
        Instant start = instant(body, "StartTime");
        Instant end = instant(body, "EndTime");
        if (end.isBefore(start)) throw new ApiError(400, "InvalidRequestException", "EndTime is before StartTime");
        return new TimeWindow(start, end);
    }

    /** A timestamp as the SDKs send it: epoch seconds (possibly fractional) or ISO-8601. */
    private static Instant instant(JsonNode body, String field) {
        JsonNode t = body.get(field);
        if (t == null || t.isNull()) throw new ApiError(400, "InvalidRequestException", field + " is required");
        try {
            if (t.isNumber() || t.asText().matches("\\d+(\\.\\d+)?")) {
                BigDecimal d = new BigDecimal(t.asText());
                long s = d.longValue();
                return Instant.ofEpochSecond(s, d.subtract(BigDecimal.valueOf(s)).movePointRight(9).longValue());
            }
            return OffsetDateTime.parse(t.asText()).toInstant();
        } catch (RuntimeException e) {
            throw new ApiError(400, "InvalidRequestException", field + " is not a timestamp: " + t.asText());
        }
    }

    static Instant instant(double epochSeconds) {
        long s = (long) Math.floor(epochSeconds);
        return Instant.ofEpochSecond(s, Math.round((epochSeconds - s) * 1e9));
    }

    private static int offset(String token, int size) {
        if (token == null || token.isEmpty()) return 0;
        String raw = decode(token);
        try {
            int n = Integer.parseInt(raw.substring(1));
            if (!raw.startsWith("s") || n < 0 || n > size) throw new NumberFormatException();
            return n;
        } catch (RuntimeException e) {
            throw new ApiError(400, "InvalidRequestException", "invalid NextToken");
        }
    }

    static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "InvalidRequestException", "invalid NextToken");
        }
    }
}
