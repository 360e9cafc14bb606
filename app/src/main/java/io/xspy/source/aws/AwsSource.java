package io.xspy.source.aws;

import io.xspy.graph.ServiceGraph;
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
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real AWS account through the SDK v2: X-Ray for the service graph, summaries and traces,
 * CloudWatch Logs for the invocations' lines. This class only composes the parts, each with one job:
 * {@link AwsClients} (the SDK clients), {@link IndexedSummaries} (GetTraceSummaries in 24 h chunks),
 * {@link TraceCache} with {@link BatchTraces} (BatchGetTraces five ids at a time, cached),
 * {@link ServiceGraphReader} and {@link CloudWatchLogEvents}.
 */
public final class AwsSource implements TraceSource {

    /** BatchGetTraces accepts at most five trace ids per call. */
    public static final int BATCH_SIZE = BatchTraces.BATCH_SIZE;

    private final AwsClients clients;
    private final IndexedSummaries summaries;
    private final TraceCache cache;
    private final BatchTraces batches;
    private final ServiceGraphReader graphs;
    private final CloudWatchLogEvents logEvents;
    private final DocumentProblems problems = new DocumentProblems();
    private final List<String> notices = new CopyOnWriteArrayList<>();

    private AwsSource(AwsClients clients, AwsSettings settings) {
        this.clients = clients;
        this.summaries = new IndexedSummaries(clients.xray, clients, this::notice);
        this.cache = new TraceCache(settings, clients.errors);
        this.batches = new BatchTraces(clients.xray, clients, problems);
        this.graphs = new ServiceGraphReader(clients.xray, clients);
        this.logEvents = new CloudWatchLogEvents(clients.logs, clients);
    }

    public static AwsSource create(AwsOptions options) {
        return create(options, AwsSettings.defaults());
    }

    public static AwsSource create(AwsOptions options, AwsSettings settings) {
        return new AwsSource(AwsClients.create(options, settings), settings);
    }

    @Override
    public String describe() {
        return clients.description;
    }

    /** Throttled attempts so far (each is retried by the SDK's adaptive mode). */
    public long throttleCount() {
        return clients.throttles.count();
    }

    /** A line for the status bar: throttles met, and the latest notice (a window split in chunks). */
    @Override
    public String status() {
        long n = clients.throttles.count();
        String throttled = n == 0 ? "" : "AWS throttled " + n + (n == 1 ? " request" : " requests") + "; retrying slower";
        List<String> said = notices();
        String notice = said.isEmpty() ? "" : said.get(said.size() - 1);
        long p = problems.count();
        if (p > 0) notice = (notice.isEmpty() ? "" : notice + " \u00B7 ") + p + (p == 1 ? " problem" : " problems") + " in X-Ray's documents";
        return throttled.isEmpty() ? notice : notice.isEmpty() ? throttled : throttled + " \u00B7 " + notice;
    }

    /** Things the user should know about how their request was read, such as a window split into chunks. */
    public List<String> notices() {
        return List.copyOf(notices);
    }

    private void notice(String text) {
        if (!notices.contains(text)) notices.add(text);
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
        return summaries.page(window, expression, pageToken);
    }

    @Override
    public List<Trace> traces(Collection<String> traceIds) {
        return cache.traces(traceIds, BatchTraces.BATCH_SIZE, "xray:BatchGetTraces", batches);
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
