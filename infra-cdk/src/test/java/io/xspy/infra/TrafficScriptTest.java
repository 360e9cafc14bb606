package io.xspy.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs scripts/traffic.sh offline: in --dry-run mode, and against a fake `aws` that records its calls. */
class TrafficScriptTest {

    private static final Path SCRIPT = Path.of("scripts", "traffic.sh").toAbsolutePath();
    private static final Pattern KEY = Pattern.compile("test-\\d{8}T\\d{6}Z-(\\d+)\\.txt");

    @TempDir
    Path tmp;

    record Result(int exitCode, String stdout, String stderr) {
        List<String> lines() {
            return stdout.isEmpty() ? List.of() : List.of(stdout.split("\n"));
        }
    }

    @BeforeAll
    static void requireBash() {
        RequiredTool.require(onPath("bash"), "bash is not installed");
        assertTrue(Files.isRegularFile(SCRIPT), SCRIPT + " is missing");
    }

    @Test
    void scriptParses() throws Exception {
        Result result = run(Map.of(), "bash", "-n", SCRIPT.toString());
        assertEquals(0, result.exitCode(), result.stderr());
    }

    @Test
    void dryRunLooksUpTheBucketExportThenUploadsCountObjectsWithPausesBetween() throws Exception {
        Result result = traffic(Map.of(), "--dry-run", "--count", "3", "--interval", "7");
        assertEquals(0, result.exitCode(), result.stderr());
        List<String> lines = result.lines();
        assertEquals(6, lines.size(), result.stdout());
        assertEquals("aws cloudformation list-exports --query Exports\\[\\?Name==\\'xraystarter-bucket-name\\'\\].Value"
                + " --output text", lines.get(0));
        for (int i = 1; i <= 3; i++) {
            String upload = lines.get(2 * i - 1);
            assertTrue(upload.startsWith("aws s3 cp --only-show-errors "), upload);
            assertTrue(upload.matches(".* s3://\\\\<xraystarter-bucket-name\\\\>/test-\\d{8}T\\d{6}Z-" + i + "\\.txt"), upload);
        }
        assertEquals("sleep 7", lines.get(2));
        assertEquals("sleep 7", lines.get(4));
    }

    @Test
    void profileAndRegionArePassedToEveryAwsCall() throws Exception {
        Result result = traffic(Map.of("PROFILE", "dev", "REGION", "eu-central-1"),
                "--dry-run", "--count", "2", "--interval", "0");
        assertEquals(0, result.exitCode(), result.stderr());
        List<String> awsCalls = result.lines().stream().filter(l -> l.startsWith("aws ")).toList();
        assertEquals(3, awsCalls.size(), result.stdout());
        awsCalls.forEach(call -> assertTrue(call.startsWith("aws --profile dev --region eu-central-1 "), call));
    }

    @Test
    void givenBucketSkipsTheLookupAndCountAndIntervalComeFromTheEnvironment() throws Exception {
        Result result = traffic(Map.of("COUNT", "2", "INTERVAL", "3"), "--dry-run", "--bucket", "my-bucket");
        assertEquals(0, result.exitCode(), result.stderr());
        List<String> lines = result.lines();
        assertEquals(3, lines.size(), result.stdout());
        assertTrue(lines.get(0).endsWith(" s3://my-bucket/test-" + keyOf(lines.get(0)).substring(5)), lines.get(0));
        assertEquals("sleep 3", lines.get(1));
    }

    @Test
    void uploadsWithTheRealCommandsToTheExportedBucket() throws Exception {
        Path log = tmp.resolve("aws-calls.log");
        Path uploads = Files.createDirectories(tmp.resolve("uploads"));
        Path fakeAws = fakeAws(log, uploads, "xraystarter-incoming-123");

        Result result = traffic(Map.of("PATH", fakeAws.getParent() + File.pathSeparator + System.getenv("PATH"),
                "REGION", "eu-west-1"), "--count", "3", "--interval", "0");

        assertEquals(0, result.exitCode(), result.stderr());
        List<String> calls = Files.readAllLines(log);
        assertEquals(4, calls.size(), calls.toString());
        assertEquals("--region eu-west-1 cloudformation list-exports --query Exports[?Name=='xraystarter-bucket-name'].Value"
                + " --output text", calls.get(0));
        List<String> keys = new ArrayList<>();
        for (String call : calls.subList(1, 4)) {
            assertTrue(call.startsWith("--region eu-west-1 s3 cp --only-show-errors "), call);
            assertTrue(call.contains(" s3://xraystarter-incoming-123/test-"), call);
            keys.add(keyOf(call));
        }
        assertEquals(List.of("1", "2", "3"), keys.stream().map(k -> KEY.matcher(k).replaceAll("$1")).toList());
        String firstBody = Files.readString(uploads.resolve(keys.get(0)));
        assertEquals("xspy traffic object 1 of 3\n", firstBody);
    }

    @Test
    void missingExportIsAClearError() throws Exception {
        Path fakeAws = fakeAws(tmp.resolve("aws-calls.log"), tmp, "None");
        Result result = traffic(Map.of("PATH", fakeAws.getParent() + File.pathSeparator + System.getenv("PATH")),
                "--count", "1");
        assertEquals(2, result.exitCode());
        assertTrue(result.stderr().contains("no CloudFormation export named xraystarter-bucket-name"), result.stderr());
        assertEquals(1, Files.readAllLines(tmp.resolve("aws-calls.log")).size(), "no upload after a failed lookup");
    }

    @Test
    void badArgumentsAreRejected() throws Exception {
        Result count = traffic(Map.of(), "--dry-run", "--count", "0");
        assertEquals(2, count.exitCode());
        assertTrue(count.stderr().contains("count must be a positive integer, got '0'"), count.stderr());

        Result interval = traffic(Map.of(), "--dry-run", "--interval", "5s");
        assertEquals(2, interval.exitCode());
        assertTrue(interval.stderr().contains("interval must be a whole number of seconds, got '5s'"), interval.stderr());

        Result unknown = traffic(Map.of(), "--turbo");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.stderr().contains("unknown argument: --turbo"), unknown.stderr());
        assertEquals("", unknown.stdout());
    }

    /** A stand-in for the AWS CLI: logs its arguments, answers the export lookup, copies uploads into a folder. */
    private Path fakeAws(Path log, Path uploads, String exportValue) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path aws = bin.resolve("aws");
        Files.writeString(aws, String.join("\n",
                "#!/usr/bin/env bash",
                "set -euo pipefail",
                "echo \"$*\" >> '" + log + "'",
                "args=\" $* \"",
                "if [[ \"$args\" == *' list-exports '* ]]; then echo '" + exportValue + "'; exit 0; fi",
                "if [[ \"$args\" == *' s3 cp '* ]]; then",
                "  src=\"${@: -2:1}\"; dst=\"${@: -1}\"",
                "  cp \"$src\" '" + uploads + "'/\"${dst##*/}\"; exit 0",
                "fi",
                "echo \"fake aws: unexpected call: $*\" >&2; exit 1",
                ""));
        assertTrue(aws.toFile().setExecutable(true));
        return aws;
    }

    private static String keyOf(String line) {
        var matcher = KEY.matcher(line);
        assertTrue(matcher.find(), "no object key in: " + line);
        return matcher.group();
    }

    private Result traffic(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        return run(env, command.toArray(String[]::new));
    }

    private static Result run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeAll(List.of("PROFILE", "REGION", "COUNT", "INTERVAL", "BUCKET"));
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        // Outputs are small; read both fully before waiting.
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "script did not finish: " + List.of(command));
        return new Result(process.exitValue(), stdout.strip(), stderr);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
