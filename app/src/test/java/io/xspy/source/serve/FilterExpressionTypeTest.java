package io.xspy.source.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xspy.source.local.TraceStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A FilterExpression that is not a string is a bad request, not "no filter". */
class FilterExpressionTypeTest {

    ServeServer serve;

    @BeforeEach
    void start() {
        TraceStore store = new TraceStore();
        GeneratedTraces.load(store, 3, Instant.now().getEpochSecond() - 60);
        serve = ServeServer.start(store, "127.0.0.1", 0, FaultPlan.none());
    }

    @AfterEach
    void stop() {
        serve.close();
    }

    HttpResponse<String> post(String filterJson) throws Exception {
        long now = Instant.now().getEpochSecond();
        String body = "{\"StartTime\":" + (now - 3600) + ",\"EndTime\":" + now + ",\"FilterExpression\":" + filterJson + "}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(serve.endpoint() + "/TraceSummaries"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"service\":\"x\"}", "[\"fault\"]", "5", "true"})
    void a_filter_that_is_not_a_string_is_refused_with_a_validation_error(String filterJson) throws Exception {
        HttpResponse<String> r = post(filterJson);
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("SerializationException", r.headers().firstValue("x-amzn-ErrorType").orElse(""), r.body());
        JsonNode error = new ObjectMapper().readTree(r.body());
        assertTrue(error.path("message").asText().contains("FilterExpression"), r.body());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"fault OR ok\"", "null", "\"\""})
    void a_string_or_null_filter_is_served(String filterJson) throws Exception {
        HttpResponse<String> r = post(filterJson);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(3, new ObjectMapper().readTree(r.body()).path("TraceSummaries").size(), r.body());
    }
}
