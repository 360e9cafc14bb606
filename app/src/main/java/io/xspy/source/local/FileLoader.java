package io.xspy.source.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.xspy.source.SourceException;
import io.xspy.source.XrayJson;
import io.xspy.source.otel.OtlpJson;
import io.xspy.source.otel.OtlpTranslation;
import io.xspy.source.otel.SpanTranslator;
import com.google.protobuf.InvalidProtocolBufferException;
import io.xspy.trace.Diagnostic;
import io.xspy.trace.LogLine;
import io.xspy.trace.SegmentDocuments;
import io.xspy.trace.Segment;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code --file} inputs into a {@link TraceStore}: everything {@link SegmentDocuments} reads
 * (batch-get-traces output, arrays, single documents, NDJSON, daemon streams), get-trace-summaries
 * output (kept as summaries without segments), and log event lines.
 *
 * <p>Log event lines are NDJSON objects with CloudWatch's field names:
 * {@code {"logGroupName":"/aws/lambda/f","logStreamName":"2024/...","timestamp":1700000000123,"message":"..."}}
 * (timestamp in milliseconds; {@code logGroup}/{@code logStream} are accepted too). They may be mixed
 * with segment documents in one NDJSON file, which is what {@link Exporter} writes.
 *
 * <p>OTLP JSON trace requests ({@code {"resourceSpans":[…]}}, one a line as the Collector's file exporter
 * writes them, or one pretty-printed) are translated span by span into segments (see source/otel).
 */
public final class FileLoader {

    private FileLoader() {}

    /** The diagnostics a load keeps in full; the rest are counted. */
    static final int KEPT_DIAGNOSTICS = 100;

    /**
     * What one file held.
     *
     * @param diagnostics the first {@value #KEPT_DIAGNOSTICS} problems found
     * @param problems how many there were in all
     */
    public record Loaded(int segments, int summaries, int logEvents, List<Diagnostic> diagnostics, long problems) {
        public Loaded(int segments, int summaries, int logEvents, List<Diagnostic> diagnostics) {
            this(segments, summaries, logEvents, diagnostics, diagnostics.size());
        }
    }

    /**
     * Streams the file into the store, one document at a time: memory is the store's (bounded by its
     * trace cap) plus one document, whatever the size of the file. A file that cannot be opened is a
     * SourceException with one line; problems inside it are diagnostics.
     */
    public static Loaded load(Path path, TraceStore store) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        if (Files.isDirectory(path)) throw new SourceException("cannot read " + path + ": Is a directory");
        try (InputStream in = Files.newInputStream(path)) {
            Loading loading = new Loading(name, store);
            SegmentDocuments.read(in, name, loading);
            return loading.done();
        } catch (NoSuchFileException e) {
            throw new SourceException("cannot read " + path + ": No such file");
        } catch (AccessDeniedException e) {
            throw new SourceException("cannot read " + path + ": Permission denied");
        } catch (IOException e) {
            throw new SourceException("cannot read " + path + ": " + e.getMessage());
        }
    }

    /** Loads text read from {@code source} (a name for diagnostics). */
    public static Loaded load(String text, String source, TraceStore store) {
        Loading loading = new Loading(source, store);
        try {
            SegmentDocuments.read(new StringReader(text), source, loading);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loading.done();
    }

    /** Puts what is read straight into the store, and counts it. */
    private static final class Loading implements SegmentDocuments.Sink {
        private final String source;
        private final TraceStore store;
        private final List<Diagnostic> kept = new ArrayList<>();
        private long problems;
        private int segments;
        private int summaries;
        private int logEvents;

        Loading(String source, TraceStore store) {
            this.source = source;
            this.store = store;
        }

        @Override
        public void segment(Segment segment) {
            store.ingest(segment);
            segments++;
        }

        @Override
        public void summary(JsonNode summary) {
            store.addSummaryOnly(XrayJson.readTraceSummary(summary));
            summaries++;
        }

        @Override
        public boolean other(JsonNode object) {
            if (OtlpJson.isTraceRequest(object)) {
                otlp(object);
                return true;
            }
            LogLine log = logLine(object);
            if (log == null) return false;
            store.addLog(log);
            logEvents++;
            return true;
        }

        /** One OTLP JSON trace request (a line of the Collector's file exporter): its spans, translated. */
        private void otlp(JsonNode request) {
            try {
                OtlpTranslation.Result r = OtlpTranslation.translate(OtlpJson.read(request), source,
                        SpanTranslator.DEFAULT, this::segment);
                r.diagnostics().forEach(this::diagnostic);
                if (r.rejected() > r.diagnostics().stream().filter(Diagnostic::fatal).count()) {
                    diagnostic(new Diagnostic(source, null, r.rejectionMessage()));
                }
            } catch (InvalidProtocolBufferException e) {
                diagnostic(Diagnostic.fatal(source, 0, null, "not an OTLP trace request: " + e.getMessage()));
            }
        }

        @Override
        public void diagnostic(Diagnostic d) {
            problems++;
            if (kept.size() < KEPT_DIAGNOSTICS) kept.add(d);
            store.addDiagnostics(List.of(d));
        }

        Loaded done() {
            if (summaries > 0) {
                diagnostic(new Diagnostic(source, null, summaries
                        + " trace summaries carry no segments: listed without timelines; use batch-get-traces output"));
            }
            return new Loaded(segments, summaries, logEvents, List.copyOf(kept), problems);
        }
    }

    /** The log event in this object, or null when it is something else. */
    static LogLine logLine(JsonNode n) {
        if (n == null || !n.isObject() || n.has("trace_id") || !n.path("message").isTextual()) return null;
        JsonNode group = n.has("logGroupName") ? n.get("logGroupName") : n.get("logGroup");
        JsonNode stream = n.has("logStreamName") ? n.get("logStreamName") : n.get("logStream");
        JsonNode ts = n.get("timestamp");
        if (group == null || !group.isTextual() || ts == null || !ts.isNumber()) return null;
        return new LogLine(ts.asDouble() / 1000.0, group.asText(), stream == null ? "" : stream.asText(),
                n.get("message").asText());
    }
}
