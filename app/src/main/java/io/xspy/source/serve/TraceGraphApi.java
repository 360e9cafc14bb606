package io.xspy.source.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.graph.ServiceGraph;
import io.xspy.graph.ServiceGraphBuilder;
import io.xspy.source.XrayJson;
import io.xspy.source.local.TraceStore;
import io.xspy.trace.Trace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * GetTraceGraph (POST /TraceGraph): the service graph of one to five traces, its Services in the shape
 * of GetServiceGraph's, paged with NextToken. As in X-Ray, TraceIds holds 1 to 5 ids of at most 35
 * characters; ids the store does not hold add nothing.
 */
final class TraceGraphApi {

    static final String PATH = "/TraceGraph";
    static final String OPERATION = "GetTraceGraph";
    static final int MAX_IDS = 5;
    static final int MAX_ID_LENGTH = 35;

    private TraceGraphApi() {}

    static ObjectNode handle(TraceStore store, int pageSize, JsonNode body) {
        List<Trace> traces = new ArrayList<>();
        for (String id : ids(body)) {
            Trace t = store.trace(id);
            if (t != null && !t.documents().isEmpty()) traces.add(t);
        }
        double start = traces.stream().mapToDouble(Trace::startTime).min().orElse(0);
        double end = traces.stream().mapToDouble(Trace::endTime).max().orElse(0);
        ServiceGraph graph = ServiceGraphBuilder.build(traces, instant(start), instant(end));
        ArrayNode all = (ArrayNode) XrayJson.serviceGraph(graph).get("Services");
        int from = offset(RequestFields.string(body, "NextToken"), all.size());
        ObjectNode out = ServeServer.JSON.createObjectNode();
        ArrayNode page = out.putArray("Services");
        for (int i = from; i < Math.min(all.size(), from + pageSize); i++) page.add(all.get(i));
        if (from + pageSize < all.size()) out.put("NextToken", XrayApi.encode("g" + (from + pageSize)));
        return out;
    }

    private static Set<String> ids(JsonNode body) {
        JsonNode ids = body.get("TraceIds");
        if (ids == null || ids.isNull()) throw new ApiError(400, "InvalidRequestException", "TraceIds is required");
        if (!ids.isArray()) {
            throw new ApiError(400, "SerializationException", "TraceIds must be a list of trace ids");
        }
        if (ids.isEmpty() || ids.size() > MAX_IDS) {
            throw new ApiError(400, "InvalidRequestException",
                    "TraceIds: 1 to " + MAX_IDS + " ids per call, got " + ids.size());
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode id : ids) {
            if (!id.isTextual()) throw new ApiError(400, "SerializationException", "TraceIds must hold strings");
            String text = id.asText();
            if (text.isEmpty() || text.length() > MAX_ID_LENGTH) {
                throw new ApiError(400, "InvalidRequestException",
                        "TraceIds: each id has 1 to " + MAX_ID_LENGTH + " characters");
            }
            out.add(text);
        }
        return out;
    }

    private static int offset(String token, int size) {
        if (token == null || token.isEmpty()) return 0;
        String raw = XrayApi.decode(token);
        try {
            int n = Integer.parseInt(raw.substring(1));
            if (!raw.startsWith("g") || n < 0 || n > size) throw new NumberFormatException();
            return n;
        } catch (RuntimeException e) {
            throw new ApiError(400, "InvalidRequestException", "invalid NextToken");
        }
    }

    private static Instant instant(double epochSeconds) {
        long s = (long) Math.floor(epochSeconds);
        return Instant.ofEpochSecond(s, Math.round((epochSeconds - s) * 1e9));
    }
}
