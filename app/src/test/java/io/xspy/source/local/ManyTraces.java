package io.xspy.source.local;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Many small traces as NDJSON, one segment document per line (about 1 KB a trace), for measuring
 * what loading a large {@code --file} costs:
 * {@code java -cp app/target/test-classes io.xspy.source.local.ManyTraces big.ndjson 49426}
 * writes about 50 MB. Not a test: the file is made on demand, never kept in git.
 */
public final class ManyTraces {
    private ManyTraces() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ManyTraces PATH [TRACES]");
            System.exit(2);
        }
        int traces = args.length > 1 ? Integer.parseInt(args[1]) : 49_426;
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
            write(out, traces);
        }
    }

    /** {@code traces} traces, one second apart from 2026-11-01, each a Lambda segment with two subsegments. */
    public static void write(Writer out, int traces) throws IOException {
        double t0 = 1_793_000_000;
        for (int i = 0; i < traces; i++) {
            double start = t0 + i;
            String traceId = String.format(Locale.ROOT, "1-%08x-%024x", (long) start, i);
            String id = String.format(Locale.ROOT, "%016x", 0x1000_0000_0000L + i);
            boolean fault = i % 17 == 0;
            out.write(String.format(Locale.ROOT,
                    "{\"id\":\"%s\",\"trace_id\":\"%s\",\"name\":\"orders-%d\",\"origin\":\"AWS::Lambda::Function\","
                    + "\"start_time\":%.3f,\"end_time\":%.3f,\"fault\":%b,"
                    + "\"http\":{\"request\":{\"method\":\"POST\",\"url\":\"https://api.example.com/orders/%d\"},"
                    + "\"response\":{\"status\":%d}},"
                    + "\"aws\":{\"function_arn\":\"arn:aws:lambda:eu-central-1:123456789012:function:orders-%d\","
                    + "\"request_id\":\"%08x-0000-4000-8000-%012x\",\"xray\":{\"sdk\":\"X-Ray for Go\",\"sdk_version\":\"1.8.3\"}},"
                    + "\"annotations\":{\"customer\":\"c-%d\",\"cold\":%b},"
                    + "\"subsegments\":[{\"id\":\"%s\",\"name\":\"DynamoDB\",\"namespace\":\"aws\",\"start_time\":%.3f,"
                    + "\"end_time\":%.3f,\"aws\":{\"operation\":\"PutItem\",\"table_name\":\"orders\",\"region\":\"eu-central-1\"},"
                    + "\"http\":{\"response\":{\"status\":200}}},"
                    + "{\"id\":\"%s\",\"name\":\"render\",\"start_time\":%.3f,\"end_time\":%.3f,"
                    + "\"metadata\":{\"default\":{\"items\":%d,\"note\":\"a little metadata to make the document realistic\"}}}]}\n",
                    id, traceId, i % 5, start, start + 0.120, fault, i, fault ? 502 : 200, i % 5, i, i, i % 1000, i % 9 == 0,
                    String.format(Locale.ROOT, "%016x", 0x2000_0000_0000L + i), start + 0.010, start + 0.060,
                    String.format(Locale.ROOT, "%016x", 0x3000_0000_0000L + i), start + 0.070, start + 0.110, i % 50));
        }
    }
}
