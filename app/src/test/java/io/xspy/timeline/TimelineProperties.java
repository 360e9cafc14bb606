package io.xspy.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.trace.ParseResult;
import io.xspy.trace.Segment;
import io.xspy.trace.SegmentDocuments;
import io.xspy.trace.TestTraces;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceAssembler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the input, parsing, assembly, layout and rendering never throw, and no cell of the
 * canvas holds a code point that could drive the terminal.
 */
class TimelineProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> FIXTURES =
            List.of("lambda-go.ndjson", "python-fault.json", "wide-names.ndjson", "edge-cases.ndjson");
    private static final String[] FIELDS = {"id", "trace_id", "parent_id", "name", "start_time", "end_time", "in_progress",
        "type", "origin", "namespace", "inferred", "precursor_ids", "user", "service", "http", "aws", "sql", "annotations",
        "metadata", "error", "throttle", "fault", "cause", "subsegments"};

    /** Strings meant to hurt a terminal: controls, escape sequences, C1, bidi overrides, wide and combining characters. */
    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> pieces = Arbitraries.of("\u001B[2J", "\u001B]0;pwned\u0007", "\u009B31m", "\u0085", "\r", "\n", "\t",
                "\u0000", "\u007F", "\u202E", "\u2066", "\u200F", "\u2028", "\uD800", "\uDFFF", "\uFEFF", "\u0301", "注文",
                "サービス", "\uD83D\uDE00", "\u2744", "\u00A0", "a", " ", "DynamoDB", "\uDB40\uDC41");
        Arbitrary<String> raw = Arbitraries.strings().all().ofMaxLength(12);
        return Arbitraries.oneOf(pieces, raw).list().ofMaxSize(8).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<JsonNode> randomJson() {
        return Arbitraries.lazyOf(
                () -> hostile().map(NODES::textNode),
                () -> Arbitraries.doubles().map(NODES::numberNode),
                () -> Arbitraries.longs().map(NODES::numberNode),
                () -> Arbitraries.of(true, false).map(NODES::booleanNode),
                () -> Arbitraries.just(NODES.nullNode()),
                () -> randomJson().list().ofMaxSize(3).map(l -> { ArrayNode a = NODES.arrayNode(); a.addAll(l); return a; }),
                () -> Combinators.combine(Arbitraries.of(FIELDS).list().ofMaxSize(4), randomJson().list().ofSize(4))
                        .as((keys, values) -> {
                            ObjectNode o = NODES.objectNode();
                            for (int i = 0; i < keys.size(); i++) o.set(keys.get(i), values.get(i));
                            return o;
                        }));
    }

    /** A fixture's documents with some fields deleted, retyped or replaced by hostile strings. */
    @Provide
    Arbitrary<String> mutatedDocuments() {
        return Combinators.combine(Arbitraries.of(FIXTURES), Arbitraries.longs(), hostile().list().ofSize(6),
                randomJson().list().ofSize(6), Arbitraries.integers().between(1, 12)).as((fixture, seed, strings, values, count) -> {
                    Random random = new Random(seed);
                    List<ObjectNode> docs = documents(fixture);
                    for (int i = 0; i < count; i++) {
                        List<ObjectNode> objects = new ArrayList<>();
                        for (ObjectNode d : docs) collectObjects(d, objects);
                        ObjectNode target = objects.get(random.nextInt(objects.size()));
                        String field = FIELDS[random.nextInt(FIELDS.length)];
                        switch (random.nextInt(3)) {
                            case 0 -> target.remove(field);
                            case 1 -> target.set(field, values.get(i % values.size()).deepCopy());
                            default -> target.put(field, strings.get(i % strings.size()));
                        }
                    }
                    StringBuilder out = new StringBuilder();
                    for (ObjectNode d : docs) out.append(d).append('\n');
                    return out.toString();
                });
    }

    @Property(tries = 300)
    void randomJsonNeverBreaksAnything(@ForAll("randomJson") JsonNode json, @ForAll @IntRange(min = 1, max = 400) int width) {
        checkEverything(json.toString(), width, json.hashCode());
        checkEverything("[" + json + "," + json + "]", width, width);
    }

    @Property(tries = 200)
    void arbitraryTextNeverBreaksAnything(@ForAll("hostile") String text, @ForAll @IntRange(min = 1, max = 400) int width) {
        checkEverything(text, width, text.hashCode());
        checkEverything("{" + text, width, 1);
    }

    @Property(tries = 400)
    void mutatedDocumentsNeverBreakAnything(@ForAll("mutatedDocuments") String ndjson,
            @ForAll @IntRange(min = 1, max = 400) int width, @ForAll long seed) {
        checkEverything(ndjson, width, seed);
    }

    @Property(tries = 200)
    void renderingAtAnyWidthAndViewNeverThrows(@ForAll @IntRange(min = 1, max = 400) int width, @ForAll boolean ascii,
            @ForAll double viewStart, @ForAll double viewEnd, @ForAll int first, @ForAll int max, @ForAll int selected) {
        for (String fixture : FIXTURES) {
            Trace t = TestTraces.fixture(fixture);
            List<TimelineRow> rows = TimelineLayout.rows(t, Set.of());
            TimelineOptions o = new TimelineOptions(width, ascii, viewStart, viewEnd, selected, first, max, first % 2 == 0);
            assertSafe(TimelineRenderer.render(t, rows, o));
        }
    }

    private static void checkEverything(String text, int width, long seed) {
        ParseResult parsed = SegmentDocuments.parse(text, "prop");
        for (var d : parsed.diagnostics()) assertFalse(d.toString().isEmpty());
        Random random = new Random(seed);
        List<Trace> traces = new ArrayList<>();
        traces.add(TraceAssembler.assemble("any", parsed.segments()));
        traces.addAll(TestTraces.traces(text, "prop"));
        for (Trace trace : traces) {
            Set<String> folded = new HashSet<>();
            for (Segment s : trace.nodesById().values()) if (random.nextInt(4) == 0) folded.add(s.id());
            List<TimelineRow> rows = TimelineLayout.rows(trace, folded);
            double span = trace.duration();
            TimelineOptions o = TimelineOptions.full(width, random.nextBoolean());
            if (random.nextBoolean()) o = o.withView(random.nextDouble() * span, random.nextDouble() * span * 2 - span / 2);
            o = o.withSelectedRow(random.nextInt(rows.size() + 2) - 1);
            Canvas c = TimelineRenderer.render(trace, rows, o);
            assertEquals(rows.size() + 1, c.height());
            assertSafe(c);
        }
    }

    static void assertSafe(Canvas c) {
        for (int y = 0; y < c.height(); y++) {
            for (int x = 0; x < c.width(); x++) {
                String s = c.cell(x, y).text();
                s.codePoints().forEach(cp -> assertFalse(Text.isUnsafe(cp), "unsafe U+" + Integer.toHexString(cp)));
            }
            assertTrue(Text.width(c.line(y)) <= c.width(), c.line(y));
        }
        String plain = AnsiText.of(c, false);
        plain.codePoints().forEach(cp -> assertTrue(cp == '\n' || !Text.isUnsafe(cp), "unsafe in output"));
    }

    private static List<ObjectNode> documents(String fixture) {
        List<ObjectNode> out = new ArrayList<>();
        for (Segment s : TestTraces.fixture(fixture).documents()) out.add(s.raw().deepCopy());
        return out;
    }

    private static void collectObjects(JsonNode n, List<ObjectNode> out) {
        if (n instanceof ObjectNode o) out.add(o);
        if (n.isContainerNode()) for (JsonNode child : n) collectObjects(child, out);
    }
}
