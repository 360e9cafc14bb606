package io.xspy.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads test fixtures from the class path and assembles them into traces. */
public final class TestTraces {
    private TestTraces() {}

    public static String resource(String path) {
        try (InputStream in = TestTraces.class.getResourceAsStream(path)) {
            assertNotNull(in, "test resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses text and assembles one trace per trace id, in order of first appearance. */
    public static List<Trace> traces(String text, String source) {
        ParseResult parsed = SegmentDocuments.parse(text, source);
        Map<String, List<Segment>> byTrace = new LinkedHashMap<>();
        for (Segment s : parsed.segments()) byTrace.computeIfAbsent(s.traceId(), k -> new ArrayList<>()).add(s);
        List<Trace> out = new ArrayList<>();
        byTrace.forEach((id, docs) -> out.add(TraceAssembler.assemble(id, docs)));
        return out;
    }

    /** The one trace of a fixture that parses without a single diagnostic. */
    public static Trace fixture(String name) {
        String path = "/fixtures/timeline/" + name;
        ParseResult parsed = SegmentDocuments.parse(resource(path), name);
        assertEquals(List.of(), parsed.diagnostics(), "diagnostics of " + name);
        List<Trace> traces = traces(resource(path), name);
        assertEquals(1, traces.size(), "traces in " + name);
        return traces.get(0);
    }

    /** Parses one document that must be valid. */
    public static Segment one(String json) {
        ParseResult parsed = SegmentDocuments.parse(json, "test");
        assertEquals(List.of(), parsed.diagnostics(), "diagnostics");
        assertEquals(1, parsed.segments().size(), "segments");
        return parsed.segments().get(0);
    }
}
