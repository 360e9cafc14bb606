package io.xspy.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.graph.Histogram;
import io.xspy.graph.ServiceGraph;
import io.xspy.graph.Statistics;
import io.xspy.trace.HttpInfo;
import io.xspy.trace.Segment;
import io.xspy.trace.ServiceId;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The X-Ray API's JSON shapes (field names as in the X-Ray API reference): GetServiceGraph's
 * Services, GetTraceSummaries' TraceSummaries entries and BatchGetTraces' Traces entries, written from
 * the model and read back. Times are written as epoch seconds (numbers, as the API sends them) and
 * read from numbers or ISO-8601 strings (as the AWS CLI prints them).
 *
 * <p>What the API has no field for is not carried: TraceSummary.coldStart reads back false. A
 * service's DurationHistogram is written equal to its ResponseTimeHistogram (a segment's duration is
 * its response time); edges are written under their source service with the target's ReferenceId.
 */
public final class XrayJson {

    public static final ObjectMapper JSON = new ObjectMapper();

    private XrayJson() {}

    // ---- GetServiceGraph ----

    /** The GetServiceGraph response: StartTime, EndTime, Services. */
    public static ObjectNode serviceGraph(ServiceGraph graph) {
        ObjectNode out = JSON.createObjectNode();
        out.put("StartTime", seconds(graph.start()));
        out.put("EndTime", seconds(graph.end()));
        ArrayNode services = out.putArray("Services");
        for (ServiceGraph.Node n : graph.services()) {
            ObjectNode s = services.addObject();
            s.put("ReferenceId", n.referenceId());
            s.put("Name", n.id().name());
            names(s.putArray("Names"), n.id().names());
            if (n.id().accountId() != null) s.put("AccountId", n.id().accountId());
            s.put("Root", n.root());
            s.put("Type", n.id().type());
            s.put("State", "active");
            s.put("StartTime", seconds(graph.start()));
            s.put("EndTime", seconds(graph.end()));
            ArrayNode edges = s.putArray("Edges");
            for (ServiceGraph.Edge e : graph.calleesOf(n.referenceId())) {
                ObjectNode edge = edges.addObject();
                edge.put("ReferenceId", e.targetId());
                edge.put("StartTime", seconds(graph.start()));
                edge.put("EndTime", seconds(graph.end()));
                edge.set("SummaryStatistics", statistics(e.summary()));
                edge.set("ResponseTimeHistogram", histogram(e.responseTimes()));
                edge.putArray("Aliases");
            }
            s.set("SummaryStatistics", statistics(n.summary()));
            s.set("DurationHistogram", histogram(n.responseTimes()));
            s.set("ResponseTimeHistogram", histogram(n.responseTimes()));
        }
        return out;
    }

    /** Reads a GetServiceGraph (or GetTraceGraph) response. */
    public static ServiceGraph readServiceGraph(JsonNode json) {
        List<ServiceGraph.Node> nodes = new ArrayList<>();
        List<ServiceGraph.Edge> edges = new ArrayList<>();
        for (JsonNode s : json.path("Services")) {
            int ref = s.path("ReferenceId").asInt();
            ServiceId id = new ServiceId(s.path("Name").asText(null), strings(s.path("Names")),
                    s.path("AccountId").asText(null), s.path("Type").asText(null));
            JsonNode histogram = s.has("ResponseTimeHistogram") ? s.get("ResponseTimeHistogram") : s.path("DurationHistogram");
            nodes.add(new ServiceGraph.Node(ref, id, s.path("Root").asBoolean(false),
                    readStatistics(s.path("SummaryStatistics")), readHistogram(histogram)));
            for (JsonNode e : s.path("Edges")) {
                edges.add(new ServiceGraph.Edge(ref, e.path("ReferenceId").asInt(),
                        readStatistics(e.path("SummaryStatistics")), readHistogram(e.path("ResponseTimeHistogram"))));
            }
        }
        return new ServiceGraph(instant(json.get("StartTime")), instant(json.get("EndTime")), nodes, edges);
    }

    public static ObjectNode statistics(Statistics st) {
        ObjectNode out = JSON.createObjectNode();
        out.put("OkCount", st.okCount());
        ObjectNode errors = out.putObject("ErrorStatistics");
        errors.put("ThrottleCount", st.errorThrottleCount());
        errors.put("OtherCount", st.errorOtherCount());
        errors.put("TotalCount", st.errorTotal());
        ObjectNode faults = out.putObject("FaultStatistics");
        faults.put("OtherCount", st.faultOtherCount());
        faults.put("TotalCount", st.faultTotal());
        out.put("TotalCount", st.totalCount());
        out.put("TotalResponseTime", st.totalResponseTime());
        return out;
    }

    public static Statistics readStatistics(JsonNode st) {
        return new Statistics(st.path("OkCount").asLong(), st.path("ErrorStatistics").path("ThrottleCount").asLong(),
                st.path("ErrorStatistics").path("OtherCount").asLong(), st.path("FaultStatistics").path("OtherCount").asLong(),
                st.path("TotalCount").asLong(), st.path("TotalResponseTime").asDouble());
    }

    public static ArrayNode histogram(Histogram h) {
        ArrayNode out = JSON.createArrayNode();
        for (Histogram.Bucket b : h.buckets()) out.addObject().put("Value", b.value()).put("Count", b.count());
        return out;
    }

    public static Histogram readHistogram(JsonNode h) {
        List<Histogram.Bucket> buckets = new ArrayList<>();
        for (JsonNode b : h) buckets.add(new Histogram.Bucket(b.path("Value").asDouble(), b.path("Count").asLong()));
        buckets.sort((a, b) -> Double.compare(a.value(), b.value()));
        return new Histogram(buckets);
    }

    // ---- GetTraceSummaries ----

    public static ObjectNode traceSummary(TraceSummary t) {
        ObjectNode out = JSON.createObjectNode();
        out.put("Id", t.id());
        out.put("StartTime", t.startTime());
        out.put("Duration", t.duration());
        out.put("ResponseTime", t.responseTime());
        out.put("HasFault", t.hasFault());
        out.put("HasError", t.hasError());
        out.put("HasThrottle", t.hasThrottle());
        out.put("IsPartial", t.isPartial());
        ObjectNode http = out.putObject("Http");
        HttpInfo h = t.http();
        if (h.url() != null) http.put("HttpURL", h.url());
        if (h.status() != null) http.put("HttpStatus", h.status());
        if (h.method() != null) http.put("HttpMethod", h.method());
        if (h.userAgent() != null) http.put("UserAgent", h.userAgent());
        if (h.clientIp() != null) http.put("ClientIp", h.clientIp());
        ObjectNode annotations = out.putObject("Annotations");
        t.annotations().forEach((key, values) -> {
            ArrayNode list = annotations.putArray(key);
            for (Object v : values) {
                ObjectNode entry = list.addObject();
                ObjectNode value = entry.putObject("AnnotationValue");
                if (v instanceof Boolean b) value.put("BooleanValue", b);
                else if (v instanceof Number n) value.put("NumberValue", n.doubleValue());
                else value.put("StringValue", String.valueOf(v));
                entry.putArray("ServiceIds");
            }
        });
        ArrayNode users = out.putArray("Users");
        for (String u : t.users()) {
            ObjectNode user = users.addObject();
            user.put("UserName", u);
            user.putArray("ServiceIds");
        }
        ArrayNode services = out.putArray("ServiceIds");
        for (ServiceId id : t.serviceIds()) services.add(serviceId(id));
        if (t.entryPoint() != null) out.set("EntryPoint", serviceId(t.entryPoint()));
        return out;
    }

    /** Reads one TraceSummaries entry. StartTime is absent in older outputs: then 0. */
    public static TraceSummary readTraceSummary(JsonNode t) {
        JsonNode h = t.path("Http");
        HttpInfo http = new HttpInfo(h.path("HttpMethod").asText(null), h.path("HttpURL").asText(null),
                h.path("UserAgent").asText(null), h.path("ClientIp").asText(null), null, null,
                h.has("HttpStatus") ? h.get("HttpStatus").asInt() : null, null);
        Map<String, List<Object>> annotations = new LinkedHashMap<>();
        t.path("Annotations").fields().forEachRemaining(e -> {
            List<Object> values = new ArrayList<>();
            for (JsonNode entry : e.getValue()) {
                JsonNode v = entry.path("AnnotationValue");
                if (v.has("BooleanValue")) values.add(v.get("BooleanValue").asBoolean());
                else if (v.has("NumberValue")) values.add(v.get("NumberValue").asDouble());
                else if (v.has("StringValue")) values.add(v.get("StringValue").asText());
            }
            annotations.put(e.getKey(), values);
        });
        List<String> users = new ArrayList<>();
        for (JsonNode u : t.path("Users")) if (u.has("UserName")) users.add(u.get("UserName").asText());
        List<ServiceId> services = new ArrayList<>();
        for (JsonNode s : t.path("ServiceIds")) services.add(readServiceId(s));
        JsonNode start = t.get("StartTime");
        return new TraceSummary(t.path("Id").asText(), start == null ? 0 : epochSeconds(start),
                t.path("Duration").asDouble(), t.path("ResponseTime").asDouble(), t.path("HasFault").asBoolean(),
                t.path("HasError").asBoolean(), t.path("HasThrottle").asBoolean(), t.path("IsPartial").asBoolean(),
                http.isEmpty() ? HttpInfo.NONE : http, annotations, users, services,
                t.has("EntryPoint") ? readServiceId(t.get("EntryPoint")) : null, false);
    }

    public static ObjectNode serviceId(ServiceId id) {
        ObjectNode out = JSON.createObjectNode();
        out.put("Name", id.name());
        names(out.putArray("Names"), id.names());
        if (id.accountId() != null) out.put("AccountId", id.accountId());
        out.put("Type", id.type());
        return out;
    }

    public static ServiceId readServiceId(JsonNode s) {
        return new ServiceId(s.path("Name").asText(null), strings(s.path("Names")), s.path("AccountId").asText(null),
                s.path("Type").asText(null));
    }

    // ---- BatchGetTraces ----

    /** One Traces entry: Id, Duration, LimitExceeded, Segments[{Id, Document}] with each document as sent. */
    public static ObjectNode trace(Trace trace) {
        ObjectNode out = JSON.createObjectNode();
        out.put("Id", trace.id());
        out.put("Duration", trace.duration());
        out.put("LimitExceeded", false);
        ArrayNode segments = out.putArray("Segments");
        for (Segment doc : trace.documents()) {
            segments.addObject().put("Id", doc.id()).put("Document", doc.rawText());
        }
        return out;
    }

    // ---- helpers ----

    private static void names(ArrayNode out, List<String> names) {
        for (String n : names) out.add(n);
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : a) out.add(n.asText());
        return out;
    }

    /** Epoch seconds with millisecond-or-better precision and no binary noise (1.7e9 + 0.1). */
    private static BigDecimal seconds(Instant t) {
        if (t.getNano() == 0) return BigDecimal.valueOf(t.getEpochSecond());
        return BigDecimal.valueOf(t.getEpochSecond()).add(BigDecimal.valueOf(t.getNano(), 9)).stripTrailingZeros();
    }

    private static double epochSeconds(JsonNode t) {
        if (t.isNumber()) return t.asDouble();
        Instant i = OffsetDateTime.parse(t.asText()).toInstant();
        return i.getEpochSecond() + i.getNano() / 1e9;
    }

    private static Instant instant(JsonNode t) {
        if (t == null || t.isNull()) return Instant.EPOCH;
        if (t.isNumber()) {
            BigDecimal d = t.decimalValue();
            long s = d.longValue();
            return Instant.ofEpochSecond(s, d.subtract(BigDecimal.valueOf(s)).movePointRight(9).longValue());
        }
        return OffsetDateTime.parse(t.asText()).toInstant();
    }
}
