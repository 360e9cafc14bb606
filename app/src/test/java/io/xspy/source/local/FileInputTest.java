package io.xspy.source.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.graph.Fixtures;
import io.xspy.source.XrayJson;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files as users have them: large, with a byte-order mark, with a byte that is not UTF-8. */
class FileInputTest {
    @TempDir Path dir;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static String ndjson(int traces) throws Exception {
        StringWriter out = new StringWriter();
        ManyTraces.write(out, traces);
        return out.toString();
    }

    private Path write(String name, byte[]... parts) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) all.write(p);
        return Files.write(dir.resolve(name), all.toByteArray());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void maxTracesIsHonouredWhileReading() throws Exception {
        Path file = Files.writeString(dir.resolve("many.ndjson"), ndjson(300));
        TraceStore store = new TraceStore(50, 1000);
        FileLoader.Loaded loaded = FileLoader.load(file, store);
        assertEquals(300, loaded.segments());
        assertEquals(50, store.counters().traces());
        assertEquals(250, store.counters().evicted());
    }

    @Test
    void aByteThatIsNotUtf8CostsOneCharacterAndIsReportedByLine() throws Exception {
        String[] lines = ndjson(3).split("\n");
        byte[] second = utf8(lines[1].replaceFirst("orders-1", "orders-\u0001"));
        second[indexOf(second, (byte) 1)] = (byte) 0xFF; // an invalid UTF-8 byte inside a string value
        Path file = write("bad.ndjson", utf8(lines[0] + "\n"), second, utf8("\n" + lines[2] + "\n"));
        TraceStore store = new TraceStore();
        FileLoader.Loaded loaded = FileLoader.load(file, store);
        assertEquals(3, loaded.segments(), loaded.diagnostics().toString());
        assertEquals(List.of("bad.ndjson: line 2: bytes that are not UTF-8, read as \uFFFD"),
                loaded.diagnostics().stream().map(Object::toString).toList());
    }

    @Test
    void aByteOrderMarkIsSkippedInNdjsonAndInBatchGetTracesOutput() throws Exception {
        Path nd = write("bom.ndjson", BOM, utf8(ndjson(2)));
        FileLoader.Loaded a = FileLoader.load(nd, new TraceStore());
        assertEquals(new FileLoader.Loaded(2, 0, 0, List.of()), a);

        List<String> docs = Fixtures.invocation(1, Fixtures.T0, 0.1, 0.08, false, 0.02, "");
        StringBuilder json = new StringBuilder("{\n    \"Traces\": [\n        {\"Id\": \"" + Fixtures.traceId(1) + "\", \"Segments\": [");
        for (int i = 0; i < docs.size(); i++) {
            if (i > 0) json.append(',');
            json.append("\n{\"Id\":\"x\",\"Document\":").append(XrayJson.JSON.writeValueAsString(docs.get(i))).append('}');
        }
        json.append("]}\n    ],\n    \"UnprocessedTraceIds\": []\n}\n");
        Path batch = write("bom.json", BOM, utf8(json.toString()));
        FileLoader.Loaded b = FileLoader.load(batch, new TraceStore());
        assertEquals(new FileLoader.Loaded(3, 0, 0, List.of()), b);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) if (bytes[i] == b) return i;
        throw new AssertionError("no byte " + b);
    }
}
