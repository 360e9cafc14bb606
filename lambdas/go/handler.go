package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambdacontext"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// runtimeName marks this function's items (sort key prefix, "runtime" attribute, X-Ray annotation).
const runtimeName = "go"

// writeSubsegment names the custom X-Ray subsegment, or OpenTelemetry span, around each item write.
const writeSubsegment = "write-items"

// s3Object is one uploaded object named by an S3 event notification.
type s3Object struct {
	Bucket string
	Key    string // URL-decoded
}

type itemPutter interface {
	PutItem(ctx context.Context, in *dynamodb.PutItemInput, optFns ...func(*dynamodb.Options)) (*dynamodb.PutItemOutput, error)
}

type handler struct {
	db    itemPutter
	table string
	now   func() time.Time
	// traceWrite runs one item write inside the writeSubsegment span of the tracing mode.
	traceWrite writeTracer
}

// newHandler returns the handler traced with X-Ray, the deployed default.
func newHandler(db itemPutter, table string) *handler {
	return &handler{db: db, table: table, now: time.Now, traceWrite: xrayWrite}
}

// handle writes one item per S3 object. The whole event is validated before the first write,
// so a bad event writes nothing.
func (h *handler) handle(ctx context.Context, event events.SNSEvent) error {
	objects, err := parseEvent(event)
	if err != nil {
		log.Printf("ERROR %v", err)
		return err
	}
	requestID := "local"
	if lc, ok := lambdacontext.FromContext(ctx); ok && lc.AwsRequestID != "" {
		requestID = lc.AwsRequestID
	}
	for i, obj := range objects {
		if err := h.put(ctx, requestID, i, obj); err != nil {
			err = fmt.Errorf("put item %q into table %s: %w", obj.Key, h.table, err)
			log.Printf("ERROR %v", err)
			return err
		}
		log.Printf("put item %q", obj.Key)
	}
	return nil
}

func (h *handler) put(ctx context.Context, requestID string, index int, obj s3Object) error {
	return h.traceWrite(ctx, obj.Key, func(ctx context.Context) error {
		writtenAt := h.now().UTC().Format(time.RFC3339Nano)
		// The index keeps sort keys distinct when one event names the same object twice.
		sortKey := strings.Join([]string{runtimeName, writtenAt, requestID, strconv.Itoa(index)}, "#")
		_, err := h.db.PutItem(ctx, &dynamodb.PutItemInput{
			TableName: aws.String(h.table),
			Item: map[string]types.AttributeValue{
				"PK":        &types.AttributeValueMemberS{Value: obj.Key},
				"SK":        &types.AttributeValueMemberS{Value: sortKey},
				"runtime":   &types.AttributeValueMemberS{Value: runtimeName},
				"key":       &types.AttributeValueMemberS{Value: obj.Key},
				"bucket":    &types.AttributeValueMemberS{Value: obj.Bucket},
				"writtenAt": &types.AttributeValueMemberS{Value: writtenAt},
			},
			// Never overwrite an item, ours or another runtime's.
			ConditionExpression: aws.String("attribute_not_exists(SK)"),
		})
		return err
	})
}

// BadEventError rejects an event this function cannot handle. Lambda reports its type name as
// errorType, so a bad event stands apart from a failed write in logs and X-Ray.
type BadEventError struct{ problems []string }

func (e *BadEventError) Error() string { return "bad event: " + strings.Join(e.problems, "; ") }

// parseEvent checks every SNS record and returns all S3 objects, or one error naming every problem.
func parseEvent(event events.SNSEvent) ([]s3Object, error) {
	if len(event.Records) == 0 {
		return nil, &BadEventError{[]string{"no SNS records"}}
	}
	var objects []s3Object
	var problems []string
	for i, record := range event.Records {
		where := fmt.Sprintf("SNS record %d (message %q)", i, record.SNS.MessageID)
		found, err := parseS3Notification(record.SNS.Message)
		if err != nil {
			problems = append(problems, where+": "+err.Error())
			continue
		}
		objects = append(objects, found...)
	}
	if len(problems) > 0 {
		return nil, &BadEventError{problems}
	}
	return objects, nil
}

// s3EventNotification is the part of an S3 event notification this function reads. It is not
// events.S3Event, whose key decoding hides a bad key behind a generic JSON error.
type s3EventNotification struct {
	Records []struct {
		EventSource string `json:"eventSource"`
		S3          struct {
			Bucket struct {
				Name string `json:"name"`
			} `json:"bucket"`
			Object struct {
				Key string `json:"key"`
			} `json:"object"`
		} `json:"s3"`
	} `json:"Records"`
}

func parseS3Notification(message string) ([]s3Object, error) {
	var notification s3EventNotification
	if err := json.Unmarshal([]byte(message), &notification); err != nil {
		return nil, fmt.Errorf("SNS message is not JSON: %v", err)
	}
	if len(notification.Records) == 0 {
		return nil, fmt.Errorf("SNS message is not an S3 event notification: it has no Records")
	}
	objects := make([]s3Object, 0, len(notification.Records))
	for j, r := range notification.Records {
		switch {
		case r.EventSource != "aws:s3":
			return nil, fmt.Errorf("S3 record %d: eventSource is %q, want \"aws:s3\"", j, r.EventSource)
		case r.S3.Bucket.Name == "":
			return nil, fmt.Errorf("S3 record %d: no bucket name", j)
		case r.S3.Object.Key == "":
			return nil, fmt.Errorf("S3 record %d: no object key", j)
		}
		// S3 form-encodes keys in notifications: '+' is a space.
		key, err := url.QueryUnescape(r.S3.Object.Key)
		if err != nil {
			return nil, fmt.Errorf("S3 record %d: object key %q is not URL-encoded: %v", j, r.S3.Object.Key, err)
		}
		objects = append(objects, s3Object{Bucket: r.S3.Bucket.Name, Key: key})
	}
	return objects, nil
}
