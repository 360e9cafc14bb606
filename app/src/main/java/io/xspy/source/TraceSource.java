package io.xspy.source;

import io.xspy.graph.ServiceGraph;
import io.xspy.query.TimeWindow;
import io.xspy.trace.LogLine;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceSummary;
import java.util.Collection;
import java.util.List;

/**
 * The one port every source implements (AWS, the embedded store fed by files, UDP or the demo).
 * Calls may block on I/O: the TUI calls them off its UI thread. Failures are thrown as
 * {@link SourceException} with a message fit for a status line.
 */
public interface TraceSource extends AutoCloseable {

    /** What this source is, for the header: "demo", "file traces.json", "AWS eu-central-1 (profile dev)". */
    String describe();

    ServiceGraph serviceGraph(TimeWindow window);

    /**
     * Summaries of the traces in the window that match the filter expression (blank: all), newest
     * first. {@code pageToken} is null for the first page, then the previous page's next token.
     */
    Page<TraceSummary> traceSummaries(TimeWindow window, String filterExpression, String pageToken);

    /**
     * Checks a filter expression as this source will read it, before any load: by default xspy's own
     * evaluator, which has no groups; a source whose service evaluates filters (AWS) checks syntax only.
     *
     * @throws io.xspy.query.FilterSyntaxException with the column of the problem
     */
    default void checkFilter(String expression) {
        io.xspy.query.FilterParser.parse(expression);
    }

    /** The full traces for these ids; ids that are not found are left out. */
    List<Trace> traces(Collection<String> traceIds);

    /** The log lines of the Lambda invocations in this trace, in time order. */
    List<LogLine> logs(Trace trace);

    /**
     * A short line about the source's own health for the status line (throttled calls, evicted
     * traces, malformed datagrams), or empty. Cheap: it reads counters, never the network.
     */
    default String status() {
        return "";
    }

    /**
     * Whether traces keep arriving while xspy runs (a UDP listener): the TUI then reloads the list
     * it shows on its own, as it re-reads {@link #status()} for every source.
     */
    default boolean live() {
        return false;
    }

    /** Whether full traces cost calls to a remote service (AWS): statistics then read a sample of them. */
    default boolean remote() {
        return false;
    }

    @Override
    default void close() {}
}
