package io.xspy.source.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.xspy.source.SourceException;
import io.xspy.source.XrayJson;
import io.xspy.trace.Json;
import io.xspy.trace.Diagnostic;
import io.xspy.trace.LogLine;
import io.xspy.trace.ParseResult;
import io.xspy.trace.SegmentDocuments;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
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
 */
public final class FileLoader {

    private FileLoader() {}

    /** What one file held. */
    public record Loaded(int segments, int summaries, int logEvents, List<Diagnostic> diagnostics) {}

    /** Loads the file into the store; a file that cannot be read is a SourceException with one line. */
    public static Loaded load(Path path, TraceStore store) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SourceException("cannot read " + path + ": No such file");
        } catch (AccessDeniedException e) {
            throw new SourceException("cannot read " + path + ": Permission denied");
        } catch (CharacterCodingException e) {
            throw new SourceException("cannot read " + path + ": not UTF-8 text");
        } catch (IOException e) {
            throw new SourceException("cannot read " + path + ": " + (Files.isDirectory(path) ? "Is a directory" : e.getMessage()));
        }
        return load(text, path.getFileName() == null ? path.toString() : path.getFileName().toString(), store);
    }

    /** Loads text read from {@code source} (a name for diagnostics). */
    public static Loaded load(String text, String source, TraceStore store) {
        List<LogLine> logs = new ArrayList<>();
        String segmentsText = takeLogLines(text, logs);
        List<Diagnostic> diagnostics = new ArrayList<>();
        int segments = 0;
        int summaries = 0;
        if (!segmentsText.isBlank() || logs.isEmpty()) {
            ParseResult parsed = SegmentDocuments.parse(segmentsText, source);
            diagnostics.addAll(parsed.diagnostics());
            store.ingestAll(parsed.segments());
            segments = parsed.segments().size();
            for (JsonNode summary : parsed.traceSummaries()) {
                store.addSummaryOnly(XrayJson.readTraceSummary(summary));
                summaries++;
            }
            if (summaries > 0) {
                diagnostics.add(new Diagnostic(source, null, summaries
                        + " trace summaries carry no segments: listed without timelines; use batch-get-traces output"));
            }
        }
        logs.forEach(store::addLog);
        store.addDiagnostics(diagnostics);
        return new Loaded(segments, summaries, logs.size(), List.copyOf(diagnostics));
    }

    /**
     * Moves log event lines out of the text into {@code logs}, leaving empty lines in their place
     * so the line numbers of diagnostics stay right.
     */
    private static String takeLogLines(String text, List<LogLine> logs) {
        if (!text.contains("\"message\"")) return text;
        String[] lines = text.split("\n", -1);
        boolean changed = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.startsWith("{") || !line.contains("\"message\"")) continue;
            LogLine log = logLine(line);
            if (log != null) {
                logs.add(log);
                lines[i] = "";
                changed = true;
            }
        }
        return changed ? String.join("\n", lines) : text;
    }

    /** The log event on this line, or null when the line is something else. */
    static LogLine logLine(String line) {
        JsonNode n;
        try {
            n = Json.read(line);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (n == null || !n.isObject() || n.has("trace_id") || !n.path("message").isTextual()) return null;
        JsonNode group = n.has("logGroupName") ? n.get("logGroupName") : n.get("logGroup");
        JsonNode stream = n.has("logStreamName") ? n.get("logStreamName") : n.get("logStream");
        JsonNode ts = n.get("timestamp");
        if (group == null || !group.isTextual() || ts == null || !ts.isNumber()) return null;
        return new LogLine(ts.asDouble() / 1000.0, group.asText(), stream == null ? "" : stream.asText(),
                n.get("message").asText());
    }
}
