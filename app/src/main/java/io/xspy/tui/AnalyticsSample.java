package io.xspy.tui;

import io.xspy.query.TimeWindow;
import io.xspy.source.Page;
import io.xspy.source.TraceSource;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceSummary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * The full traces the statistics read: the ids of every trace in the window that matches the filter,
 * then the traces. A local source gives all of them; a remote one (AWS, where BatchGetTraces costs
 * calls) an even sample of at most {@link #SAMPLE} across the window, so every minute is represented
 * as it came. Runs on the loader's thread, reporting "N of M" as it goes; a cancelled load stops
 * between calls.
 */
record AnalyticsSample(List<Trace> traces, int matched) {

    static final int SAMPLE = 500;
    private static final int BATCH = 50;

    boolean sampled() {
        return traces.size() < matched;
    }

    /** "176 traces" or "500 of 2345 traces sampled". */
    String describe() {
        return sampled() ? traces.size() + " of " + matched + " traces sampled" : Fmt.count(matched, "trace");
    }

    /** A sample as the source calls for: at most {@link #SAMPLE} from a remote one, else every trace. */
    static AnalyticsSample load(TraceSource source, TimeWindow window, String filter, Loader.Progress progress) {
        return load(source, window, filter, source.remote() ? SAMPLE : Integer.MAX_VALUE, progress);
    }

    static AnalyticsSample load(TraceSource source, TimeWindow window, String filter, int cap, Loader.Progress progress) {
        Set<String> ids = new LinkedHashSet<>();
        String token = null;
        do {
            stopIfCancelled(progress);
            progress.report("listing the matching traces: " + ids.size() + " so far");
            Page<TraceSummary> page = source.traceSummaries(window, filter, token);
            for (TraceSummary s : page.items()) ids.add(s.id());
            token = page.nextToken();
        } while (token != null);
        List<String> chosen = evenly(new ArrayList<>(ids), cap);
        boolean sampling = source.remote() || chosen.size() < ids.size();
        List<Trace> traces = new ArrayList<>(chosen.size());
        for (int i = 0; i < chosen.size(); i += BATCH) {
            stopIfCancelled(progress);
            progress.report(sampling ? "sampling: " + i + " of " + chosen.size() + " traces read (" + ids.size() + " match)"
                    : "reading " + i + " of " + chosen.size() + " traces");
            traces.addAll(source.traces(chosen.subList(i, Math.min(chosen.size(), i + BATCH))));
        }
        return new AnalyticsSample(traces, ids.size());
    }

    /** At most n of the ids, spread evenly (the first, then every k-th). */
    static List<String> evenly(List<String> ids, int n) {
        if (ids.size() <= n) return ids;
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(ids.get((int) ((long) i * ids.size() / n)));
        return out;
    }

    static void stopIfCancelled(Loader.Progress progress) {
        if (progress.cancelled() || Thread.currentThread().isInterrupted()) throw new CancellationException("cancelled");
    }
}
