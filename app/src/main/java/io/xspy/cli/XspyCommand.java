package io.xspy.cli;

import io.xspy.query.TimeWindow;
import io.xspy.timeline.Text;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.xspy.tui.TuiOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The root command: source and display options; with no subcommand it opens the terminal UI. */
@Command(name = "xspy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "A terminal trace explorer for AWS X-Ray: the service map with its health, traces by service or "
                + "filter expression, segment timelines with the CloudWatch log lines of each invocation.",
            "",
            "With no command it opens the terminal UI. With no source option it reads AWS when an AWS "
                + "configuration is found, else the embedded demo.",
            ""},
        footer = {"", "Examples:", "  xspy --demo", "  xspy --profile dev --region eu-central-1 --since 1h",
            "  xspy --file traces.json trace 1-63847262-1f7b1f131c705dd37c779140 --width 120",
            "  xspy --demo traces --filter 'service(\"xraystarter-py\") { fault }' --output json"})
public final class XspyCommand implements Callable<Integer> {

    /**
     * The subcommands, in the order help lists them. Not in {@code @Command}'s subcommands: picocli would build
     * every one's model by reflection at each start; {@link Subcommands} adds them to the command line.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(ServicesCommand.class, TracesCommand.class, TraceCommand.class, LogsCommand.class,
            ExportCommand.class, ServeCommand.class, ShellCommand.class,
            DiffCommand.class, StatsCommand.class);

    @Spec CommandSpec spec;

    @Option(names = "--demo", scope = ScopeType.INHERIT, description = "Read the embedded demo world.")
    boolean demo;

    @Option(names = "--seed", scope = ScopeType.INHERIT, paramLabel = "N", defaultValue = "1",
            description = "Seed of the demo world (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--file", scope = ScopeType.INHERIT, paramLabel = "PATH",
            description = "Read segment documents: batch-get-traces output, JSON arrays or NDJSON, or OTLP JSON"
                    + " trace requests (repeatable).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--listen", scope = ScopeType.INHERIT, paramLabel = "[HOST:]PORT", arity = "0..1",
            fallbackValue = "127.0.0.1:2000",
            description = "Receive segments like the X-Ray daemon over UDP (default 127.0.0.1:2000).")
    String listen;

    @Option(names = "--otlp", scope = ScopeType.INHERIT, paramLabel = "[HOST:]PORT", arity = "0..1",
            fallbackValue = "127.0.0.1:4318",
            description = "Receive OpenTelemetry spans over OTLP/HTTP, protobuf or JSON, at /v1/traces (default 127.0.0.1:4318).")
    String otlp;

    @Option(names = "--sampling-rules", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "X-Ray sampling rules that serve and --listen's TCP port give SDKs: JSON as aws xray "
                    + "get-sampling-rules prints it (default: one rule that samples everything).")
    Path samplingRules;

    @Option(names = "--profile", scope = ScopeType.INHERIT, description = "AWS profile, as in the AWS CLI.")
    String profile;

    @Option(names = "--region", scope = ScopeType.INHERIT, description = "AWS region, as in the AWS CLI.")
    String region;

    @Option(names = "--endpoint-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Send X-Ray and CloudWatch Logs calls to this endpoint (for example xspy serve).")
    String endpointUrl;

    @Option(names = "--trace-list", scope = ScopeType.INHERIT, paramLabel = "FROM", defaultValue = "auto",
            description = "AWS with Transaction Search: list traces from aws/spans (spans: every trace), from X-Ray's "
                    + "indexed summaries (summaries: a sample, X-Ray's full filter language), or auto (default: "
                    + "spans when Transaction Search is on).")
    String traceList;

    @Option(names = "--since", scope = ScopeType.INHERIT, paramLabel = "SPAN",
            description = "Time window: the last SPAN (90s, 15m, 6h, 2d); default 15m, all of a file, or the demo's whole history.")
    String since;

    @Option(names = "--until", scope = ScopeType.INHERIT, paramLabel = "T",
            description = "End of the time window: an instant (2026-11-26T15:00:00Z) or a SPAN ago.")
    String until;

    @Option(names = "--max-traces", scope = ScopeType.INHERIT, paramLabel = "N", defaultValue = "100000",
            description = "Most traces kept in memory by the embedded store (default ${DEFAULT-VALUE}).")
    int maxTraces;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "No colours (also NO_COLOR).")
    boolean noColor;

    @Option(names = "--ascii", scope = ScopeType.INHERIT, description = "ASCII bars and borders.")
    boolean ascii;

    @Option(names = {"-f", "--follow"}, description = "Open the full-screen UI following new traces (as F does).")
    boolean follow;

    /** The source an {@code xspy shell} loaded once; its commands read it instead of opening their own. */
    Sources.Opened loaded;

    @Override
    public Integer call() throws Exception {
        io.xspy.tui.StartupMarks.mark("parsed");
        String lineMode = io.xspy.cli.shell.LineMode.why(env);
        io.xspy.tui.StartupMarks.mark("terminal type checked");
        if (lineMode != null) {
            err().println("xspy: " + lineMode);
            return ShellCommand.startFrom(this);
        }
        try (Sources.Opened opened = Sources.open(this, err())) {
            err().flush();
            io.xspy.tui.StartupMarks.mark("source opened");
            return Terminal.open(opened, this);
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Colour for the standard output: only on a terminal, and never under NO_COLOR or --no-color. */
    boolean colorOnStdout() {
        return System.console() != null && colorAllowed();
    }

    boolean colorAllowed() {
        return !noColor && !TuiOptions.noColor(env);
    }

    /** The clock of the demo and of windows ending now (tests fix it, so the demo's history is the same each run). */
    java.time.Clock clock = java.time.Clock.systemUTC();

    /** The environment (tests set their own). */
    Map<String, String> env = System.getenv();

    /** The standard input, which xspy shell reads a script from when it is no terminal (tests set their own). */
    java.io.InputStream in = System.in;

    /** ASCII when asked, or when the locale does not name UTF-8 (as the TUI decides). */
    boolean asciiOnly() {
        return ascii || !TuiOptions.utf8Locale(env);
    }

    boolean sinceGiven() {
        return since != null;
    }

    Duration span() {
        try {
            return TimeWindow.parseSpan(since == null ? "15m" : since);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--since: " + Text.sanitize(e.getMessage(), false));
        }
    }

    /** The window ending at --until (or now) and reaching back --since. */
    TimeWindow window(Instant now) {
        Instant end = now;
        if (until != null) {
            try {
                end = Instant.parse(until);
            } catch (DateTimeParseException notAnInstant) {
                try {
                    end = now.minus(TimeWindow.parseSpan(until));
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(),
                            "--until: \"" + Text.sanitize(until, false)
                                    + "\" is neither an instant like 2026-11-26T15:00:00Z nor a span");
                }
            }
        }
        return new TimeWindow(end.minus(span()), end);
    }
}
