package io.xspy.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.source.LogCorrelation;
import io.xspy.source.local.FileLoader;
import io.xspy.source.local.TraceStore;
import io.xspy.testing.RequiredTool;
import io.xspy.trace.LambdaInvocation;
import io.xspy.trace.LogLine;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * `make local N=2 INTERVAL=1 EXPORT=…` runs the three real functions (the Node bundle, the Python package,
 * the Go binary) against moto's DynamoDB into xspy, and writes what xspy received: two traces, each with
 * an invocation of every function holding its DynamoDB PutItem, the first cold and the second warm, and
 * each invocation's log lines, which xspy's log correlation finds for the trace; with IDLE=0 the second
 * is cold again. Then nothing it started is left running (every process that inherited this test's
 * marker variable is gone), also after a Ctrl-C in the middle of a run.
 */
class MakeLocalIT {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final List<String> FUNCTIONS = List.of("xraystarter-ts", "xraystarter-py", "xraystarter-go");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"xray", "otel"})
    void theRealFunctionsTraceIntoXspy(String tracing) throws Exception {
        // IDLE=600: no environment is shut down between the rounds, so the second finds them warm
        checkRun(tracing, "600", List.of(true, false));
    }

    /** IDLE=0: every environment is shut down after its invocation, so the next upload starts it cold. */
    @Test
    void anIdleEnvironmentStartsColdAgain() throws Exception {
        checkRun("xray", "0", List.of(true, true));
    }

    /** make local N=2 INTERVAL=1 with this tracing and IDLE; {@code cold}: whether each round is a cold start. */
    private void checkRun(String tracing, String idle, List<Boolean> coldByRound) throws Exception {
        requireTools();
        Path export = dir.resolve("local-" + tracing + ".ndjson");
        String marker = UUID.randomUUID().toString();
        String out = make(marker, "local", "N=2", "INTERVAL=1", "IDLE=" + idle, "TRACING=" + tracing, "EXPORT=" + export);

        assertTrue(Files.isRegularFile(export), "no export written:\n" + out);
        TraceStore store = new TraceStore();
        FileLoader.load(export, store);
        List<Trace> traces = new ArrayList<>(store.traces());
        traces.sort(Comparator.comparingDouble(Trace::startTime));
        assertEquals(2, traces.size(), "two rounds, two traces:\n" + out);
        for (int round = 0; round < traces.size(); round++) {
            Trace trace = traces.get(round);
            boolean cold = coldByRound.get(round);
            List<LogLine> logs = LogCorrelation.logs(trace, store);
            for (String fn : FUNCTIONS) {
                String where = tracing + " round " + (round + 1) + " " + fn + " in " + trace.id();
                Segment function = functionSegment(trace, fn);
                assertTrue(function != null, where + ": no AWS::Lambda::Function segment");
                assertTrue(hasPutItem(function), where + ": no DynamoDB PutItem under the function");
                LambdaInvocation inv = LambdaInvocation.of(trace).stream()
                        .filter(i -> i.functionName().equals(fn)).findFirst().orElseThrow();
                assertEquals(cold, inv.coldStart(), where + ": cold start");

                List<String> lines = logs.stream().filter(l -> l.logGroup().equals("/aws/lambda/" + fn))
                        .map(LogLine::message).toList();
                assertTrue(lines.stream().anyMatch(m -> m.startsWith("START RequestId: ")), where + ": START in " + lines);
                assertTrue(lines.stream().anyMatch(m -> m.contains("put item")), where + ": the handler's line in " + lines);
                String report = lines.stream().filter(m -> m.startsWith("REPORT RequestId: ")).findFirst().orElse("");
                assertFalse(report.isEmpty(), where + ": REPORT in " + lines);
                assertEquals(cold, report.contains("Init Duration: "), where + ": " + report);
            }
        }
        assertNoProcessLeft(marker);
    }

    private static void requireTools() {
        for (String tool : List.of("make", "node", "npm", "go", "python3", "setsid", "kill")) {
            RequiredTool.require(onPath(tool), tool + " is not on PATH (make local and this test need it)");
        }
        // make local makes the driver's venv (moto's DynamoDB, boto3) itself: python3 must be able to
        RequiredTool.require(succeeds("python3", "-c", "import venv, ensurepip"),
                "python3 cannot make a venv (on Debian: apt-get install python3-venv)");
    }

    private static boolean succeeds(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Ctrl-C (SIGINT to make's process group, as a terminal sends it) in the middle of a run stops it all. */
    @Test
    void ctrlCStopsEverythingItStarted() throws Exception {
        requireTools();
        Path export = dir.resolve("interrupted.ndjson");
        String marker = UUID.randomUUID().toString();
        Path log = dir.resolve("make.log");
        // setsid: make leads a process group of its own, as a shell's foreground job does
        Process p = start(marker, log, "setsid", "make", "-s", "-C", ROOT.toString(), "-o", "app/target/xspy.jar",
                "local", "N=1000", "INTERVAL=1", "EXPORT=" + export);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(900);
        while (!Files.readString(log).contains("round 2:")) { // the functions are running, warm
            assertTrue(p.isAlive(), "make local ended before its second round:\n" + Files.readString(log));
            assertTrue(System.nanoTime() < deadline, "no second round in 900 s:\n" + Files.readString(log));
            Thread.sleep(100);
        }
        Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + p.pid()).inheritIO().start();
        assertEquals(0, kill.waitFor());
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        String out = Files.readString(log);
        if (!ended) p.destroyForcibly();
        assertTrue(ended, "make local did not stop on SIGINT:\n" + out);
        assertFalse(Files.exists(export), "an interrupted run writes no export:\n" + out);
        assertNoProcessLeft(marker);
    }

    private static Segment functionSegment(Trace trace, String name) {
        List<Segment> found = new ArrayList<>();
        for (Segment root : trace.roots()) {
            root.walk(s -> {
                if (LambdaInvocation.FUNCTION_ORIGIN.equals(s.origin()) && s.name().equals(name)) found.add(s);
            });
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** The DynamoDB call: PutItem, or DynamoDB/PutItem as xspy names the Go OTel SDK's newer conventions. */
    private static boolean hasPutItem(Segment function) {
        boolean[] found = {false};
        function.walk(s -> found[0] |= "PutItem".equals(s.aws().operation())
                || String.valueOf(s.aws().operation()).endsWith("/PutItem"));
        return found[0];
    }

    /** Every process make started carries the marker in its environment: none may be running now. */
    private static void assertNoProcessLeft(String marker) throws IOException {
        byte[] needle = ("MAKE_LOCAL_IT=" + marker).getBytes(StandardCharsets.UTF_8);
        List<String> left = new ArrayList<>();
        File[] procs = new File("/proc").listFiles((d, n) -> n.matches("\\d+"));
        for (File p : procs == null ? new File[0] : procs) {
            byte[] env;
            try {
                env = Files.readAllBytes(p.toPath().resolve("environ"));
            } catch (IOException | SecurityException e) {
                continue; // gone, or not ours
            }
            if (indexOf(env, needle) >= 0) {
                String cmd = "";
                try {
                    cmd = Files.readString(p.toPath().resolve("cmdline")).replace('\0', ' ');
                } catch (IOException e) {
                    // gone meanwhile
                }
                if (!Files.readString(p.toPath().resolve("stat")).contains(") Z ")) left.add(p.getName() + " " + cmd);
            }
        }
        assertTrue(left.isEmpty(), "processes left behind: " + left);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    /** A command with the marker in its environment (inherited by all it starts), output to {@code log}. */
    private static Process start(String marker, Path log, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("MAKE_LOCAL_IT", marker);
        pb.environment().put("PATH", "/usr/local/go/bin" + File.pathSeparator + System.getenv("PATH"));
        Process p = pb.redirectOutput(log.toFile()).start();
        p.getOutputStream().close();
        return p;
    }

    /** make in the project root; the built jar counts as up to date (-o), so Maven is not started again. */
    private String make(String marker, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("make", "-s", "-C", ROOT.toString(), "-o", "app/target/xspy.jar"));
        command.addAll(List.of(args));
        Path log = dir.resolve("make.log");
        Process p = start(marker, log, command.toArray(String[]::new));
        boolean ended = p.waitFor(900, TimeUnit.SECONDS); // the first run builds the functions
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (!ended) p.destroyForcibly();
        assertTrue(ended, String.join(" ", command) + " did not end in 900 s:\n" + out);
        assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + out);
        return out;
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : (path + File.pathSeparator + "/usr/local/go/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) return true;
        }
        return false;
    }
}
