package io.xspy.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a 10,000-node trace as {@code aws xray batch-get-traces} output and prints its trace id:
 * {@code java -cp bench/target/benchmarks.jar io.xspy.bench.GenerateBigTrace big.json [nodes] [seed]}.
 */
public final class GenerateBigTrace {
    private GenerateBigTrace() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: GenerateBigTrace PATH [NODES] [SEED]");
            System.exit(2);
        }
        int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        Files.writeString(Path.of(args[0]), BigTraces.batchGetTraces(nodes, seed), StandardCharsets.UTF_8);
        System.out.println(BigTraces.traceId(seed));
    }
}
