package io.xspy.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every field X-Ray documents for segment documents, read into the model. */
class SegmentParserTest {

    static final String FULL = """
            {"id":"70de5b6f19ff9a0a","trace_id":"1-581cf771-a006649127e371903a2de979","name":"example.com",
             "start_time":1478293361.271,"end_time":1478293361.449,"origin":"AWS::EC2::Instance",
             "user":"alice","precursor_ids":["0f1e2d3c4b5a6978"],
             "service":{"version":"1.2.3","compiler_version":"javac 17"},
             "http":{"request":{"method":"GET","url":"https://example.com/","user_agent":"curl/8","client_ip":"198.51.100.7",
                                "x_forwarded_for":true,"traced":false},
                     "response":{"status":503,"content_length":1024}},
             "aws":{"account_id":"123456789012","region":"eu-central-1",
                    "ec2":{"instance_id":"i-0b5a4678fc325bg98","availability_zone":"eu-central-1a"},
                    "xray":{"sdk":"X-Ray for Java","sdk_version":"2.15.0"},
                    "cloudwatch_logs":[{"log_group":"/app/example","arn":"arn:aws:logs:eu-central-1:123456789012:log-group:/app/example"}]},
             "annotations":{"customer":"c-17","items":3,"priority":2.5,"vip":true},
             "metadata":{"debug":{"cache":"miss","sizes":[1,2]}},
             "error":false,"throttle":false,"fault":true,
             "cause":{"working_directory":"/app","paths":["/app/Main.java"],
                      "exceptions":[{"id":"e1","message":"boom","type":"IllegalStateException","remote":false,"truncated":2,"skipped":1,"cause":"e0",
                                     "stack":[{"path":"Main.java","line":42,"label":"Main.run"},{"path":"Main.java","line":7,"label":"Main.main"}]}]},
             "subsegments":[
               {"id":"53995c3f42cd8ad8","name":"RDS","start_time":1478293361.3,"end_time":1478293361.35,"namespace":"remote",
                "sql":{"url":"jdbc:postgresql://db/orders","database_type":"PostgreSQL","sanitized_query":"SELECT 1","user":"app"},
                "subsegments":[{"id":"a1","name":"level2","start_time":1478293361.31,"end_time":1478293361.34,
                   "subsegments":[{"id":"a2","name":"level3","start_time":1478293361.32,"end_time":1478293361.33,
                      "subsegments":[{"id":"a3","name":"level4","start_time":1478293361.321,"end_time":1478293361.322}]}]}]},
               {"id":"0b8f2f26d1b5e3c1","name":"DynamoDB","start_time":1478293361.28,"end_time":1478293361.29,"namespace":"aws",
                "aws":{"operation":"PutItem","table_name":"items","request_id":"R1","retries":0},"throttle":true,"error":true,
                "cause":"e1"}]}
            """;

    @Test
    void everyDocumentedField() {
        Segment s = TestTraces.one(FULL);
        assertEquals("70de5b6f19ff9a0a", s.id());
        assertEquals("1-581cf771-a006649127e371903a2de979", s.traceId());
        assertNull(s.parentId());
        assertEquals("example.com", s.name());
        assertEquals(1478293361.271, s.startTime());
        assertEquals(1478293361.449, s.endTime());
        assertEquals(0.178, s.duration(), 1e-6);
        assertFalse(s.inProgress());
        assertEquals(Kind.SEGMENT, s.kind());
        assertTrue(s.isDocument());
        assertEquals("AWS::EC2::Instance", s.origin());
        assertEquals("alice", s.user());
        assertEquals(List.of("0f1e2d3c4b5a6978"), s.precursorIds());
        assertEquals("1.2.3", s.service().get("version").asText());

        HttpInfo http = s.http();
        assertEquals("GET", http.method());
        assertEquals("https://example.com/", http.url());
        assertEquals("curl/8", http.userAgent());
        assertEquals("198.51.100.7", http.clientIp());
        assertEquals(true, http.xForwardedFor());
        assertEquals(false, http.traced());
        assertEquals(503, http.status());
        assertEquals(1024L, http.contentLength());

        AwsInfo aws = s.aws();
        assertEquals("123456789012", aws.accountId());
        assertEquals("eu-central-1", aws.region());
        assertEquals("X-Ray for Java 2.15.0", aws.xraySdk());
        assertEquals("/app/example", aws.logGroup());
        assertEquals("i-0b5a4678fc325bg98", aws.raw().get("ec2").get("instance_id").asText(), "other aws fields kept raw");

        Map<String, Object> ann = s.annotations();
        assertEquals("c-17", ann.get("customer"));
        assertEquals(3, ((Number) ann.get("items")).intValue());
        assertEquals(2.5, ((Number) ann.get("priority")).doubleValue());
        assertEquals(true, ann.get("vip"));
        assertEquals("miss", s.metadata().get("debug").get("cache").asText());

        assertTrue(s.fault());
        assertFalse(s.error());
        assertEquals(Status.FAULT, s.status());
        Cause cause = s.cause();
        assertNull(cause.exceptionId());
        assertEquals("/app", cause.workingDirectory());
        assertEquals(List.of("/app/Main.java"), cause.paths());
        Cause.ExceptionInfo e = cause.exceptions().get(0);
        assertEquals("e1", e.id());
        assertEquals("boom", e.message());
        assertEquals("IllegalStateException", e.type());
        assertFalse(e.remote());
        assertEquals(2, e.truncated());
        assertEquals(1, e.skipped());
        assertEquals("e0", e.cause());
        assertEquals(List.of(new Cause.StackFrame("Main.java", 42, "Main.run"), new Cause.StackFrame("Main.java", 7, "Main.main")),
                e.stack());
        assertEquals(s, s, "raw kept");
        assertEquals("example.com", s.raw().get("name").asText());
    }

    @Test
    void subsegmentsNestedAndOrderedByStart() {
        Segment s = TestTraces.one(FULL);
        assertEquals(List.of("DynamoDB", "RDS"), s.subsegments().stream().map(Segment::name).toList());
        Segment dynamo = s.subsegments().get(0);
        assertEquals(Kind.SUBSEGMENT, dynamo.kind());
        assertFalse(dynamo.isDocument());
        assertEquals(s.id(), dynamo.parentId());
        assertEquals(s.traceId(), dynamo.traceId());
        assertEquals("aws", dynamo.namespace());
        assertEquals("PutItem", dynamo.aws().operation());
        assertEquals("items", dynamo.aws().tableName());
        assertEquals("R1", dynamo.aws().requestId());
        assertEquals(Status.THROTTLE, dynamo.status(), "throttle outranks error");
        assertEquals("e1", dynamo.cause().exceptionId(), "cause as an id");
        Segment rds = s.subsegments().get(1);
        assertEquals("PostgreSQL", rds.sql().get("database_type").asText());
        assertEquals("SELECT 1", rds.sql().get("sanitized_query").asText());
        Segment level4 = rds.subsegments().get(0).subsegments().get(0).subsegments().get(0);
        assertEquals("level4", level4.name());
        assertEquals("a2", level4.parentId());
        List<String> walked = new java.util.ArrayList<>();
        s.walk(n -> walked.add(n.name()));
        assertEquals(List.of("example.com", "DynamoDB", "RDS", "level2", "level3", "level4"), walked);
    }

    @Test
    void independentSubsegmentAndInProgress() {
        Segment sub = TestTraces.one("""
                {"id":"s1","type":"subsegment","parent_id":"p1","trace_id":"1-581cf771-a006649127e371903a2de979",
                 "name":"work","start_time":1478293361.3,"in_progress":true}""");
        assertEquals(Kind.SUBSEGMENT, sub.kind());
        assertTrue(sub.independent());
        assertTrue(sub.isDocument());
        assertEquals("p1", sub.parentId());
        assertTrue(sub.inProgress());
        assertNull(sub.endTime());
        assertEquals(0, sub.duration());
        assertEquals(sub.startTime(), sub.endOrStart());
    }

    @Test
    void inferredSegment() {
        Segment s = TestTraces.one("""
                {"id":"i1","inferred":true,"parent_id":"c1","trace_id":"1-581cf771-a006649127e371903a2de979",
                 "name":"items","start_time":1478293361.3,"end_time":1478293361.4,"origin":"AWS::DynamoDB::Table"}""");
        assertEquals(Kind.INFERRED, s.kind());
        assertEquals(ServiceId.of("items", "AWS::DynamoDB::Table"), ServiceId.of(s));
    }

    @Test
    void statusFromHttpWhenNoFlags() {
        String doc = "{\"id\":\"h\",\"trace_id\":\"1-581cf771-a006649127e371903a2de979\",\"name\":\"n\",\"start_time\":1,\"end_time\":2,"
                + "\"http\":{\"response\":{\"status\":%d}}}";
        assertEquals(Status.OK, TestTraces.one(String.format(doc, 200)).status());
        assertEquals(Status.ERROR, TestTraces.one(String.format(doc, 404)).status());
        assertEquals(Status.THROTTLE, TestTraces.one(String.format(doc, 429)).status());
        assertEquals(Status.FAULT, TestTraces.one(String.format(doc, 502)).status());
        assertEquals(Status.FAULT, Status.ERROR.worst(Status.FAULT));
        assertEquals(Status.THROTTLE, Status.THROTTLE.worst(Status.OK));
    }
}
