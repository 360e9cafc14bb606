package io.xspy.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RemoteCallTest {

    private static Segment call(String extra) {
        Segment root = TestTraces.one("{\"id\":\"r\",\"trace_id\":\"1-581cf771-a006649127e371903a2de979\",\"name\":\"fn\","
                + "\"start_time\":1,\"end_time\":2,\"subsegments\":[{\"id\":\"d\",\"start_time\":1.1,\"end_time\":1.2," + extra + "}]}");
        return root.subsegments().get(0);
    }

    @Test
    void dynamoDbWithTableName() {
        Segment s = call("\"name\":\"DynamoDB\",\"namespace\":\"aws\",\"aws\":{\"operation\":\"PutItem\",\"table_name\":\"items\",\"account_id\":\"123456789012\"}");
        RemoteCall c = s.remoteCall();
        assertEquals(new RemoteCall("DynamoDB", "items", "PutItem", true), c);
        assertEquals("DynamoDB items PutItem", c.toString());
        ServiceId id = ServiceId.of(s);
        assertEquals("items", id.name());
        assertEquals("AWS::DynamoDB::Table", id.type());
        assertEquals("123456789012", id.accountId());
    }

    /** The Go SDK does not name the table: the node is the service itself. */
    @Test
    void dynamoDbWithoutTableName() {
        Segment s = call("\"name\":\"DynamoDB\",\"namespace\":\"aws\",\"aws\":{\"operation\":\"PutItem\"}");
        RemoteCall c = s.remoteCall();
        assertNull(c.resource());
        assertEquals("DynamoDB PutItem", c.toString());
        ServiceId id = ServiceId.of(s);
        assertEquals("DynamoDB", id.name());
        assertEquals("AWS::DynamoDB::Table", id.type());
    }

    @Test
    void otherAwsResourcesAndRemoteHttp() {
        assertEquals("q", ServiceId.of(call("\"name\":\"SQS\",\"namespace\":\"aws\",\"aws\":{\"operation\":\"SendMessage\",\"queue_url\":\"https://sqs/123/q\"}")).name());
        assertEquals("t", ServiceId.of(call("\"name\":\"SNS\",\"namespace\":\"aws\",\"aws\":{\"operation\":\"Publish\",\"topic_arn\":\"arn:aws:sns:eu:1:t\"}")).name());
        Segment http = call("\"name\":\"api\",\"namespace\":\"remote\",\"http\":{\"request\":{\"method\":\"POST\",\"url\":\"https://api.example.com/x\"}}");
        assertEquals(new RemoteCall("api", "https://api.example.com/x", "POST", false), http.remoteCall());
        assertEquals(ServiceId.of("api.example.com", "remote").name(), ServiceId.of(http).name());
        assertNull(call("\"name\":\"local-work\"").remoteCall());
        assertNull(ServiceId.of(call("\"name\":\"local-work\"")));
    }
}
