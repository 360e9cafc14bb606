package io.xspy.cli;

import io.xspy.query.TimeWindow;
import io.xspy.source.SourceException;
import io.xspy.source.TraceSource;
import io.xspy.source.aws.AwsOptions;
import io.xspy.source.aws.AwsSource;
import io.xspy.source.demo.DemoSource;
import io.xspy.source.local.DaemonReceiver;
import io.xspy.source.local.EmbeddedSource;
import io.xspy.source.local.FileLoader;
import io.xspy.source.local.TraceStore;
import io.xspy.timeline.Text;
import io.xspy.trace.Diagnostic;
import io.xspy.trace.Trace;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Opens the source the command line asks for: the embedded store (demo, files, UDP) or AWS. */
final class Sources {
    private static final int DIAGNOSTICS_SHOWN = 20;

    private Sources() {}

    /** An open source, the store behind it when it is embedded, and what must be closed with it. */
    record Opened(TraceSource source, TraceStore store, boolean wholeStoreWindow, List<AutoCloseable> resources)
            implements AutoCloseable {

        /** The window of a command: --since/--until, or all of a file when no --since was given. */
        TimeWindow window(XspyCommand options) {
            if (wholeStoreWindow && !options.sinceGiven() && store != null) {
                TimeWindow all = storeWindow(store);
                if (all != null) return all;
            }
            Instant now = Instant.now();
            if (showsWholeDemo(options)) return new TimeWindow(((DemoSource) source).historyStart(), now);
            return options.window(now);
        }

        /** The demo's default window is its whole history, so its story (fault, then fix) is always in view. */
        boolean showsWholeDemo(XspyCommand options) {
            return source instanceof DemoSource && !options.sinceGiven() && options.until == null;
        }

        @Override
        public void close() {
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
        boolean embedded = o.demo || !o.files.isEmpty() || o.listen != null;
        if (!embedded && !awsConfigured(o)) {
            err.println("xspy: no AWS configuration found (no --profile, AWS_* variables or ~/.aws files);"
                    + " showing the embedded demo. Use --demo to ask for it, or --profile for AWS.");
            o.demo = true;
            embedded = true;
        }
        if (!embedded) {
            return new Opened(AwsSource.create(new AwsOptions(o.profile, o.region, o.endpointUrl)), null, false,
                    List.of());
        }
        TraceStore store = new TraceStore(o.maxTraces, TraceStore.DEFAULT_MAX_LOG_EVENTS);
        List<String> parts = new ArrayList<>();
        List<AutoCloseable> resources = new ArrayList<>();
        for (Path file : o.files) {
            if (!Files.isReadable(file)) throw new SourceException("cannot read " + file + ": no such readable file");
            FileLoader.Loaded loaded = FileLoader.load(file, store);
            report(loaded.diagnostics(), err);
            parts.add("file " + file.getFileName());
        }
        DaemonReceiver receiver = null;
        if (o.listen != null) {
            receiver = new DaemonReceiver(o.listen, store);
            resources.add(receiver);
            InetSocketAddress address = receiver.localAddress();
            parts.add("listening on udp " + address.getHostString() + ":" + address.getPort());
        }
        DaemonReceiver udp = receiver;
        if (o.demo) parts.add(0, "demo (seed " + o.seed + ")");
        EmbeddedSource embeddedSource = new EmbeddedSource(String.join(" \u00B7 ", parts), store,
                () -> udp == null ? "" : udpStatus(udp.counters()), udp != null);
        TraceSource source = o.demo ? new DemoSource(o.seed, Clock.systemUTC(), embeddedSource) : embeddedSource;
        return new Opened(source, store, !o.files.isEmpty() && !o.demo && o.listen == null, resources);
    }

    /** What the receiver has seen, for the status line. */
    static String udpStatus(DaemonReceiver.Counters c) {
        String s = "udp: " + c.received() + " datagrams";
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
        int shown = 0;
        for (Diagnostic d : diagnostics) {
            if (shown++ == DIAGNOSTICS_SHOWN) {
                err.println("xspy: warning: " + (diagnostics.size() - DIAGNOSTICS_SHOWN) + " more problems");
                break;
            }
            err.println("xspy: warning: " + Text.sanitize(d.toString(), false));
        }
    }

    /** The span of everything in the store, or null when it is empty. */
    static TimeWindow storeWindow(TraceStore store) {
        double first = Double.MAX_VALUE;
        double last = -Double.MAX_VALUE;
        for (Trace t : store.traces()) {
            if (t.roots().isEmpty()) continue;
            first = Math.min(first, t.startTime());
            last = Math.max(last, t.endTime());
        }
        if (first > last) return null;
        return new TimeWindow(toInstant(Math.floor(first)), toInstant(Math.ceil(last) + 1));
    }

    private static Instant toInstant(double seconds) {
        return Instant.ofEpochSecond((long) seconds);
    }
}
