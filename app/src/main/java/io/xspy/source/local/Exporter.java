package io.xspy.source.local;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.source.SourceException;
import io.xspy.trace.LogLine;
import io.xspy.trace.Segment;
import io.xspy.trace.SegmentDocuments;
import io.xspy.trace.Trace;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the store as NDJSON that {@link FileLoader} reads back: one segment document per line, as it
 * was sent (the documents of each trace), then one log event per line in the format FileLoader
 * documents ({@code logGroupName}, {@code logStreamName}, {@code timestamp} in ms, {@code message}).
 */
public final class Exporter {

    private Exporter() {}

    public record Written(int documents, int logEvents) {}

    public static Written export(TraceStore store, Path path) {
        try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            return export(store, out);
        } catch (IOException e) {
            throw new SourceException("cannot write " + path + ": " + e.getMessage());
        }
    }

    public static Written export(TraceStore store, Writer out) throws IOException {
        int documents = 0;
        for (Trace t : store.traces()) {
            for (Segment doc : t.documents()) {
                if (doc.raw() == null) continue; // built in code, not read: nothing as sent to write
                out.write(doc.raw().toString());
                out.write('\n');
                documents++;
            }
        }
        int events = 0;
        for (LogLine l : store.allLogs()) {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("logGroupName", l.logGroup());
            n.put("logStreamName", l.logStream());
            n.put("timestamp", Math.round(l.timestamp() * 1000));
            n.put("message", l.message());
            out.write(n.toString());
            out.write('\n');
            events++;
        }
        out.flush();
        return new Written(documents, events);
    }
}
