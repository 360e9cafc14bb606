package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambdacontext"
)

// putRequest is one PutItem call received by fakeDynamo.
type putRequest struct {
	Table     string
	Item      map[string]string // attribute name -> S value
	Condition string
	TraceID   string // X-Amzn-Trace-Id request header
}

// fakeDynamo speaks enough of the DynamoDB JSON protocol (1.0) for PutItem, including the
// attribute_not_exists condition, for the one table "items", so the real SDK client can run against it.
type fakeDynamo struct {
	*httptest.Server
	mu    sync.Mutex
	puts  []putRequest
	items map[string]bool // "PK\x00SK" of stored items
	calls int             // every request, PutItem or not
}

func newFakeDynamo(t *testing.T) *fakeDynamo {
	f := &fakeDynamo{items: map[string]bool{}}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeDynamo) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	requestID := fmt.Sprintf("FAKEREQUEST%04d", f.calls)
	w.Header().Set("Content-Type", "application/x-amz-json-1.0")
	w.Header().Set("x-amzn-RequestId", requestID)
	reply := func(status int, body []byte) {
		// The SDK checks the body against this CRC32, as DynamoDB sends it.
		w.Header().Set("X-Amz-Crc32", strconv.FormatUint(uint64(crc32.ChecksumIEEE(body)), 10))
		w.WriteHeader(status)
		w.Write(body)
	}
	fail := func(status int, errType, message string) {
		body, _ := json.Marshal(map[string]string{"__type": "com.amazonaws.dynamodb.v20120810#" + errType, "message": message})
		reply(status, body)
	}
	if target := r.Header.Get("X-Amz-Target"); target != "DynamoDB_20120810.PutItem" {
		fail(http.StatusBadRequest, "UnknownOperationException", "fake supports only PutItem, got "+target)
		return
	}
	var in struct {
		TableName           string
		Item                map[string]map[string]any
		ConditionExpression string
	}
	body, _ := io.ReadAll(r.Body)
	if err := json.Unmarshal(body, &in); err != nil || in.TableName == "" {
		fail(http.StatusBadRequest, "ValidationException", fmt.Sprintf("bad PutItem body %q", body))
		return
	}
	if in.TableName != "items" {
		fail(http.StatusBadRequest, "ResourceNotFoundException", "Requested resource not found")
		return
	}
	put := putRequest{Table: in.TableName, Item: map[string]string{}, Condition: in.ConditionExpression, TraceID: r.Header.Get("X-Amzn-Trace-Id")}
	for name, value := range in.Item {
		s, ok := value["S"].(string)
		if !ok {
			fail(http.StatusBadRequest, "ValidationException", "fake stores only S attributes, got "+name)
			return
		}
		put.Item[name] = s
	}
	primaryKey := put.Item["PK"] + "\x00" + put.Item["SK"]
	if put.Item["PK"] == "" || put.Item["SK"] == "" {
		fail(http.StatusBadRequest, "ValidationException", "missing key attribute PK or SK")
		return
	}
	if f.items[primaryKey] && in.ConditionExpression == "attribute_not_exists(SK)" {
		fail(http.StatusBadRequest, "ConditionalCheckFailedException", "The conditional request failed")
		return
	}
	f.items[primaryKey] = true
	f.puts = append(f.puts, put)
	reply(http.StatusOK, []byte("{}"))
}

func (f *fakeDynamo) received() (puts []putRequest, calls int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]putRequest(nil), f.puts...), f.calls
}

// awsEnv points the AWS SDK at the fake endpoint with dummy credentials and no shared config.
func awsEnv(t *testing.T, dynamoURL string) map[string]string {
	dir := t.TempDir()
	return map[string]string{
		"AWS_ACCESS_KEY_ID":           "AKIDFAKE",
		"AWS_SECRET_ACCESS_KEY":       "fake-secret",
		"AWS_REGION":                  "eu-central-1",
		"AWS_ENDPOINT_URL_DYNAMODB":   dynamoURL,
		"AWS_CONFIG_FILE":             filepath.Join(dir, "no-config"),
		"AWS_SHARED_CREDENTIALS_FILE": filepath.Join(dir, "no-credentials"),
		"AWS_EC2_METADATA_DISABLED":   "true",
	}
}

// s3Notification is the JSON S3 publishes to SNS for uploads of the given (already encoded) keys.
func s3Notification(bucket string, encodedKeys ...string) string {
	records := []map[string]any{}
	for _, key := range encodedKeys {
		records = append(records, map[string]any{
			"eventVersion": "2.1",
			"eventSource":  "aws:s3",
			"awsRegion":    "eu-central-1",
			"eventTime":    "2022-11-27T17:53:58.000Z",
			"eventName":    "ObjectCreated:Put",
			"s3": map[string]any{
				"s3SchemaVersion": "1.0",
				"bucket":          map[string]any{"name": bucket, "arn": "arn:aws:s3:::" + bucket},
				"object":          map[string]any{"key": key, "size": 42, "eTag": "d41d8cd98f00b204e9800998ecf8427e"},
			},
		})
	}
	b, _ := json.Marshal(map[string]any{"Records": records})
	return string(b)
}

// snsEvent wraps each message in an SNS record, as SNS delivers it to Lambda.
func snsEvent(messages ...string) events.SNSEvent {
	var event events.SNSEvent
	for i, m := range messages {
		event.Records = append(event.Records, events.SNSEventRecord{
			EventSource:  "aws:sns",
			EventVersion: "1.0",
			SNS: events.SNSEntity{
				MessageID: fmt.Sprintf("msg-%d", i),
				Type:      "Notification",
				TopicArn:  "arn:aws:sns:eu-central-1:123456789012:xraystarter-uploads",
				Subject:   "Amazon S3 Notification",
				Message:   m,
				Timestamp: time.Date(2022, 11, 27, 17, 53, 58, 0, time.UTC),
			},
		})
	}
	return event
}

// newTraceID returns a valid X-Ray trace id: 1-<epoch seconds, 8 hex>-<96 random bits, 24 hex>.
func newTraceID(t *testing.T) string {
	return fmt.Sprintf("1-%08x-%s", time.Now().Unix(), randomHex(t, 12))
}

func randomHex(t *testing.T, n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// unsampledLambdaContext is what aws-lambda-go hands the handler for an invocation that X-Ray did
// not sample: the SDK then records nothing and sends nothing.
func unsampledLambdaContext(t *testing.T, requestID string) context.Context {
	header := fmt.Sprintf("Root=%s;Parent=%s;Sampled=0", newTraceID(t), randomHex(t, 8))
	return lambdaContext(requestID, header)
}

// lambdaContext builds the context aws-lambda-go passes to a handler: the invocation's request id
// and, under the plain string key the X-Ray SDK reads, the trace header.
func lambdaContext(requestID, traceHeader string) context.Context {
	ctx := lambdacontext.NewContext(context.Background(), &lambdacontext.LambdaContext{AwsRequestID: requestID})
	// nolint:staticcheck // aws-lambda-go and the X-Ray SDK agree on this exact string key.
	return context.WithValue(ctx, "x-amzn-trace-id", traceHeader)
}
