package io.xspy.cli;

import io.xspy.source.SourceException;
import io.xspy.source.demo.DemoSource;
import io.xspy.source.serve.AccessKeys;
import io.xspy.source.serve.FaultPlan;
import io.xspy.source.serve.ServeServer;
import io.xspy.timeline.Text;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code xspy serve}: the embedded store behind X-Ray's and CloudWatch Logs' HTTP APIs. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
            "Serve the embedded store (demo, files, UDP) over X-Ray's REST JSON API (GetServiceGraph, "
                + "GetTraceSummaries, BatchGetTraces, GetTraceGraph, PutTraceSegments, GetSamplingRules, GetSamplingTargets, "
                + "and Transaction Search's GetTraceSegmentDestination, UpdateTraceSegmentDestination, StartTraceRetrieval, "
                + "ListRetrievedTraces, GetRetrievedTracesGraph, CancelTraceRetrieval) and CloudWatch Logs' JSON API "
                + "(FilterLogEvents, GetLogEvents, CreateLogGroup, CreateLogStream, PutLogEvents, and StartQuery, GetQueryResults, StopQuery over aws/spans), for the AWS CLI and SDKs:",
            "  aws xray get-service-graph --endpoint-url http://127.0.0.1:2772 ...",
            "On 127.0.0.1 any signature is accepted; beyond loopback (--host 0.0.0.0) only requests signed with an "
                + "--access-key are answered."})
final class ServeCommand implements Callable<Integer> {

    @ParentCommand XspyCommand root;

    @Option(names = "--port", paramLabel = "N", defaultValue = "2772", description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--access-key", paramLabel = "ID:SECRET",
            description = "Answer only requests signed (SigV4) with this access key; repeatable. Required beyond "
                    + "loopback (also env " + AccessKeys.ENV + ", which keeps the secret out of the process list).")
    List<String> accessKeys = new ArrayList<>();

    @Option(names = "--faults", paramLabel = "SPEC",
            description = "Inject faults and latency for testing clients (see README; also env XSPY_FAULTS).")
    String faults;

    @Option(names = "--transaction-search",
            description = "Serve as an account with CloudWatch Transaction Search: spans queryable in aws/spans "
                    + "(StartQuery), traces opened by StartTraceRetrieval, only --indexed-percent of them in "
                    + "GetTraceSummaries, none through BatchGetTraces (also switched by UpdateTraceSegmentDestination).")
    boolean transactionSearch;

    @Option(names = "--indexed-percent", paramLabel = "P", defaultValue = "1",
            description = "Under --transaction-search, the share of traces X-Ray indexes as summaries (default ${DEFAULT-VALUE}).")
    double indexedPercent;

    @Override
    public Integer call() throws InterruptedException {
        if (!root.demo && root.files.isEmpty() && root.listen == null && root.otlp == null) {
            throw new SourceException("serve needs an embedded source: add --demo, --file PATH, --listen or --otlp");
        }
        FaultPlan plan = faults != null ? FaultPlan.parse(faults) : FaultPlan.fromEnvironment();
        ServeServer.Config config = ServeServer.Config.defaults().withHost(host).withPort(port).withFaults(plan)
                .withAccessKeys(AccessKeys.parse(accessKeys, root.env.get(AccessKeys.ENV)))
                .withSampling(Sources.samplingRules(root));
        ServeServer.check(config); // before loading anything
        try (Sources.Opened opened = Sources.open(root, root.err());
                ServeServer server = ServeServer.start(opened.store(), config)) {
            server.transactionSearch().indexedPercent(indexedPercent).enable(transactionSearch);
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "xspy-demo-clock");
                t.setDaemon(true);
                return t;
            });
            if (opened.source() instanceof DemoSource demo) {
                demo.catchUp();
                // the demo world keeps living while clients read it
                ticker.scheduleAtFixedRate(demo::catchUp, 1, 1, TimeUnit.SECONDS);
            }
            // file names and the like are data: through the sanitizer, never raw to the terminal
            root.err().println(Text.sanitize("xspy: serving " + opened.source().describe() + " " + where(server)
                    + signing(config) + (transactionSearch ?  " with Transaction Search (aws/spans; "
                    + java.math.BigDecimal.valueOf(indexedPercent).stripTrailingZeros().toPlainString() + "% indexed)" : "") + " (Ctrl-C stops)", root.asciiOnly()));
            root.err().flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
            ticker.shutdownNow();
        }
        return 0;
    }

    /** Where clients find it, as URLs that work (0.0.0.0 is no address to connect to). */
    private static String where(ServeServer server) {
        if (!server.allInterfaces()) return "at " + server.endpoint();
        return "on all interfaces: " + server.endpoint() + " here, http://" + hostName() + ":" + server.port()
                + " from other hosts";
    }

    private static String signing(ServeServer.Config config) {
        int n = config.accessKeys().size();
        if (n == 0) return "";
        return "; requests must be signed with " + (n == 1 ? "access key " + config.accessKeys().keySet().iterator().next()
                : "one of " + n + " access keys");
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "THIS-HOST";
        }
    }
}
