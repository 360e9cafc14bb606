package io.xspy.source.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.source.local.TraceStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PutTraceSegments keeps to X-Ray's limits, and no request grows serve or its answer without bound. */
class ServeLimitsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TRACE = "1-5f000000-000000000000000000000001";

    TraceStore store;
    ServeServer serve;

    @BeforeEach
    void start() {
        store = new TraceStore();
        serve = ServeServer.start(store, "127.0.0.1", 0, FaultPlan.none());
    }

    @AfterEach
    void stop() {
        serve.close();
    }

    static String segment(String id) {
        return "{\"trace_id\":\"" + TRACE + "\",\"id\":\"" + id + "\",\"name\":\"api\",\"start_time\":1.5e9,"
                + "\"end_time\":1500000001}";
    }

    static String put(List<String> documents) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode docs = body.putArray("TraceSegmentDocuments");
        documents.forEach(docs::add);
        return body.toString();
    }

    @Test
    void moreThanFiftyDocumentsInOneCallAreRefusedAsXrayDoes() throws Exception {
        Http.Reply r = Http.post(serve.endpoint(), "/TraceSegments", put(java.util.Collections.nCopies(51, "{}")));
        assertEquals(400, r.status(), r.body());
        assertEquals("InvalidRequestException", r.errorType());
        assertTrue(r.body().contains("at most 50 documents per call, got more than 50"), r.body());
        Http.Reply fifty = Http.post(serve.endpoint(), "/TraceSegments",
                put(java.util.Collections.nCopies(50, segment("a000000000000001"))));
        assertEquals(200, fifty.status(), fifty.body());
    }

    @Test
    void aDocumentOver64KbIsUnprocessedAndTheOthersAreKept() throws Exception {
        String big = segment("b000000000000001").replace("\"name\":\"api\"",
                "\"name\":\"api\",\"metadata\":{\"pad\":\"" + "x".repeat(64 * 1024) + "\"}");
        Http.Reply r = Http.post(serve.endpoint(), "/TraceSegments", put(List.of(big, segment("a000000000000001"))));
        assertEquals(200, r.status(), r.body());
        JsonNode unprocessed = JSON.readTree(r.body()).get("UnprocessedTraceSegments");
        assertEquals(1, unprocessed.size(), r.body());
        assertEquals("InvalidSegment", unprocessed.get(0).get("ErrorCode").asText());
        assertTrue(unprocessed.get(0).get("Message").asText().contains("64 KB"), r.body());
        assertEquals(1, store.trace(TRACE).documents().size());
    }

    @Test
    void aRejectedDocumentIsReportedWithTheReasonItWasRejected() throws Exception {
        Http.Reply r = Http.post(serve.endpoint(), "/TraceSegments", put(List.of("{}", "{\"id\":\"c1\",\"name\":\"x\"}")));
        JsonNode unprocessed = JSON.readTree(r.body()).get("UnprocessedTraceSegments");
        assertEquals(2, unprocessed.size(), r.body());
        for (JsonNode u : unprocessed) {
            assertTrue(u.get("Message").asText().contains("trace_id"), r.body());
        }
        assertEquals("c1", unprocessed.get(1).get("Id").asText());
    }

    @Test
    void aHugeIdIsNotEchoedInFull() throws Exception {
        String id = "d".repeat(20_000);
        Http.Reply r = Http.post(serve.endpoint(), "/TraceSegments", put(List.of("{\"id\":\"" + id + "\"}")));
        assertEquals(200, r.status(), r.body());
        assertTrue(r.body().length() < 2_000, "answer of " + r.body().length() + " characters");
    }

    /** 8 MiB of "{}," would become a tree of about 230 MiB; no X-Ray or Logs request holds that many values. */
    @Test
    void aBodyOfCountlessSmallValuesIsRefusedBeforeItBecomesATree() throws Exception {
        StringBuilder body = new StringBuilder("{\"StartTime\":1500000000,\"EndTime\":1500000060,\"padding\":[");
        for (int i = 0; i < RequestLimits.MAX_JSON_TOKENS; i++) body.append("{},");
        body.append("{}]}");
        Http.Reply r = Http.post(serve.endpoint(), "/TraceSummaries", body.toString());
        assertEquals(413, r.status(), r.body());
        assertEquals("RequestEntityTooLargeException", r.errorType());
        assertTrue(r.body().contains("more than " + RequestLimits.MAX_JSON_TOKENS + " JSON values"), r.body());
        assertTrue(!r.body().contains("StreamReadConstraints"), r.body());
        Http.Reply normal = Http.post(serve.endpoint(), "/TraceSummaries", "{\"StartTime\":1500000000,\"EndTime\":1500000060}");
        assertEquals(200, normal.status(), normal.body());
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhetherItsLengthIsDeclaredOrNot() throws Exception {
        byte[] huge = put(java.util.Collections.nCopies(16 * 1024 * 1024 / 5, "{}")).getBytes(StandardCharsets.UTF_8);
        Http.Reply declared = Http.post(serve.endpoint(), "/TraceSegments", new String(huge, StandardCharsets.UTF_8));
        assertEquals(413, declared.status(), declared.body());
        assertTrue(declared.body().length() < 1_000, declared.body());
        Http.Reply streamed = Http.postStreamed(serve.endpoint(), "/TraceSegments",
                () -> (InputStream) new ByteArrayInputStream(huge));
        assertEquals(413, streamed.status(), streamed.body());
        // what the refused requests held is given back
        Http.Reply after = Http.post(serve.endpoint(), "/TraceSegments", put(List.of(segment("e000000000000001"))));
        assertEquals(200, after.status(), after.body());
    }
}
