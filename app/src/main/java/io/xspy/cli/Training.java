package io.xspy.cli;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import io.xspy.cli.shell.LineMode;
import io.xspy.source.demo.DemoSource;
import io.xspy.tui.TerminalHeadStart;
import io.xspy.tui.Tui;
import io.xspy.tui.TuiOptions;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * The representative run the build records its class-data-sharing archive from (the launcher's
 * {@code -XX:SharedArchiveFile}): the common CLI commands on the demo and on a file, and the first
 * frames of the terminal UI on a virtual terminal. Whatever classes this run loads start from the
 * archive afterwards; output is discarded.
 * {@code java -XX:ArchiveClassesAtExit=xspy.jsa -cp xspy.jar io.xspy.cli.Training}
 */
public final class Training {
    private static final Instant NOW = Instant.parse("2026-11-26T14:52:00Z");
    private static final Pattern TRACE_ID = Pattern.compile("1-[0-9a-f]{8}-[0-9a-f]{24}");

    private Training() {}

    public static void main(String[] args) throws IOException, InterruptedException, ClassNotFoundException {
        cli("--version");
        cli("--help");
        cli("--demo", "services");
        cli("--demo", "services", "--output", "json");
        String traces = cli("--demo", "traces");
        cli("--demo", "traces", "--output", "json", "--filter", "service(\"xraystarter-py\") { fault }");
        Matcher id = TRACE_ID.matcher(traces);
        if (id.find()) {
            cli("--demo", "trace", id.group(), "--width", "120");
            Path dir = Files.createTempDirectory("xspy-training");
            Path file = dir.resolve("demo.json");
            Path batch = dir.resolve("batch.json");
            try {
                cli("--demo", "export", "--output", file.toString());
                cli("--file", file.toString(), "trace", id.group(), "--width", "120");
                cli("--file", file.toString(), "services");
                Files.writeString(batch, batchGetTraces(Files.readAllLines(file))); // Document strings: another way in
                cli("--file", batch.toString(), "trace", id.group(), "--width", "120");
            } finally {
                Files.deleteIfExists(batch);
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        }
        // the receivers `xspy --listen` and `--otlp` open before their first frame (ports chosen by the system)
        cli("--listen", "127.0.0.1:0", "--otlp", "127.0.0.1:0", "services");
        cli("--no-such-option");
        tui();
        ansiTerminal();
        System.exit(0);
    }

    /** Segment documents (NDJSON lines) as aws xray batch-get-traces writes them: JSON strings in Traces[].Segments[]. */
    private static String batchGetTraces(List<String> documents) {
        StringBuilder out = new StringBuilder("{\"Traces\":[{\"Segments\":[");
        for (String d : documents) {
            if (!d.contains("\"trace_id\"")) continue; // log events
            if (out.charAt(out.length() - 1) != '[') out.append(',');
            out.append("{\"Document\":\"").append(d.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"}");
        }
        return out.append("]}]}").toString();
    }

    /** Runs one command line as Main does, its output kept for the caller and not printed. */
    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = Subcommands.forArgs(args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        Main.run(cli, args);
        return out.toString();
    }

    /** The UI over the demo as `xspy --demo` opens it: services, a service's traces, a trace, its detail. */
    private static void tui() throws IOException {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(120, 36));
        try (DemoSource demo = new DemoSource(1, Clock.fixed(NOW, ZoneOffset.UTC))) {
            TuiOptions options = new TuiOptions(Duration.between(demo.historyStart(), NOW), "", false, true, false, null);
            Tui tui = new Tui(demo, options, terminal, Clock.fixed(NOW, ZoneOffset.UTC), Runnable::run);
            tui.step();
            for (KeyStroke k : new KeyStroke[] {key('j'), key('j'), new KeyStroke(KeyType.Enter), key('s'),
                    new KeyStroke(KeyType.Enter), key('j'), new KeyStroke(KeyType.Tab), key('x'),
                    new KeyStroke(KeyType.Escape), key('?'), new KeyStroke(KeyType.Escape), new KeyStroke(KeyType.Escape)}) {
                terminal.addInput(k);
                tui.step();
            }
            tui.close();
        }
    }

    /**
     * What `xspy --demo` does on a real terminal that the virtual one skips: the terminal type check,
     * the local time zone, the stty process, and Lanterna's ANSI terminal (escape sequences out, keys
     * and the size report in), here over byte streams.
     */
    private static void ansiTerminal() throws IOException, InterruptedException, ClassNotFoundException {
        LineMode.why(Map.of("TERM", "xterm-256color"));
        ZoneId.systemDefault().getRules();
        // the head start's classes: stty -g is read (and fails without a terminal), raw mode never set here
        TerminalHeadStart.begin(new NotFullScreen());
        TerminalHeadStart.release();
        for (String uiClass : new String[] {"io.xspy.tui.BufferedUnixTerminal", "io.xspy.tui.FirstFrameGate", "io.xspy.cli.Terminal",
                "io.xspy.cli.Main$FullScreenUi", "io.xspy.tui.WindowChanges", "io.xspy.tui.WindowChanges$Chained", "io.xspy.tui.Osc52",
                "io.xspy.tui.Osc52$TerminalFlush", "io.xspy.tui.Tui$LoaderThreads", "io.xspy.tui.TuiTerminal",
                "io.xspy.tui.TuiTerminal$OfThisProcess", "io.xspy.cli.Terminal$View"}) {
            Class.forName(uiClass, false, Training.class.getClassLoader()); // what Tui.run and Main use on a real terminal
        }
        try {
            Process stty = new ProcessBuilder("stty", "-g").redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            stty.getInputStream().readAllBytes();
            stty.waitFor();
        } catch (IOException noStty) {
            // a build machine without stty: the process classes were loaded on the way to this
        }
        new NoSttyTerminal().close(); // Lanterna's Unix terminal: its resize handler and shutdown hook, made at run time otherwise
        // the demo's first frame as the head start draws it while picocli parses `xspy --demo`
        DemoFirstFrame.of(Map.of("LANG", "C.UTF-8"), Clock.fixed(NOW, ZoneOffset.UTC), "--demo")
                .draw(new TerminalScreen(new DefaultVirtualTerminal(new TerminalSize(120, 36))));
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys, 1 << 16);
        keys.write("\u001b[36;120R".getBytes(StandardCharsets.US_ASCII)); // the answer to Lanterna's size request
        Terminal terminal = new ANSITerminal(in, new BufferedOutputStream(OutputStream.nullOutputStream()), StandardCharsets.UTF_8) {};
        try (DemoSource demo = new DemoSource(1, Clock.fixed(NOW, ZoneOffset.UTC))) {
            TuiOptions options = new TuiOptions(Duration.between(demo.historyStart(), NOW), "", false, true, false, null);
            Tui tui = new Tui(demo, options, terminal, Clock.fixed(NOW, ZoneOffset.UTC), Runnable::run);
            tui.step();
            for (String k : new String[] {"j", "\u001b[B", "\r", "\t", "\u001b[A", "x", "?", "q"}) {
                keys.write(k.getBytes(StandardCharsets.UTF_8));
                tui.step();
            }
            tui.close();
        }
    }

    private static KeyStroke key(char c) {
        return new KeyStroke(c, false, false);
    }

    /** The build's terminal, if any, is never put in raw mode. */
    private static final class NotFullScreen implements java.util.function.BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            return false;
        }
    }

    /**
     * Lanterna's Unix terminal, as xspy --demo opens it, with every stty call left out: nothing here changes the
     * build's terminal (if it has one); the resize handler and shutdown hook are made, so the archive holds them.
     */
    private static final class NoSttyTerminal extends UnixTerminal {
        NoSttyTerminal() throws IOException {
            super(new java.io.ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream(), StandardCharsets.UTF_8,
                    CtrlCBehaviour.TRAP);
        }

        @Override
        protected void saveTerminalSettings() {
            // no stty
        }

        @Override
        protected void restoreTerminalSettings() {
            // no stty
        }

        @Override
        protected void canonicalMode(boolean enabled) {
            // no stty
        }

        @Override
        protected void keyEchoEnabled(boolean enabled) {
            // no stty
        }

        @Override
        protected void keyStrokeSignalsEnabled(boolean enabled) {
            // no stty
        }
    }
}
