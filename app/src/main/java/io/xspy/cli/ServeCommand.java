package io.xspy.cli;

import io.xspy.source.SourceException;
import io.xspy.source.demo.DemoSource;
import io.xspy.source.serve.FaultPlan;
import io.xspy.source.serve.ServeServer;
import io.xspy.timeline.Text;
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
                + "GetTraceSummaries, BatchGetTraces, PutTraceSegments) and CloudWatch Logs' JSON API "
                + "(FilterLogEvents, GetLogEvents), for the AWS CLI and SDKs:",
            "  aws xray get-service-graph --endpoint-url http://127.0.0.1:2772 ..."})
final class ServeCommand implements Callable<Integer> {

    @ParentCommand XspyCommand root;

    @Option(names = "--port", paramLabel = "N", defaultValue = "2772", description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--faults", paramLabel = "SPEC",
            description = "Inject faults and latency for testing clients (see README; also env XSPY_FAULTS).")
    String faults;

    @Override
    public Integer call() throws InterruptedException {
        if (!root.demo && root.files.isEmpty() && root.listen == null) {
            throw new SourceException("serve needs an embedded source: add --demo, --file PATH or --listen");
        }
        FaultPlan plan = faults != null ? FaultPlan.parse(faults) : FaultPlan.fromEnvironment();
        try (Sources.Opened opened = Sources.open(root, root.err());
                ServeServer server = ServeServer.start(opened.store(), host, port, plan)) {
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
            root.err().println(Text.sanitize("xspy: serving " + opened.source().describe() + " at "
                    + server.endpoint() + " (Ctrl-C stops)", root.asciiOnly()));
            root.err().flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
            ticker.shutdownNow();
        }
        return 0;
    }
}
