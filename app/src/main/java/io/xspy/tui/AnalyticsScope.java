package io.xspy.tui;

import io.xspy.graph.ServiceGraph;
import io.xspy.stats.SegmentPath;
import io.xspy.stats.SpanPath;
import io.xspy.trace.Trace;

/**
 * What the Analytics screen covers, from what was under the cursor when {@code a} was pressed: the
 * traces of a filter (blank: all) over the app's window, and which paths it shows first — those of
 * one service, or every path with one of them selected.
 *
 * @param title   the breadcrumb's words for it
 * @param filter  the filter expression the traces are listed with
 * @param service show only this service's paths (null: every path)
 * @param select  the path the cursor starts on (null: the first)
 */
record AnalyticsScope(String title, String filter, String service, SpanPath select) {

    /** The selected service's spans, from the services screen. */
    static AnalyticsScope of(ServiceGraph.Node n) {
        return new AnalyticsScope(n.id().name(), TracesScreen.serviceFilter(n), n.id().name(), null);
    }

    /** Every path of the traces a list shows, from the traces screen. */
    static AnalyticsScope ofFilter(String filter) {
        return new AnalyticsScope(filter.isEmpty() ? "all traces" : "filter", filter, null, null);
    }

    /** The selected span's path across the traces of its service, from the trace screen. */
    static AnalyticsScope of(TraceState state) {
        Trace trace = state.trace;
        if (trace == null || state.current() == null) return ofFilter("");
        SpanPath path = SegmentPath.of(trace, state.current().segment());
        if (path == null) return ofFilter("");
        String service = path.service();
        String title = path.depth() > 1 ? path.leaf() + " of " + service : service;
        return new AnalyticsScope(title, "service(\"" + service.replace("\\", "\\\\").replace("\"", "\\\"") + "\")",
                service, path);
    }
}
