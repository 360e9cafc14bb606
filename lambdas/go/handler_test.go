package main

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/config"
)

// newTestHandler wires the handler to a fake DynamoDB through the same client setup main uses.
func newTestHandler(t *testing.T) (*handler, *fakeDynamo) {
	fake := newFakeDynamo(t)
	for name, value := range awsEnv(t, fake.URL) {
		t.Setenv(name, value)
	}
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return newXRayHandler(cfg, "items"), fake
}

func TestHandleWritesEveryObjectOfEveryRecord(t *testing.T) {
	h, fake := newTestHandler(t)
	event := snsEvent(
		s3Notification("incoming", "photos/summer+2024%2Fbeach.jpg", "a%2Bb.txt"),
		s3Notification("incoming", "test-20-0-0-0"),
	)

	if err := h.handle(unsampledLambdaContext(t, "req-1"), event); err != nil {
		t.Fatalf("handle: %v", err)
	}

	puts, _ := fake.received()
	wantKeys := []string{"photos/summer 2024/beach.jpg", "a+b.txt", "test-20-0-0-0"}
	if len(puts) != len(wantKeys) {
		t.Fatalf("got %d PutItem calls, want %d: %+v", len(puts), len(wantKeys), puts)
	}
	sortKeys := map[string]bool{}
	for i, put := range puts {
		item := put.Item
		if put.Table != "items" {
			t.Errorf("put %d: table %q, want items", i, put.Table)
		}
		if item["PK"] != wantKeys[i] || item["key"] != wantKeys[i] {
			t.Errorf("put %d: PK %q key %q, want %q", i, item["PK"], item["key"], wantKeys[i])
		}
		if item["runtime"] != "go" || item["bucket"] != "incoming" || item["writtenAt"] == "" {
			t.Errorf("put %d: runtime %q bucket %q writtenAt %q", i, item["runtime"], item["bucket"], item["writtenAt"])
		}
		if !strings.HasPrefix(item["SK"], "go#"+item["writtenAt"]+"#req-1#") {
			t.Errorf("put %d: SK %q does not start with go#<writtenAt>#<request id>#", i, item["SK"])
		}
		if put.Condition != "attribute_not_exists(SK)" {
			t.Errorf("put %d: condition %q, items could be overwritten", i, put.Condition)
		}
		sortKeys[item["SK"]] = true
	}
	if len(sortKeys) != len(puts) {
		t.Errorf("sort keys are not distinct: %v", sortKeys)
	}
}

func TestHandleSameObjectTwiceKeepsBothItems(t *testing.T) {
	h, fake := newTestHandler(t)
	event := snsEvent(s3Notification("incoming", "dup.txt"), s3Notification("incoming", "dup.txt"))
	if err := h.handle(unsampledLambdaContext(t, "req-dup"), event); err != nil {
		t.Fatalf("handle: %v", err)
	}
	if puts, _ := fake.received(); len(puts) != 2 || puts[0].Item["SK"] == puts[1].Item["SK"] {
		t.Fatalf("want two items with distinct SKs, got %+v", puts)
	}
}

func TestHandleReportsFailedWrite(t *testing.T) {
	h, _ := newTestHandler(t)
	h.table = "no-such-table"
	err := h.handle(unsampledLambdaContext(t, "req-fail"), snsEvent(s3Notification("incoming", "a.txt")))
	if err == nil || !strings.Contains(err.Error(), `put item "a.txt" into table no-such-table`) || !strings.Contains(err.Error(), "ResourceNotFoundException") {
		t.Fatalf("error %v, want the failed put with DynamoDB's reason", err)
	}
}

func TestHandleRejectsBadEventsWithoutWriting(t *testing.T) {
	cases := []struct {
		name    string
		event   func() eventType
		wantErr string
	}{
		{"no records", func() eventType { return snsEvent() }, "no SNS records"},
		{"message not JSON", func() eventType { return snsEvent(s3Notification("incoming", "ok.txt"), "hello world") },
			`SNS record 1 (message "msg-1"): SNS message is not JSON`},
		{"message not an S3 event", func() eventType {
			return snsEvent(`{"Service":"Amazon S3","Event":"s3:TestEvent","Bucket":"incoming"}`)
		}, "SNS message is not an S3 event notification: it has no Records"},
		{"record from another source", func() eventType {
			return snsEvent(strings.Replace(s3Notification("incoming", "x"), `"aws:s3"`, `"aws:sqs"`, 1))
		}, `eventSource is "aws:sqs", want "aws:s3"`},
		{"key not URL-encoded", func() eventType { return snsEvent(s3Notification("incoming", "100%.txt")) },
			`object key "100%.txt" is not URL-encoded`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h, fake := newTestHandler(t)
			err := h.handle(unsampledLambdaContext(t, "req-bad"), c.event())
			var bad *BadEventError
			if !errors.As(err, &bad) || !strings.Contains(err.Error(), c.wantErr) {
				t.Fatalf("error %v, want one containing %q", err, c.wantErr)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans lines: %q", err)
			}
			if _, calls := fake.received(); calls != 0 {
				t.Errorf("%d DynamoDB calls for a bad event, want none", calls)
			}
		})
	}
}

type eventType = events.SNSEvent
