package io.xspy.cli;

import io.xspy.query.TimeWindow;
import io.xspy.source.Page;
import io.xspy.source.TraceSource;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * The full traces statistics need: the ids of every trace in the window that matches the filter,
 * then the traces themselves. An embedded source gives all of them; AWS, whose BatchGetTraces is
 * paid for in calls, gives an even sample of at most {@code sample} across the window (every k-th id,
 * so minutes are represented as they came), fetched with a progress line on stderr through the
 * source, whose cache keeps what it fetched for the next command in the shell or the TUI.
 */
record TraceSample(List<Trace> traces, int matched) {

    private static final int BATCH = 50;

    boolean sampled() {
        return traces.size() < matched;
    }

    /** "176 traces" or "500 of 2345 traces sampled". */
    String describe() {
        return sampled() ? traces.size() + " of " + matched + " traces sampled" : matched + (matched == 1 ? " trace" : " traces");
    }

    static TraceSample load(CommandLine cli, TraceSource source, TimeWindow window, String filter, int sample,
            boolean everything, PrintWriter err, boolean progress) {
        Set<String> ids = new LinkedHashSet<>();
        String token = null;
        do {
            Page<TraceSummary> page = FilterOption.page(cli, source, window, filter, token);
            for (TraceSummary s : page.items()) ids.add(s.id());
            token = page.nextToken();
        } while (token != null);
        List<String> chosen = everything ? new ArrayList<>(ids) : evenly(new ArrayList<>(ids), sample);
        List<Trace> traces = new ArrayList<>(chosen.size());
        for (int i = 0; i < chosen.size(); i += BATCH) {
            if (progress && !everything) {
                err.print("\rxspy: fetching traces " + i + " of " + chosen.size() + " (" + ids.size() + " match)");
                err.flush();
            }
            traces.addAll(source.traces(chosen.subList(i, Math.min(chosen.size(), i + BATCH))));
        }
        if (progress && !everything && !chosen.isEmpty()) err.print("\r\u001B[K");
        TraceSample out = new TraceSample(traces, ids.size());
        if (!everything) err.println("xspy: " + out.describe());
        return out;
    }

    /** At most n of the ids, spread evenly (the first, then every k-th). */
    static List<String> evenly(List<String> ids, int n) {
        if (ids.size() <= n) return ids;
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(ids.get((int) ((long) i * ids.size() / n)));
        return out;
    }
}
