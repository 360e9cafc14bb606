package io.xspy.source.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.trace.LogLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A deterministic simulation of the stack xspy ships: objects uploaded to an S3 bucket, whose
 * notifications go through an SNS topic to three X-Ray-traced Lambda functions (TypeScript, Python,
 * Go) that write to the DynamoDB table {@code items}. It writes the segment documents Lambda, SNS, S3
 * and the X-Ray SDKs would send, and the CloudWatch log lines of every invocation.
 *
 * <p>The history starts with the Python function broken as in the blog post (its package lacks
 * aws_xray_sdk, so every invocation fails with Runtime.ImportModuleError before the handler runs);
 * a fix is deployed a third of the way in. Same seed and same start, same world.
 */
public final class DemoWorld {

    static final String REGION = "eu-central-1";
    static final String ACCOUNT = "123456789012";
    static final String BUCKET = "xraystarter-incoming0b397865-1hx8j3qf51d0x";
    static final String TOPIC = "xraystarter-uploads";
    static final String TOPIC_ARN = "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":" + TOPIC;
    static final String TABLE = "items";
    static final String IMPORT_ERROR =
            "Runtime.ImportModuleError: Unable to import module 'app': No module named 'aws_xray_sdk'";

    /** Nodes only: an ObjectMapper here would be made (~30 ms) when the UI asks anchoredStart before its first frame. */
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Seconds an execution environment stays warm without invocations. */
    private static final double KEEP_WARM_SECONDS = 600;

    private final SplittableRandom random;
    private final double pythonFixedAt;
    private final Map<DemoRuntime, Environment> environments = new EnumMap<>(DemoRuntime.class);
    private double nextUpload;
    private int uploads;

    /** An execution environment: its log stream and when it was last used. */
    private record Environment(String logStream, double lastUsed) {}

    /**
     * @param seed the world's seed
     * @param start when the history begins (the first upload is shortly after)
     * @param pythonFixedAt when the Python function's fix is deployed
     */
    public DemoWorld(long seed, Instant start, Instant pythonFixedAt) {
        this.random = new SplittableRandom(seed);
        this.nextUpload = seconds(start) + 2 + random.nextDouble() * 5;
        this.pythonFixedAt = seconds(pythonFixedAt);
    }

    /** A world whose history covers {@code span} seconds up to {@code now}, Python fixed a third in. */
    public static DemoWorld endingAt(long seed, Instant now, long spanSeconds) {
        Instant start = now.minusSeconds(spanSeconds);
        return new DemoWorld(seed, start, start.plusSeconds(spanSeconds / 3));
    }

    /**
     * The world a demo run shows at {@code now}: its history starts on a half-hour boundary at least
     * {@code minimumHistorySeconds} back, so every run within that half hour sees the same traces (a
     * trace id listed by one command is found by the next), and Python is fixed ten minutes in.
     */
    public static DemoWorld anchored(long seed, Instant now, long minimumHistorySeconds) {
        Instant start = anchoredStart(now, minimumHistorySeconds);
        return new DemoWorld(seed, start, start.plusSeconds(10 * 60));
    }

    /** Where {@link #anchored} starts the history: the half-hour boundary at least that far back. */
    public static Instant anchoredStart(Instant now, long minimumHistorySeconds) {
        long grid = 30 * 60;
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond() - minimumHistorySeconds, grid) * grid);
    }

    public int uploads() {
        return uploads;
    }

    /** Everything that happens from where the world stands up to {@code until}: call it repeatedly. */
    public synchronized DemoBatch advance(Instant until) {
        double end = seconds(until);
        List<ObjectNode> docs = new ArrayList<>();
        List<LogLine> logs = new ArrayList<>();
        while (nextUpload <= end) {
            upload(nextUpload, docs, logs);
            // the blog's traffic script uploaded about every ten seconds
            nextUpload += 6 + random.nextDouble() * 8;
        }
        return new DemoBatch(docs, logs);
    }

    private void upload(double t, List<ObjectNode> docs, List<LogLine> logs) {
        uploads++;
        String key = objectKey(uploads);
        String traceId = traceId(t);

        // The upload reaches S3, which notifies the topic, which fans out to the three functions.
        double s3End = t + ms(28, 75);
        ObjectNode s3 = segment(traceId, BUCKET, t, s3End, "AWS::S3::Bucket", null);
        ObjectNode http = s3.putObject("http");
        http.putObject("request").put("method", "PUT")
                .put("url", "https://" + BUCKET + ".s3." + REGION + ".amazonaws.com/" + key);
        http.putObject("response").put("status", 200).put("content_length", 0);
        s3.putObject("aws").put("operation", "PutObject").put("region", REGION).put("bucket_name", BUCKET)
                .put("key", key).put("request_id", hex(16).toUpperCase());
        docs.add(s3);

        double published = s3End + ms(60, 240);
        double snsEnd = published + ms(6, 18);
        ObjectNode sns = segment(traceId, TOPIC, published, snsEnd, "AWS::SNS::Topic", s3.get("id").asText());
        sns.put("resource_arn", TOPIC_ARN);
        sns.putObject("aws").put("topic_arn", TOPIC_ARN).put("operation", "Publish").put("region", REGION)
                .put("account_id", ACCOUNT);
        docs.add(sns);

        for (DemoRuntime runtime : DemoRuntime.values()) {
            invoke(runtime, traceId, sns.get("id").asText(), snsEnd + ms(1, 6), key, docs, logs);
        }
    }

    private void invoke(DemoRuntime rt, String traceId, String parentId, double start, String key, List<ObjectNode> docs,
            List<LogLine> logs) {
        boolean broken = rt == DemoRuntime.PY && start < pythonFixedAt;
        Environment env = environments.get(rt);
        // a failed init never leaves a warm environment; scale-outs cold-start now and then
        boolean cold = broken || env == null || start - env.lastUsed > KEEP_WARM_SECONDS || random.nextDouble() < 0.03;
        String stream = cold ? logStream(start) : env.logStream;
        String requestId = uuid();
        String arn = "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + rt.functionName;
        LogWriter log = new LogWriter(rt, requestId, stream, logs);

        // AWS::Lambda: the service's view, from the event's arrival to the function's answer
        double dwell = ms(39, 92);
        double attemptStart = start + dwell;
        double fnStart = attemptStart + ms(0.2, 0.6);
        double t = fnStart;
        ArrayNode fnSubs = JSON.arrayNode();
        boolean fault = false;
        boolean throttled = false;
        double initDuration = 0;
        double handlerDuration = 0;

        if (cold) {
            initDuration = broken ? ms(300, 420) : rt.initSeconds(random);
            log.at(t, "INIT_START Runtime Version: " + rt.runtimeVersion + "\tRuntime Version ARN: arn:aws:lambda:"
                    + REGION + "::runtime:" + hex(64));
            ObjectNode init = sub("Initialization", t, t + initDuration);
            init.putObject("aws").put("function_arn", arn);
            if (broken) {
                fault = true;
                init.put("fault", true);
                init.set("cause", importErrorCause());
                log.at(t + initDuration * 0.9, "[ERROR] " + IMPORT_ERROR + "\nTraceback (most recent call last):");
                log.at(t + initDuration, "INIT_REPORT Init Duration: " + fmt(initDuration) + " ms\tPhase: init"
                        + "\tStatus: error\tError Type: Runtime.ImportModuleError");
            }
            fnSubs.add(init);
            t += initDuration;
        }

        log.at(t, "START RequestId: " + requestId + " Version: $LATEST");
        double invocationStart = t;
        if (broken) {
            // Lambda tries the init again inside the invocation and gives up the same way
            double retry = ms(280, 400);
            log.at(t + retry * 0.95, "[ERROR] " + IMPORT_ERROR + "\nTraceback (most recent call last):");
            t += retry;
            ObjectNode invocation = sub("Invocation", invocationStart, t);
            invocation.put("fault", true);
            invocation.set("cause", importErrorCause());
            fnSubs.add(invocation);
        } else {
            throttled = rt == DemoRuntime.TS && random.nextDouble() < 0.04;
            fault = throttled;
            ObjectNode invocation = handler(rt, traceId, t, key, cold, throttled, log);
            t = invocation.get("end_time").asDouble();
            fnSubs.add(invocation);
        }
        handlerDuration = t - invocationStart;
        double overheadEnd = t + ms(0.3, 2.2);
        fnSubs.add(sub("Overhead", t, overheadEnd));
        log.at(overheadEnd, "END RequestId: " + requestId);
        String report = "REPORT RequestId: " + requestId + "\tDuration: " + fmt(handlerDuration) + " ms\tBilled Duration: "
                + (long) Math.ceil(handlerDuration * 1000) + " ms\tMemory Size: 1024 MB\tMax Memory Used: "
                + rt.memoryUsedMb(random, cold) + " MB\t" + (cold ? "Init Duration: " + fmt(initDuration) + " ms\t" : "")
                + (broken ? "Status: error\tError Type: Runtime.ImportModuleError\t" : "")
                + "\nXRAY TraceId: " + traceId + "\tSegmentId: " + hex(16) + "\tSampled: true\t";
        log.at(overheadEnd + 0.0001, report);

        double attemptEnd = overheadEnd + ms(0.3, 1.5);
        ObjectNode service = segment(traceId, rt.functionName, start, attemptEnd + ms(0.1, 0.4), "AWS::Lambda",
                parentId);
        service.put("resource_arn", arn);
        service.putObject("aws").put("request_id", requestId);
        service.putObject("http").putObject("response").put("status", 202);
        ArrayNode serviceSubs = service.putArray("subsegments");
        serviceSubs.add(sub("Dwell Time", start, attemptStart));
        ObjectNode attempt = sub("Attempt #1", attemptStart, attemptEnd);
        attempt.putObject("http").putObject("response").put("status", 200);
        if (fault) attempt.put("fault", true);
        serviceSubs.add(attempt);
        if (fault) service.put("fault", true);

        ObjectNode function = segment(traceId, rt.functionName, fnStart, overheadEnd, "AWS::Lambda::Function",
                attempt.get("id").asText());
        function.put("resource_arn", arn);
        ObjectNode aws = function.putObject("aws");
        aws.put("function_arn", arn).put("account_id", ACCOUNT).put("request_id", requestId);
        aws.putArray("resource_names").add(rt.functionName);
        aws.putArray("cloudwatch_logs").addObject().put("log_group", "/aws/lambda/" + rt.functionName);
        if (fault) {
            function.put("fault", true);
            function.set("cause", throttled ? throttleCause() : importErrorCause());
        }
        function.set("subsegments", fnSubs);
        docs.add(service);
        docs.add(function);

        environments.put(rt, broken ? null : new Environment(stream, overheadEnd));
    }

    /** The Invocation subsegment: the handler's own subsegments around the DynamoDB PutItem. */
    private ObjectNode handler(DemoRuntime rt, String traceId, double start, String key, boolean cold,
            boolean throttled, LogWriter log) {
        double t = start + ms(0.4, 2.5);
        double writeStart = t + ms(0.2, 1.5);
        double dbStart = writeStart + ms(0.1, 0.8);
        double dbEnd = dbStart + rt.dynamoSeconds(random, cold) * (throttled ? 3.5 : 1);
        double writeEnd = dbEnd + ms(0.2, 1.2);

        ObjectNode db = sub(rt.dynamoName, dbStart, dbEnd);
        db.put("namespace", "aws");
        ObjectNode dbAws = db.putObject("aws").put("operation", "PutItem").put("region", REGION)
                .put("request_id", hex(26).toUpperCase()).put("retries", throttled ? 3 : 0);
        if (rt.recordsTableName) dbAws.put("table_name", TABLE);
        db.putObject("http").putObject("response").put("status", throttled ? 400 : 200);
        if (throttled) {
            db.put("error", true).put("throttle", true);
            db.set("cause", throttleCause());
        }

        ObjectNode write = sub(rt.writeSubsegment, writeStart, writeEnd);
        write.putObject("annotations").put("runtime", rt.runtimeLabel()).put("key", key);
        write.putArray("subsegments").add(db);
        if (throttled) write.put("fault", true);

        double end = writeEnd + ms(0.3, 1.8);
        log.at(writeStart, line(rt, log, writeStart, "put item " + key));
        if (throttled) {
            log.at(dbEnd + 0.0005, line(rt, log, dbEnd, "ERROR ProvisionedThroughputExceededException: "
                    + "Rate of requests exceeds the allowed throughput."));
        }

        ObjectNode invocation = sub("Invocation", start, end + ms(0.2, 1));
        if (throttled) invocation.put("fault", true);
        ArrayNode subs = invocation.putArray("subsegments");
        if (rt.handlerSubsegment != null) {
            ObjectNode handler = sub(rt.handlerSubsegment, t, end);
            handler.putObject("annotations").put("runtime", rt.runtimeLabel()).put("objects", 1);
            handler.putArray("subsegments").add(write);
            if (throttled) handler.put("fault", true);
            subs.add(handler);
        } else {
            subs.add(write);
        }
        return invocation;
    }

    /** A function's own log line, in each runtime's format (Go's carries no request id). */
    private static String line(DemoRuntime rt, LogWriter log, double t, String text) {
        String iso = Instant.ofEpochMilli((long) (t * 1000)).toString();
        return switch (rt) {
            case TS -> iso + "\t" + log.requestId + "\tINFO\t" + text;
            case PY -> "[INFO]\t" + iso + "\t" + log.requestId + "\t" + text;
            case GO -> iso.substring(0, 19).replace('-', '/').replace('T', ' ') + " " + text;
        };
    }

    private ObjectNode importErrorCause() {
        ObjectNode cause = JSON.objectNode();
        cause.put("working_directory", "/var/task");
        cause.putArray("paths");
        ObjectNode ex = cause.putArray("exceptions").addObject();
        ex.put("id", hex(16)).put("type", "Runtime.ImportModuleError")
                .put("message", "Unable to import module 'app': No module named 'aws_xray_sdk'");
        ex.putArray("stack").addObject().put("path", "/var/runtime/bootstrap.py").put("line", 60)
                .put("label", "_get_handler");
        return cause;
    }

    private ObjectNode throttleCause() {
        ObjectNode cause = JSON.objectNode();
        cause.put("working_directory", "/var/task");
        ObjectNode ex = cause.putArray("exceptions").addObject();
        ex.put("id", hex(16)).put("type", "ProvisionedThroughputExceededException").put("remote", true)
                .put("message", "Rate of requests exceeds the allowed throughput.");
        ex.putArray("stack").addObject().put("path", "/var/task/index.js").put("line", 1).put("label", "handler");
        return cause;
    }

    private ObjectNode segment(String traceId, String name, double start, double end, String origin,
            String parentId) {
        ObjectNode s = JSON.objectNode();
        s.put("id", hex(16)).put("name", name).put("start_time", round(start)).put("end_time", round(end))
                .put("trace_id", traceId);
        if (parentId != null) s.put("parent_id", parentId);
        s.put("origin", origin);
        return s;
    }

    private ObjectNode sub(String name, double start, double end) {
        ObjectNode s = JSON.objectNode();
        s.put("id", hex(16)).put("name", name).put("start_time", round(start)).put("end_time", round(end));
        return s;
    }

    /** Keys like the blog post's traffic: test-20-0-0-1; now and then a name that needs url-decoding. */
    private String objectKey(int n) {
        if (n % 17 == 0) return "uploads/report " + (2020 + n % 7) + ".pdf";
        return "test-" + (20 + n / 10) + "-0-0-" + (n % 10);
    }

    private String traceId(double t) {
        String seconds = Long.toHexString((long) t);
        return "1-" + "0".repeat(Math.max(0, 8 - seconds.length())) + seconds + "-" + hex(24);
    }

    private String logStream(double t) {
        String day = Instant.ofEpochSecond((long) t).toString().substring(0, 10).replace('-', '/');
        return day + "/[$LATEST]" + hex(32);
    }

    private String uuid() {
        String h = hex(32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }

    private String hex(int digits) {
        StringBuilder s = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) s.append(Character.forDigit(random.nextInt(16), 16));
        return s.toString();
    }

    private double ms(double min, double max) {
        return DemoRuntime.between(random, min, max) / 1000;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1e6) / 1e6;
    }

    private static String fmt(double seconds) {
        long hundredths = Math.round(seconds * 100_000);
        long fraction = hundredths % 100;
        return (hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction;
    }

    static double seconds(Instant i) {
        return i.getEpochSecond() + i.getNano() / 1e9;
    }

    /** Collects one invocation's log lines in its log group and stream. */
    private static final class LogWriter {
        final String requestId;
        final String group;
        final String stream;
        final List<LogLine> out;

        LogWriter(DemoRuntime rt, String requestId, String stream, List<LogLine> out) {
            this.requestId = requestId;
            this.group = "/aws/lambda/" + rt.functionName;
            this.stream = stream;
            this.out = out;
        }

        void at(double t, String message) {
            out.add(new LogLine(Math.round(t * 1000) / 1000.0, group, stream, message));
        }
    }
}
