package io.xspy.source.serve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What one request may ask of serve, and how much request data all handlers may hold at once.
 * The per-call limits are X-Ray's own: at most 50 segment documents per PutTraceSegments (the batch
 * size of the X-Ray daemon and of the OpenTelemetry exporter, which both cite the API's limit) and
 * 64 KB per segment document (X-Ray's quota "segment document size").
 */
final class RequestLimits {

    static final int MAX_DOCUMENTS = 50;
    static final int MAX_DOCUMENT_BYTES = 64 * 1024;
    /** Bytes of one request body: 50 documents of 64 KB fit, JSON-escaped, with room to spare. */
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    /** Bytes of request bodies held by all handlers at once; beyond it a request is throttled. */
    static final int IN_FLIGHT_BYTES = 32 * 1024 * 1024;
    /**
     * JSON tokens (values, field names, brackets) in one request body. The largest real request
     * (GetSamplingTargets' 25 statistics, FilterLogEvents' 100 stream names) holds a few hundred; 8 MiB
     * of tiny values ("{},{},...") would become a tree of about 230 MiB.
     */
    static final int MAX_JSON_TOKENS = 10_000;
    /** Characters of a client's own text (an id) echoed back in a response. */
    static final int MAX_ECHO = 256;
    private static final int CHUNK = 64 * 1024;
    /** Bytes of a refused body read and dropped so that the client can read the refusal. */
    private static final long DRAIN_BYTES = 64L * 1024 * 1024;
    private static final long WAIT_FOR_ROOM_MS = 2000;

    private final Semaphore inFlight = new Semaphore(IN_FLIGHT_BYTES);

    /** The room one request's body takes from the shared budget; closing gives it back. */
    final class Lease implements AutoCloseable {
        private int held;

        /**
         * Reads a body of at most {@link #MAX_BODY_BYTES}, taking room as bytes arrive, so a client
         * that stalls holds only what it sent. A declared length over the limit is refused unread.
         */
        byte[] read(InputStream in, long declaredLength) throws IOException, InterruptedException {
            if (declaredLength > MAX_BODY_BYTES) throw tooLarge(in);
            ByteArrayOutputStream body = new ByteArrayOutputStream(
                    (int) Math.min(Math.max(declaredLength, 0), CHUNK));
            byte[] chunk = new byte[CHUNK];
            while (true) {
                take(CHUNK);
                int n = in.readNBytes(chunk, 0, CHUNK);
                body.write(chunk, 0, n);
                if (body.size() > MAX_BODY_BYTES) throw tooLarge(in);
                if (n < CHUNK) return body.toByteArray();
            }
        }

        private void take(int bytes) throws InterruptedException {
            if (!inFlight.tryAcquire(bytes, WAIT_FOR_ROOM_MS, TimeUnit.MILLISECONDS)) {
                throw new ApiError(429, "ThrottledException", "Rate exceeded: serve is busy with other requests");
            }
            held += bytes;
        }

        @Override
        public void close() {
            inFlight.release(held);
            held = 0;
        }
    }

    Lease lease() {
        return new Lease();
    }

    /** The refusal of a body over the limit, once the rest of it is dropped (see {@link #drain}). */
    private static ApiError tooLarge(InputStream in) {
        drain(in);
        return new ApiError(413, "RequestEntityTooLargeException",
                "request body over " + (MAX_BODY_BYTES >> 20) + " MiB; PutTraceSegments takes at most "
                        + MAX_DOCUMENTS + " documents of 64 KB each");
    }

    /**
     * Reads and drops what is left of a refused request's body (up to a bound): closing a socket with
     * unread data resets it, and the client would lose the answer.
     */
    static void drain(InputStream in) {
        long dropped = 0;
        byte[] sink = new byte[CHUNK];
        try {
            for (int n; dropped < DRAIN_BYTES && (n = in.read(sink)) > 0; ) dropped += n;
        } catch (IOException e) {
            // already read and closed, or the client went away: nothing left to drop
        }
    }

    /**
     * Counts PutTraceSegments' documents on the raw body, before a tree is built: 8 MiB of tiny
     * documents would make a tree many times that size only to be refused.
     */
    static void checkDocumentCount(ObjectMapper json, byte[] body) throws IOException {
        try (JsonParser p = json.getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("TraceSegmentDocuments".equals(field) && value == JsonToken.START_ARRAY) {
                    int n = 0;
                    for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
                        if (++n > MAX_DOCUMENTS) throw tooManyDocuments("more than " + MAX_DOCUMENTS);
                        p.skipChildren();
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            // not JSON: parsing the body says so in its own words
        }
    }

    static ApiError tooManyValues() {
        return new ApiError(413, "RequestEntityTooLargeException", "request body holds more than "
                + MAX_JSON_TOKENS + " JSON values; no X-Ray or CloudWatch Logs request needs that many");
    }

    static ApiError tooManyDocuments(String got) {
        return new ApiError(400, "InvalidRequestException", "TraceSegmentDocuments: at most " + MAX_DOCUMENTS
                + " documents per call, got " + got);
    }

    /** The client's text cut to {@link #MAX_ECHO} characters, so no response grows with a request. */
    static String echo(String s) {
        return s == null || s.length() <= MAX_ECHO ? s : s.substring(0, MAX_ECHO) + "...";
    }
}
