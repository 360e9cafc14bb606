package io.xspy.cli;

import io.xspy.query.TimeWindow;
import io.xspy.source.SourceException;
import io.xspy.source.TraceSource;
import io.xspy.source.aws.AwsOptions;
import io.xspy.source.aws.AwsSource;
import io.xspy.source.aws.TraceList;
import io.xspy.source.demo.DemoSource;
import io.xspy.source.local.DaemonReceiver;
import io.xspy.source.local.EmbeddedSource;
import io.xspy.source.local.FileLoader;
import io.xspy.source.local.OtlpReceiver;
import io.xspy.source.local.TraceStore;
import io.xspy.source.serve.SamplingRules;
import io.xspy.source.serve.ServeServer;
import io.xspy.timeline.Text;
import io.xspy.trace.Diagnostic;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceSummary;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ParameterException;

/** Opens the source the command line asks for: the embedded store (demo, files, UDP) or AWS. */
final class Sources {
    private static final int DIAGNOSTICS_SHOWN = 20;

    private Sources() {}

    /**
     * An open source, the store behind it when it is embedded, and what must be closed with it; a
     * borrowed one (a shell's, shared by its commands) is left open by close.
     */
    record Opened(TraceSource source, TraceStore store, boolean wholeStoreWindow, List<AutoCloseable> resources,
            boolean borrowed) implements AutoCloseable {

        Opened(TraceSource source, TraceStore store, boolean wholeStoreWindow, List<AutoCloseable> resources) {
            this(source, store, wholeStoreWindow, resources, false);
        }

        /** The same source for one command of a shell: closing it leaves the shell's open. */
        Opened borrow() {
            return new Opened(source, store, wholeStoreWindow, resources, true);
        }

        /** The window of a command: --since/--until, or all of a file when neither was given. */
        TimeWindow window(XspyCommand options) {
            if (wholeStoreWindow && !options.sinceGiven() && options.until == null && store != null) {
                TimeWindow all = storeWindow(store);
                if (all != null) return all;
            }
            Instant now = options.clock.instant();
            if (showsWholeDemo(options)) return new TimeWindow(((DemoSource) source).historyStart(), now);
            return options.window(now);
        }

        /** The demo's default window is its whole history, so its story (fault, then fix) is always in view. */
        boolean showsWholeDemo(XspyCommand options) {
            return source instanceof DemoSource && !options.sinceGiven() && options.until == null;
        }

        @Override
        public void close() {
            if (borrowed) return;
            for (AutoCloseable r : resources) {
                try {
                    r.close();
                } catch (Exception ignored) {
                    // closing on the way out: nothing left to tell the user
                }
            }
            source.close();
        }
    }

    static Opened open(XspyCommand o, PrintWriter err) {
        if (o.loaded != null) return o.loaded.borrow(); // in xspy shell: the source loaded once
        boolean embedded = o.demo || !o.files.isEmpty() || o.listen != null || o.otlp != null;
        if (!embedded && !awsConfigured(o)) {
            err.println("xspy: no AWS configuration found (no --profile, AWS_* variables or ~/.aws files);"
                    + " showing the embedded demo. Use --demo to ask for it, or --profile for AWS.");
            o.demo = true;
            embedded = true;
        }
        if (!embedded) {
            AwsSource aws = AwsSource.create(new AwsOptions(o.profile, o.region, o.endpointUrl, traceList(o)));
            // problems in the documents X-Ray returned show on stderr as a file's do, once the command has read them
            AutoCloseable reportProblems = () -> report(aws.recentDiagnostics(), aws.problemCount(), err);
            // how the request was read (where the list came from, what a filter could not carry) goes to stderr
            AutoCloseable reportNotices = () -> aws.notices().forEach(n -> err.println(Text.sanitize("xspy: " + n, false)));
            return new Opened(aws, null, false, List.of(reportProblems, reportNotices));
        }
        TraceStore store = new TraceStore(o.maxTraces, TraceStore.DEFAULT_MAX_LOG_EVENTS);
        List<String> parts = new ArrayList<>();
        List<AutoCloseable> resources = new ArrayList<>();
        for (Path file : o.files) {
            if (!Files.isReadable(file)) throw new SourceException("cannot read " + file + ": no such readable file");
            long evictedBefore = store.counters().evicted();
            FileLoader.Loaded loaded = FileLoader.load(file, store);
            report(loaded.diagnostics(), loaded.problems(), err);
            long evicted = store.counters().evicted() - evictedBefore;
            if (evicted > 0) {
                err.println("xspy: warning: " + Text.sanitize(String.valueOf(file.getFileName()), false)
                        + ": more traces than --max-traces " + o.maxTraces + ": kept the last " + o.maxTraces
                        + " read, dropped " + evicted);
            }
            parts.add("file " + file.getFileName());
        }
        DaemonReceiver receiver = null;
        if (o.listen != null) {
            listenAddress(o); // a usage error before anything binds
            receiver = new DaemonReceiver(o.listen, store);
            resources.add(receiver);
            InetSocketAddress address = receiver.localAddress();
            // SDKs ask the daemon's TCP port, the same number, for sampling rules
            String sampling = " (sampling rules on tcp)";
            try {
                resources.add(ServeServer.start(store, ServeServer.Config.defaults().forSamplingOnly()
                        .withHost(address.getAddress().getHostAddress()).withPort(address.getPort())
                        .withSampling(samplingRules(o))));
            } catch (IllegalStateException e) {
                err.println(Text.sanitize("xspy: warning: SDKs get no sampling rules here: " + e.getMessage(), false));
                sampling = "";
            }
            parts.add("listening on udp " + address.getHostString() + ":" + address.getPort() + sampling);
            if (!address.getAddress().isLoopbackAddress()) {
                err.println(Text.sanitize("xspy: warning: --listen " + o.listen + " takes segments from anyone who can"
                        + " reach UDP port " + address.getPort() + " (the daemon protocol has no signatures)", false));
            }
        }
        OtlpReceiver otlp = o.otlp == null ? null : OtlpOption.open(o, store, parts, resources, err);
        DaemonReceiver udp = receiver;
        if (o.demo) parts.add(0, "demo (seed " + o.seed + ")");
        EmbeddedSource embeddedSource = new EmbeddedSource(String.join(" \u00B7 ", parts), store,
                () -> OtlpOption.status(udp == null ? "" : udpStatus(udp.counters()), otlp), udp != null || otlp != null);
        TraceSource source = o.demo ? new DemoSource(o.seed, o.clock, embeddedSource) : embeddedSource;
        return new Opened(source, store, !o.files.isEmpty() && !o.demo && o.listen == null && o.otlp == null, resources);
    }

    /** --trace-list as the AWS source takes it, or a usage error in words. */
    static TraceList traceList(XspyCommand o) {
        try {
            return o.traceList == null ? TraceList.AUTO : TraceList.parse(o.traceList);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(o.spec.commandLine(), Text.sanitize(e.getMessage(), false));
        }
    }

    /** The sampling rules of --sampling-rules, or one that samples everything. */
    static SamplingRules samplingRules(XspyCommand o) {
        return o.samplingRules == null ? SamplingRules.sampleEverything() : SamplingRules.load(o.samplingRules);
    }

    /** The --listen address, or a usage error in words (a host that is no address, a bad port). */
    static InetSocketAddress listenAddress(XspyCommand o) {
        try {
            return DaemonReceiver.parseAddress(o.listen); // never unresolved: it says so in words
        } catch (IllegalArgumentException e) {
            throw new ParameterException(o.spec.commandLine(), Text.sanitize(e.getMessage(), false));
        }
    }

    /** What the receiver has seen, for the status line. */
    static String udpStatus(DaemonReceiver.Counters c) {
        String s = "udp: " + c.received() + (c.received() == 1 ? " datagram" : " datagrams");
        if (c.malformed() > 0) s += ", " + c.malformed() + " malformed";
        if (c.dropped() > 0) s += ", " + c.dropped() + " dropped";
        return s;
    }

    /** Whether the SDK's default chains have something to work with. */
    static boolean awsConfigured(XspyCommand o) {
        if (o.profile != null || o.region != null || o.endpointUrl != null) return true;
        for (String v : List.of("AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_REGION", "AWS_DEFAULT_REGION",
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_XRAY")) {
            String value = System.getenv(v);
            if (value != null && !value.isBlank()) return true;
        }
        Path home = Path.of(System.getProperty("user.home"), ".aws");
        return Files.exists(home.resolve("config")) || Files.exists(home.resolve("credentials"));
    }

    /** Diagnostics of bad documents go to stderr, sanitized, the first few in full. */
    static void report(List<Diagnostic> diagnostics, PrintWriter err) {
        report(diagnostics, diagnostics.size(), err);
    }

    /** The first diagnostics in full, then how many more there were in all. */
    static void report(List<Diagnostic> diagnostics, long problems, PrintWriter err) {
        int shown = 0;
        for (Diagnostic d : diagnostics) {
            if (shown == DIAGNOSTICS_SHOWN) break;
            err.println("xspy: warning: " + Text.sanitize(d.toString(), false));
            shown++;
        }
        if (problems > shown) {
            long more = problems - shown;
            err.println("xspy: warning: " + more + " more " + (more == 1 ? "problem" : "problems"));
        }
    }

    /** The span of everything in the store (documents and summaries), or null when it is empty. */
    static TimeWindow storeWindow(TraceStore store) {
        double first = Double.MAX_VALUE;
        double last = -Double.MAX_VALUE;
        for (Trace t : store.traces()) {
            if (t.roots().isEmpty()) continue;
            first = Math.min(first, t.startTime());
            last = Math.max(last, t.endTime());
        }
        for (TraceSummary t : store.summariesOnly()) { // a get-trace-summaries file is all of it too
            first = Math.min(first, t.startTime());
            last = Math.max(last, t.startTime() + t.duration());
        }
        if (first > last) return null;
        return new TimeWindow(toInstant(Math.floor(first)), toInstant(Math.ceil(last) + 1));
    }

    private static Instant toInstant(double seconds) {
        return Instant.ofEpochSecond((long) seconds);
    }
}
