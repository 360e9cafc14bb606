package io.xspy.query;

import io.xspy.trace.ParseResult;
import io.xspy.trace.SegmentDocuments;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceAssembler;

/** Small traces built from segment documents, the way xspy reads them. */
final class Fixtures {

    private Fixtures() {}

    /** The names of the traces the expression selects, in the map's order, joined by spaces. */
    static String matching(java.util.Map<String, Trace> traces, String expression) {
        Filter filter = FilterParser.parse(expression);
        return String.join(" ", traces.entrySet().stream()
                .filter(e -> filter.matches(e.getValue())).map(java.util.Map.Entry::getKey).toList());
    }

    static Trace trace(String documentsJsonArray) {
        ParseResult parsed = SegmentDocuments.parse(documentsJsonArray, "test");
        if (!parsed.diagnostics().isEmpty()) throw new AssertionError("fixture has problems: " + parsed.diagnostics());
        return TraceAssembler.assemble(parsed.segments().get(0).traceId(), parsed.segments());
    }

    /** One healthy EC2 service answering 200, nothing downstream. */
    static Trace okWeb() {
        return trace("""
                [{"id":"a000000000000001","trace_id":"1-5f84c7a9-000000000000000000000001","name":"shop",
                  "origin":"AWS::EC2::Instance","start_time":1000.0,"end_time":1000.25,
                  "http":{"request":{"method":"POST","url":"https://shop.example.com/cart"},"response":{"status":200}}}]
                """);
    }

    /**
     * api.example.com (EC2) calls backend.example.com (instrumented, answers 404) and DynamoDB table
     * games (throttled, 429); api itself answers 200 after 1.5 s and records user and annotations.
     */
    static Trace web() {
        return trace("""
                [{"id":"b000000000000001","trace_id":"1-5f84c7a9-000000000000000000000002","name":"api.example.com",
                  "origin":"AWS::EC2::Instance","start_time":1000.0,"end_time":1001.5,"user":"alice",
                  "resource_arn":"arn:aws:ec2:eu-central-1:123456789012:instance/i-0abc",
                  "aws":{"account_id":"123456789012","ec2":{"availability_zone":"eu-central-1a","instance_id":"i-0abc"}},
                  "http":{"request":{"method":"GET","url":"http://api.example.com/v2/games?id=7",
                                     "user_agent":"curl/8.4.0","client_ip":"10.0.0.9"},
                          "response":{"status":200}},
                  "annotations":{"gameid":"817DL6VO","age":31,"vip":true,"odd key":"x"},
                  "subsegments":[
                    {"id":"b000000000000002","name":"backend.example.com","namespace":"remote",
                     "start_time":1000.1,"end_time":1000.6,"error":true,
                     "http":{"request":{"method":"GET","url":"http://backend.example.com/scores"},"response":{"status":404}}},
                    {"id":"b000000000000003","name":"DynamoDB","namespace":"aws","start_time":1000.7,"end_time":1000.9,
                     "throttle":true,"error":true,
                     "aws":{"operation":"GetItem","table_name":"games"},"http":{"response":{"status":429}},
                     "cause":{"exceptions":[{"id":"e1","message":"Rate of requests exceeds the allowed throughput"}]}},
                    {"id":"b000000000000004","name":"render","start_time":1000.9,"end_time":1001.4}
                  ]},
                 {"id":"c000000000000001","trace_id":"1-5f84c7a9-000000000000000000000002","parent_id":"b000000000000002",
                  "name":"backend.example.com","origin":"AWS::ECS::Container","start_time":1000.15,"end_time":1000.55,
                  "error":true,"user":"svc-backend",
                  "http":{"request":{"method":"GET","url":"http://backend.example.com/scores"},"response":{"status":404}}}]
                """);
    }

    /**
     * A trace shaped like the demo stack: the AWS::Lambda service segment (Dwell Time, Attempt #1) and the
     * AWS::Lambda::Function segment (Initialization, Invocation, Overhead) of {@code function}; the handler
     * writes to the DynamoDB table items with PutItem. {@code fault} makes the invocation fail.
     */
    static Trace lambda(String function, int n, double invocationSeconds, boolean fault) {
        String traceId = String.format("1-6b08560a-%024x", n);
        double start = 2000 + n;
        double fnStart = start + 0.012;
        double invStart = fnStart + 0.2;
        double invEnd = invStart + invocationSeconds;
        double end = invEnd + 0.01;
        String failure = fault
                ? ",\"fault\":true,\"cause\":{\"exceptions\":[{\"id\":\"f1\",\"message\":\"AccessDeniedException: not authorized\"}]}"
                : "";
        return trace(String.format(java.util.Locale.ROOT, """
                [{"id":"%1$s","trace_id":"%2$s","name":"%3$s","origin":"AWS::Lambda",
                  "start_time":%4$.3f,"end_time":%9$.3f,"aws":{"request_id":"r-%10$d"},
                  "http":{"response":{"status":%11$d}},
                  "subsegments":[
                    {"id":"%1$s01","name":"Dwell Time","start_time":%4$.3f,"end_time":%5$.3f},
                    {"id":"%1$s02","name":"Attempt #1","start_time":%5$.3f,"end_time":%9$.3f,
                     "http":{"response":{"status":%11$d}}}]},
                 {"id":"%12$s","trace_id":"%2$s","parent_id":"%1$s","name":"%3$s","origin":"AWS::Lambda::Function",
                  "start_time":%5$.3f,"end_time":%8$.3f,
                  "aws":{"account_id":"123456789012","function_arn":"arn:aws:lambda:eu-central-1:123456789012:function:%3$s"},
                  "resource_arn":"arn:aws:lambda:eu-central-1:123456789012:function:%3$s",
                  "subsegments":[
                    {"id":"%12$s01","name":"Initialization","start_time":%5$.3f,"end_time":%6$.3f},
                    {"id":"%12$s02","name":"Invocation","start_time":%6$.3f,"end_time":%7$.3f%13$s,
                     "subsegments":[
                       {"id":"%12$s03","name":"handler","start_time":%6$.3f,"end_time":%7$.3f,
                        "annotations":{"runtime":"ts","key":"test-%10$d","objects":2},
                        "subsegments":[
                          {"id":"%12$s04","name":"DynamoDB","namespace":"aws","start_time":%6$.3f,"end_time":%7$.3f,
                           "aws":{"operation":"PutItem","region":"eu-central-1","table_name":"items"},
                           "http":{"response":{"status":200}}}]}]},
                    {"id":"%12$s05","name":"Overhead","start_time":%7$.3f,"end_time":%8$.3f}]}]
                """, String.format("%012x", n), traceId, function, start, fnStart, invStart, invEnd, invEnd + 0.005, end,
                n, fault ? 500 : 200, String.format("f%011x", n), failure));
    }

    /** A service whose segment is still in progress. */
    static Trace inProgress() {
        return trace("""
                [{"id":"d000000000000001","trace_id":"1-5f84c7a9-000000000000000000000004","name":"slow",
                  "start_time":1000.0,"in_progress":true}]
                """);
    }

    /** A Go-style DynamoDB call without a table name, and an inferred segment for an SQS queue. */
    static Trace inferred() {
        return trace("""
                [{"id":"e000000000000001","trace_id":"1-5f84c7a9-000000000000000000000005","name":"worker",
                  "origin":"AWS::ECS::Container","start_time":1000.0,"end_time":1000.5,
                  "subsegments":[
                    {"id":"e000000000000002","name":"DynamoDB","namespace":"aws","start_time":1000.1,"end_time":1000.2,
                     "aws":{"operation":"Scan"}},
                    {"id":"e000000000000003","name":"SQS","namespace":"aws","start_time":1000.2,"end_time":1000.3,
                     "aws":{"operation":"SendMessage","queue_url":"https://sqs.eu-central-1.amazonaws.com/123456789012/jobs"}}]},
                 {"id":"e000000000000004","trace_id":"1-5f84c7a9-000000000000000000000005","parent_id":"e000000000000003",
                  "name":"jobs","origin":"AWS::SQS::Queue","inferred":true,"start_time":1000.2,"end_time":1000.3}]
                """);
    }
}
