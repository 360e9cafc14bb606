package io.xspy.source.aws;

import io.xspy.graph.ServiceGraph;
import io.xspy.query.Filter;
import io.xspy.query.FilterParser;
import io.xspy.query.FilterSyntaxException;
import io.xspy.query.TimeWindow;
import io.xspy.source.LogCorrelation;
import io.xspy.source.Page;
import io.xspy.source.SourceException;
import io.xspy.source.TraceSource;
import io.xspy.trace.Diagnostic;
import io.xspy.trace.LogLine;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceSummary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real AWS account through the SDK v2: X-Ray for the service graph, summaries and traces,
 * CloudWatch Logs for the invocations' lines, and, when the account has CloudWatch Transaction Search
 * on, aws/spans for the list of traces and trace retrievals to open them. This class only composes
 * the parts, each with one job: {@link AwsClients} (the SDK clients), {@link IndexedSummaries}
 * (GetTraceSummaries in 24 h chunks), {@link SegmentDestination} (is Transaction Search on?),
 * {@link SpanListing} (Logs Insights over aws/spans), {@link TraceCache} with {@link BatchTraces}
 * (BatchGetTraces) or {@link RetrievedTraces} (StartTraceRetrieval), {@link ServiceGraphReader} and
 * {@link CloudWatchLogEvents}.
 *
 * <p>Which list: {@link TraceList#AUTO} lists from aws/spans when Transaction Search is on, because
 * X-Ray then indexes only a share of the traces (1% by default) and a list from its summaries would
 * silently miss the rest; the status line says "Transaction Search: listing from aws/spans". The
 * parts of a filter Logs Insights cannot carry are named in the status line and checked by xspy on
 * each trace of the page. {@link TraceList#SUMMARIES} keeps X-Ray's index and its full filter
 * language (groups included). Traces open by retrieval whenever Transaction Search is on, since
 * BatchGetTraces does not find them then.
 */
public final class AwsSource implements TraceSource {

    /** BatchGetTraces accepts at most five trace ids per call. */
    public static final int BATCH_SIZE = BatchTraces.BATCH_SIZE;

    private final AwsClients clients;
    private final TraceList traceList;
    private final IndexedSummaries summaries;
    private final SegmentDestination destination;
    private final SpanListing spans;
    private final TraceCache cache;
    private final BatchTraces batches;
    private final RetrievedTraces retrievals;
    private final ServiceGraphReader graphs;
    private final CloudWatchLogEvents logEvents;
    private final DocumentProblems problems = new DocumentProblems();
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private volatile String progress = "";

    private AwsSource(AwsClients clients, AwsSettings settings, TraceList traceList) {
        this.clients = clients;
        this.traceList = traceList;
        this.summaries = new IndexedSummaries(clients.xray, clients, this::notice);
        this.destination = new SegmentDestination(clients.xray, clients, this::notice);
        this.spans = new SpanListing(new InsightsQueries(clients.logs, clients), this::notice);
        this.cache = new TraceCache(settings, clients.errors);
        this.batches = new BatchTraces(clients.xray, clients, problems);
        this.retrievals = new RetrievedTraces(clients.xray, clients, problems, p -> progress = p);
        this.graphs = new ServiceGraphReader(clients.xray, clients);
        this.logEvents = new CloudWatchLogEvents(clients.logs, clients);
    }

    public static AwsSource create(AwsOptions options) {
        return create(options, AwsSettings.defaults());
    }

    public static AwsSource create(AwsOptions options, AwsSettings settings) {
        return new AwsSource(AwsClients.create(options, settings), settings, options.traceList());
    }

    @Override
    public boolean remote() { return true; }

    @Override
    public String describe() {
        return clients.description;
    }

    /** Throttled attempts so far (each is retried by the SDK's adaptive mode). */
    public long throttleCount() {
        return clients.throttles.count();
    }

    /**
     * A line for the status bar: throttles met, the latest notice (a window split in chunks, where the
     * list comes from), and a retrieval or query in progress.
     */
    @Override
    public String status() {
        long n = clients.throttles.count();
        String throttled = n == 0 ? "" : "AWS throttled " + n + (n == 1 ? " request" : " requests") + "; retrying slower";
        List<String> said = notices();
        String notice = said.isEmpty() ? "" : said.get(said.size() - 1);
        long p = problems.count();
        if (p > 0) notice = (notice.isEmpty() ? "" : notice + " \u00B7 ") + p + (p == 1 ? " problem" : " problems") + " in X-Ray's documents";
        String running = progress;
        if (!running.isEmpty()) notice = notice.isEmpty() ? running : notice + " \u00B7 " + running;
        return throttled.isEmpty() ? notice : notice.isEmpty() ? throttled : throttled + " \u00B7 " + notice;
    }

    /** Things the user should know about how their request was read, such as a window split into chunks. */
    public List<String> notices() {
        return List.copyOf(notices);
    }

    private void notice(String text) {
        if (!notices.contains(text)) notices.add(text);
    }

    /** Whether the account has Transaction Search on (asked once). */
    public boolean transactionSearch() {
        return destination.spansInLogs();
    }

    /** Whether traces are listed from aws/spans: forced, or automatic with Transaction Search on. */
    public boolean listsFromSpans() {
        return switch (traceList) {
            case SPANS -> true;
            case SUMMARIES -> false;
            case AUTO -> destination.spansInLogs();
        };
    }

    @Override
    public ServiceGraph serviceGraph(TimeWindow window) {
        return graphs.read(window);
    }

    /** Syntax only: X-Ray evaluates the expression, including group.name / group.arn that only it knows. */
    @Override
    public void checkFilter(String expression) {
        FilterParser.check(expression);
    }

    @Override
    public Page<TraceSummary> traceSummaries(TimeWindow window, String filterExpression, String pageToken) {
        String expression = filterExpression == null || filterExpression.isBlank() ? null : filterExpression.strip();
        if (expression != null) {
            try {
                FilterParser.check(expression); // syntax only: a typo is reported here, before any call; X-Ray judges meaning
            } catch (FilterSyntaxException e) {
                throw new SourceException("filter: " + e.getMessage(), e);
            }
        }
        if (!listsFromSpans()) {
            if (traceList == TraceList.SUMMARIES && destination.spansInLogs()) {
                notice("Transaction Search is on: listing X-Ray's indexed summaries, a share of the traces"
                        + " (--trace-list auto lists every trace from aws/spans)");
            }
            Page<TraceSummary> page = summaries.page(window, expression, pageToken);
            for (TraceSummary s : page.items()) retrievals.started(s.id(), s.startTime()); // in case they open by retrieval
            return page;
        }
        return spanPage(window, expression, pageToken);
    }

    /** A page listed from aws/spans; the parts of the filter the query could not carry are checked here. */
    private Page<TraceSummary> spanPage(TimeWindow window, String expression, String pageToken) {
        SpanFilter filter = SpanFilter.of(expression);
        Filter local = null;
        if (!filter.exact()) {
            try {
                local = FilterParser.parse(expression);
            } catch (FilterSyntaxException e) {
                throw new SourceException("filter: " + e.getMessage() + " — aws/spans cannot evaluate it; list X-Ray's"
                        + " indexed summaries instead (--trace-list summaries)", e);
            }
            notice("Transaction Search: listing from aws/spans; not in the Logs Insights query: "
                    + String.join(" AND ", filter.untranslated()) + " — xspy checks it on each trace");
        } else {
            notice("Transaction Search: listing from aws/spans");
        }
        Page<TraceSummary> page;
        try {
            page = spans.page(window, filter, pageToken, p -> progress = p);
        } finally {
            progress = "";
        }
        for (TraceSummary s : page.items()) retrievals.started(s.id(), s.startTime());
        if (local == null) return page;
        Map<String, Trace> byId = new LinkedHashMap<>();
        for (Trace t : traces(page.items().stream().map(TraceSummary::id).toList())) byId.put(t.id(), t);
        List<TraceSummary> kept = new ArrayList<>();
        for (TraceSummary s : page.items()) {
            Trace t = byId.get(s.id());
            if (t != null && local.matches(t)) kept.add(TraceSummary.of(t));
        }
        return new Page<>(kept, page.nextToken());
    }

    @Override
    public List<Trace> traces(Collection<String> traceIds) {
        if (destination.spansInLogs()) {
            return cache.traces(traceIds, RetrievedTraces.BATCH_SIZE, "xray:StartTraceRetrieval", retrievals);
        }
        return cache.traces(traceIds, BatchTraces.BATCH_SIZE, "xray:BatchGetTraces", batches);
    }

    /**
     * The service graph of up to 100 traces from aws/spans (StartTraceRetrieval, then
     * GetRetrievedTracesGraph polled until COMPLETE).
     */
    public ServiceGraph retrievedTracesGraph(Collection<String> traceIds) {
        try {
            return retrievals.graph(traceIds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("loading the graph was interrupted; the retrieval was cancelled", e);
        }
    }

    /** How many problems the documents read so far had. */
    public long problemCount() {
        return problems.count();
    }

    /** The latest problems (at most 100), oldest first. */
    public List<Diagnostic> recentDiagnostics() {
        return problems.recent();
    }

    @Override
    public List<LogLine> logs(Trace trace) {
        return LogCorrelation.logs(trace, logEvents);
    }

    @Override
    public void close() {
        cache.close();
        clients.close();
    }
}
