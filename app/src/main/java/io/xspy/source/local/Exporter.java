package io.xspy.source.local;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.source.LogCorrelation;
import io.xspy.source.SourceException;
import io.xspy.source.XrayJson;
import io.xspy.source.otel.OtlpJson;
import io.xspy.source.otel.SpanWriter;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.xspy.trace.LogLine;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceSummary;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes the store as NDJSON that {@link FileLoader} reads back: one segment document per line, as it
 * was sent (the documents of each trace), then one log event per line in the format FileLoader
 * documents ({@code logGroupName}, {@code logStreamName}, {@code timestamp} in ms, {@code message}),
 * then each trace known only by its summary as a one-entry {@code {"TraceSummaries":[…]}} line (the
 * shape of get-trace-summaries output). Nothing is invented: the screen's "log group not found"
 * markers are not log events and are never written.
 */
public final class Exporter {

    private Exporter() {}

    public record Written(int documents, int logEvents, int summaries) {
        public Written(int documents, int logEvents) {
            this(documents, logEvents, 0);
        }
    }

    /** Writes a new file; an existing one is an error (nothing is touched). */
    public static Written export(TraceStore store, Path path) {
        return export(store, path, false);
    }

    /**
     * Writes to a temporary file beside {@code path} and renames it into place, so an interrupted
     * export leaves no half file and the old file intact. An existing file is replaced only when
     * {@code replace} is set.
     */
    public static Written export(TraceStore store, Path path, boolean replace) {
        return export(store, path, replace, false);
    }

    /** As above; {@code otlp} writes OTLP JSON (see {@link #exportOtlp}) instead of segment documents. */
    public static Written export(TraceStore store, Path path, boolean replace, boolean otlp) {
        Path target = path.toAbsolutePath();
        if (Files.isDirectory(target)) throw new SourceException("cannot write " + path + ": Is a directory");
        if (!replace && Files.exists(target)) {
            throw new SourceException(path + " already exists; add --force to replace it");
        }
        Path temp = null;
        try {
            // created as any new file is (the umask decides), not 0600 as a temporary file would be
            temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + System.nanoTime() + ".partial");
            Written written;
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                written = otlp ? exportOtlp(store, out) : export(store, out);
            }
            if (Files.exists(target)) keepPermissions(target, temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            return written;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new SourceException("cannot write " + path + ": no such directory");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new SourceException("cannot write " + path + ": Permission denied");
        } catch (IOException e) {
            throw new SourceException("cannot write " + path + ": " + e.getMessage());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the message about the failed write is the one that matters
                }
            }
        }
    }

    /** A replaced file keeps its permissions. */
    private static void keepPermissions(Path from, Path to) {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (IOException | UnsupportedOperationException ignored) {
            // not a POSIX file system: the new file has the default permissions
        }
    }

    /**
     * OTLP JSON, one ExportTraceServiceRequest per trace a line (what the Collector's file exporter
     * writes, and what --file, otel-tui's and a Collector's JSON readers take). Log events and traces
     * known only by their summary have no place in a trace request and are not written.
     */
    public static Written exportOtlp(TraceStore store, Writer out) throws IOException {
        int spans = 0;
        for (Trace t : store.traces()) {
            if (t.roots().isEmpty()) continue;
            ExportTraceServiceRequest request = SpanWriter.request(t);
            for (var rs : request.getResourceSpansList()) for (var ss : rs.getScopeSpansList()) spans += ss.getSpansCount();
            out.write(OtlpJson.write(request));
            out.write('\n');
        }
        out.flush();
        return new Written(spans, 0, 0);
    }

    public static Written export(TraceStore store, Writer out) throws IOException {
        int documents = 0;
        for (Trace t : store.traces()) {
            for (Segment doc : t.documents()) {
                String raw = doc.rawText();
                if (raw == null) continue; // built in code, not read: nothing as sent to write
                out.write(raw);
                out.write('\n');
                documents++;
            }
        }
        int events = 0;
        for (LogLine l : store.allLogs()) {
            if (LogCorrelation.isMissingGroup(l)) continue; // a marker for the screen, not an event
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("logGroupName", l.logGroup());
            n.put("logStreamName", l.logStream());
            n.put("timestamp", Math.round(l.timestamp() * 1000));
            n.put("message", l.message());
            out.write(n.toString());
            out.write('\n');
            events++;
        }
        int summaries = 0;
        for (TraceSummary s : store.summariesOnly()) {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.putArray("TraceSummaries").add(XrayJson.traceSummary(s));
            out.write(n.toString());
            out.write('\n');
            summaries++;
        }
        out.flush();
        return new Written(documents, events, summaries);
    }
}
