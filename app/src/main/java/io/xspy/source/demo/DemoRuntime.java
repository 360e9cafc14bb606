package io.xspy.source.demo;

import java.util.SplittableRandom;

/**
 * The three functions of the demo stack and how each behaves: init time on a cold start, the
 * DynamoDB PutItem time cold and warm (the blog post measured Go at 81 ms cold and 4–32 ms warm,
 * Python at 53 ms cold and 34–41 ms warm), the memory it reports, and how its SDK names things.
 */
enum DemoRuntime {
    TS("xraystarter-ts", "nodejs:22.v37", 180, 260, 70, 110, 18, 60, 84, 96,
            "handler", "write-item", "DynamoDB", true),
    PY("xraystarter-py", "python:3.13.v16", 260, 380, 48, 58, 34, 41, 71, 79,
            "handle-s3-event", "store-object", "dynamodb", true),
    GO("xraystarter-go", "provided:al2023.v92", 60, 95, 76, 86, 4, 32, 21, 27,
            null, "write-items", "DynamoDB", false);

    final String functionName;
    final String runtimeVersion;
    final double initMinMs, initMaxMs, coldDbMinMs, coldDbMaxMs, warmDbMinMs, warmDbMaxMs;
    final int memoryMinMb, memoryMaxMb;
    /** Subsegment the handler opens around its work (null: Go annotates only the write). */
    final String handlerSubsegment;
    final String writeSubsegment;
    /** The name the runtime's X-Ray SDK gives the DynamoDB subsegment. */
    final String dynamoName;
    /** Whether the SDK records aws.table_name (the Go SDK does not, as the blog post saw). */
    final boolean recordsTableName;

    DemoRuntime(String functionName, String runtimeVersion, double initMinMs, double initMaxMs, double coldDbMinMs,
            double coldDbMaxMs, double warmDbMinMs, double warmDbMaxMs, int memoryMinMb, int memoryMaxMb,
            String handlerSubsegment, String writeSubsegment, String dynamoName, boolean recordsTableName) {
        this.functionName = functionName;
        this.runtimeVersion = runtimeVersion;
        this.initMinMs = initMinMs;
        this.initMaxMs = initMaxMs;
        this.coldDbMinMs = coldDbMinMs;
        this.coldDbMaxMs = coldDbMaxMs;
        this.warmDbMinMs = warmDbMinMs;
        this.warmDbMaxMs = warmDbMaxMs;
        this.memoryMinMb = memoryMinMb;
        this.memoryMaxMb = memoryMaxMb;
        this.handlerSubsegment = handlerSubsegment;
        this.writeSubsegment = writeSubsegment;
        this.dynamoName = dynamoName;
        this.recordsTableName = recordsTableName;
    }

    String runtimeLabel() {
        return name().toLowerCase();
    }

    double initSeconds(SplittableRandom r) {
        return between(r, initMinMs, initMaxMs) / 1000;
    }

    double dynamoSeconds(SplittableRandom r, boolean cold) {
        return (cold ? between(r, coldDbMinMs, coldDbMaxMs) : between(r, warmDbMinMs, warmDbMaxMs)) / 1000;
    }

    int memoryUsedMb(SplittableRandom r, boolean cold) {
        return memoryMinMb + r.nextInt(memoryMaxMb - memoryMinMb + 1) + (cold ? 0 : 1);
    }

    static double between(SplittableRandom r, double min, double max) {
        return min + r.nextDouble() * (max - min);
    }
}
