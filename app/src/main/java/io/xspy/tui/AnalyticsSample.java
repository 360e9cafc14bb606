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
 * between calls. A local source's traces can also come in two parts, the newest {@link #FIRST}
 * ({@link #first}) for a first screen, then the rest ({@link #rest}), so many traces do not keep the
 * screen empty until all are read.
 *
 * @param more where listing the rest goes on (the next page's token) while this is the first part; null when complete
 */
record AnalyticsSample(List<Trace> traces, int matched, String more) {

    static final int SAMPLE = 500;
    /** How many traces a first part has (at least: listing goes on to the end of a page). */
    static final int FIRST = 5_000;
    private static final int BATCH = 50;

    AnalyticsSample(List<Trace> traces, int matched) {
        this(traces, matched, null);
    }

    /** Whether this is every trace the statistics read, not a first part. */
    boolean complete() {
        return more == null;
    }

    boolean sampled() {
        return traces.size() < matched;
    }

    /** "176 traces", "500 of 2345 traces sampled", or for a first part "newest 5000 traces, reading the rest...". */
    String describe() {
        if (!complete()) return "newest " + Fmt.count(traces.size(), "trace") + ", reading the rest...";
        return sampled() ? traces.size() + " of " + matched + " traces sampled" : Fmt.count(matched, "trace");
    }

    /**
     * The first part of a local source's traces: the newest {@link #FIRST} (to the end of the page that
     * reaches them), with where listing goes on; all of them, complete, when there are no more. A remote
     * source is sampled across the whole window, so it gets its sample in one part.
     */
    static AnalyticsSample first(TraceSource source, TimeWindow window, String filter, int first, Loader.Progress progress) {
        if (source.remote()) return load(source, window, filter, progress);
        Set<String> ids = new LinkedHashSet<>();
        String token = list(source, window, filter, null, ids, first, progress);
        List<String> chosen = new ArrayList<>(ids);
        return new AnalyticsSample(read(source, chosen, false, ids.size(), progress), ids.size(), token);
    }

    /** The traces after a first part (listed from where it stopped, without those it has), complete. */
    AnalyticsSample rest(TraceSource source, TimeWindow window, String filter, Loader.Progress progress) {
        Set<String> ids = new LinkedHashSet<>();
        for (Trace t : traces) ids.add(t.id());
        int had = ids.size();
        list(source, window, filter, more, ids, Integer.MAX_VALUE, progress);
        List<String> chosen = new ArrayList<>(ids).subList(had, ids.size());
        return new AnalyticsSample(read(source, chosen, false, ids.size(), progress), ids.size(), null);
    }

    /** This first part and its rest as one sample. */
    AnalyticsSample join(AnalyticsSample rest) {
        List<Trace> all = new ArrayList<>(traces.size() + rest.traces.size());
        all.addAll(traces);
        all.addAll(rest.traces);
        return new AnalyticsSample(all, rest.matched, null);
    }

    /** A sample as the source calls for: at most {@link #SAMPLE} from a remote one, else every trace. */
    static AnalyticsSample load(TraceSource source, TimeWindow window, String filter, Loader.Progress progress) {
        return load(source, window, filter, source.remote() ? SAMPLE : Integer.MAX_VALUE, progress);
    }

    static AnalyticsSample load(TraceSource source, TimeWindow window, String filter, int cap, Loader.Progress progress) {
        Set<String> ids = new LinkedHashSet<>();
        list(source, window, filter, null, ids, Integer.MAX_VALUE, progress);
        List<String> chosen = evenly(new ArrayList<>(ids), cap);
        boolean sampling = source.remote() || chosen.size() < ids.size();
        return new AnalyticsSample(read(source, chosen, sampling, ids.size(), progress), ids.size());
    }

    /** Lists ids into {@code ids} from {@code token} until there are at least {@code enough}; returns the token to go on from, or null at the end. */
    private static String list(TraceSource source, TimeWindow window, String filter, String token, Set<String> ids, int enough,
            Loader.Progress progress) {
        do {
            stopIfCancelled(progress);
            progress.report("listing the matching traces: " + ids.size() + " so far");
            Page<TraceSummary> page = source.traceSummaries(window, filter, token);
            for (TraceSummary s : page.items()) ids.add(s.id());
            token = page.nextToken();
        } while (token != null && ids.size() < enough);
        return token;
    }

    /** The full traces of these ids, a batch at a time; {@code matching} is how many match in all, for the progress line. */
    private static List<Trace> read(TraceSource source, List<String> chosen, boolean sampling, int matching, Loader.Progress progress) {
        List<Trace> traces = new ArrayList<>(chosen.size());
        for (int i = 0; i < chosen.size(); i += BATCH) {
            stopIfCancelled(progress);
            progress.report(sampling ? "sampling: " + i + " of " + chosen.size() + " traces read (" + matching + " match)"
                    : "reading " + i + " of " + chosen.size() + " traces");
            traces.addAll(source.traces(chosen.subList(i, Math.min(chosen.size(), i + BATCH))));
        }
        return traces;
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
