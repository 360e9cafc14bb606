package io.xspy.source.aws;

import io.xspy.trace.Diagnostic;
import io.xspy.trace.Segment;
import io.xspy.trace.SegmentParser;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceAssembler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.BatchGetTracesResponse;

/**
 * One BatchGetTraces batch of at most five ids (the API's limit), following NextToken and asking
 * again, a bounded number of times, for the ids X-Ray left unprocessed.
 */
final class BatchTraces implements TraceCache.Fetch {

    /** BatchGetTraces accepts at most five trace ids per call. */
    static final int BATCH_SIZE = 5;
    /** How often ids that X-Ray left unprocessed are asked for again. */
    static final int UNPROCESSED_RETRIES = 2;

    private final XRayClient xray;
    private final AwsCalls calls;
    private final DocumentProblems problems;

    BatchTraces(XRayClient xray, AwsCalls calls, DocumentProblems problems) {
        this.xray = xray;
        this.calls = calls;
        this.problems = problems;
    }

    @Override
    public List<Trace> fetch(List<String> ids) throws InterruptedException {
        Map<String, List<Segment>> documents = new LinkedHashMap<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<String> pending = ids;
        for (int round = 0; !pending.isEmpty() && round <= UNPROCESSED_RETRIES; round++) {
            if (round > 0) Thread.sleep(100L * round); // X-Ray may still be indexing them
            Set<String> unprocessed = new LinkedHashSet<>();
            Set<String> tokens = new HashSet<>();
            String token = null;
            List<String> asked = pending;
            do {
                String sent = token;
                BatchGetTracesResponse response = calls.call("xray:BatchGetTraces",
                        () -> xray.batchGetTraces(b -> b.traceIds(asked).nextToken(sent)));
                for (var trace : response.traces()) {
                    List<Segment> docs = documents.computeIfAbsent(trace.id(), k -> new ArrayList<>());
                    String where = "BatchGetTraces " + trace.id();
                    SegmentParser parser = new SegmentParser(where, diagnostics);
                    for (var segment : trace.segments()) {
                        Segment parsed = DocumentProblems.parse(parser, segment.document(), diagnostics, where);
                        if (parsed != null) docs.add(parsed);
                    }
                }
                unprocessed.addAll(response.unprocessedTraceIds());
                token = response.nextToken();
            } while (token != null && tokens.add(token));
            unprocessed.removeAll(documents.keySet());
            pending = List.copyOf(unprocessed);
        }
        problems.keep(diagnostics);
        List<Trace> out = new ArrayList<>();
        documents.forEach((id, docs) -> {
            if (!docs.isEmpty()) out.add(TraceAssembler.assemble(id, docs));
        });
        return out;
    }
}
