package io.xspy.cli;

import io.xspy.query.FilterParser;
import io.xspy.query.FilterSyntaxException;
import io.xspy.query.TimeWindow;
import io.xspy.source.Page;
import io.xspy.source.TraceSource;
import io.xspy.trace.TraceSummary;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * A command's --filter: an expression that cannot be read is a usage error (exit 2) that echoes it with a
 * caret under the problem, whether the syntax check or the source (an embedded one refusing group.*) finds it.
 */
final class FilterOption {
    private FilterOption() {}

    /** Checks the syntax before anything is loaded or paid for; null is no filter. */
    static void check(CommandLine cli, String filter) {
        if (filter == null) return;
        try {
            FilterParser.check(filter); // syntax; what a source cannot evaluate it says itself
        } catch (FilterSyntaxException e) {
            throw usage(cli, filter, e);
        }
    }

    /** One page of the window's summaries through the filter. */
    static Page<TraceSummary> page(CommandLine cli, TraceSource source, TimeWindow window, String filter, String token) {
        try {
            return source.traceSummaries(window, filter, token);
        } catch (FilterSyntaxException e) {
            throw usage(cli, filter, e);
        }
    }

    private static ParameterException usage(CommandLine cli, String filter, FilterSyntaxException e) {
        return new ParameterException(cli, Errors.filterError("--filter", filter, e));
    }
}
