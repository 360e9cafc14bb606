package main

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	coltrace "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	commonpb "go.opentelemetry.io/proto/otlp/common/v1"
	tracepb "go.opentelemetry.io/proto/otlp/trace/v1"
	"google.golang.org/protobuf/proto"
)

// forwardEnv names an OTLP/HTTP traces URL that the fake collector also sends every request to:
// xspy's test of this function (app FunctionSpansTest) sets it to xspy's own receiver.
const forwardEnv = "XSPY_OTLP_TRACES_URL"

// fakeCollector is a minimal OTLP/HTTP traces endpoint (protobuf, as otlptracehttp sends it).
type fakeCollector struct {
	*httptest.Server
	mu    sync.Mutex
	spans []*span
}

// span is one received span with the service.name of its resource.
type span struct {
	*tracepb.Span
	service string
}

func newFakeCollector(t *testing.T) *fakeCollector {
	c := &fakeCollector{}
	forward := os.Getenv(forwardEnv)
	c.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var req coltrace.ExportTraceServiceRequest
		if r.URL.Path != "/v1/traces" || proto.Unmarshal(body, &req) != nil {
			http.Error(w, "want an OTLP protobuf export on /v1/traces", http.StatusBadRequest)
			return
		}
		if forward != "" {
			resp, err := http.Post(forward, "application/x-protobuf", bytes.NewReader(body))
			if err != nil || resp.StatusCode != http.StatusOK {
				http.Error(w, fmt.Sprintf("forward to %s: %v %v", forward, err, resp), http.StatusBadGateway)
				return
			}
			resp.Body.Close()
		}
		c.mu.Lock()
		for _, rs := range req.ResourceSpans {
			service := stringAttr(rs.GetResource().GetAttributes(), "service.name")
			for _, ss := range rs.ScopeSpans {
				for _, s := range ss.Spans {
					c.spans = append(c.spans, &span{s, service})
				}
			}
		}
		c.mu.Unlock()
		out, _ := proto.Marshal(&coltrace.ExportTraceServiceResponse{})
		w.Header().Set("Content-Type", "application/x-protobuf")
		w.Write(out)
	}))
	t.Cleanup(c.Close)
	return c
}

func (c *fakeCollector) received() []*span {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]*span(nil), c.spans...)
}

func stringAttr(attrs []*commonpb.KeyValue, key string) string {
	for _, kv := range attrs {
		if kv.Key == key {
			if a := kv.Value.GetArrayValue(); a != nil {
				var parts []string
				for _, v := range a.Values {
					parts = append(parts, v.GetStringValue())
				}
				return strings.Join(parts, ",")
			}
			if kv.Value.GetIntValue() != 0 {
				return fmt.Sprint(kv.Value.GetIntValue())
			}
			return kv.Value.GetStringValue()
		}
	}
	return ""
}

// TestBootstrapWithOTelExportsSpans runs the real bootstrap with TRACING=otel as Lambda would
// (Runtime API, trace header per invocation) against a fake DynamoDB and a fake OTLP collector, and
// checks the spans of both invocations: the handler, one write-items per object, its DynamoDB call.
func TestBootstrapWithOTelExportsSpans(t *testing.T) {
	binary := buildBootstrap(t)
	dynamo := newFakeDynamo(t)
	collector := newFakeCollector(t)

	goodTrace, goodParent := newTraceID(t), randomHex(t, 8)
	goodEvent, _ := json.Marshal(snsEvent(
		s3Notification("xraystarter-incoming", "test-20-0-0-0", "photos/summer+2024%2Fbeach.jpg"),
		s3Notification("xraystarter-incoming", "test-20-0-0-1"),
	))
	badEvent, _ := json.Marshal(snsEvent("this is not JSON"))
	good := &invocation{requestID: "11111111-1111-4111-8111-111111111111", payload: goodEvent,
		traceHeader: fmt.Sprintf("Root=%s;Parent=%s;Sampled=1", goodTrace, goodParent)}
	bad := &invocation{requestID: "22222222-2222-4222-8222-222222222222", payload: badEvent,
		traceHeader: fmt.Sprintf("Root=%s;Parent=%s;Sampled=1", newTraceID(t), randomHex(t, 8))}
	runtimeAPI := newFakeRuntimeAPI(t, good, bad)

	cmd := exec.Command(binary)
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + t.TempDir(),
		"AWS_LAMBDA_RUNTIME_API=" + strings.TrimPrefix(runtimeAPI.URL, "http://"),
		"LAMBDA_TASK_ROOT=" + filepath.Dir(binary),
		"AWS_LAMBDA_FUNCTION_NAME=xraystarter-go",
		"AWS_LAMBDA_FUNCTION_VERSION=$LATEST",
		"AWS_LAMBDA_FUNCTION_MEMORY_SIZE=128",
		"AWS_LAMBDA_LOG_GROUP_NAME=/aws/lambda/xraystarter-go",
		"AWS_LAMBDA_LOG_STREAM_NAME=2026/11/30/[$LATEST]0123456789abcdef0123456789abcdef",
		"TRACING=otel",
		"OTEL_SERVICE_NAME=xraystarter-go",
		"OTEL_EXPORTER_OTLP_ENDPOINT=" + collector.URL,
		"TABLE_NAME=items",
	}
	logs := runBootstrap(t, cmd, runtimeAPI, dynamo.URL)
	if good.outcome != "response" || bad.outcome != "error" {
		t.Fatalf("good event: %s %s; bad event: %s %s", good.outcome, good.body, bad.outcome, bad.body)
	}
	if strings.Contains(logs.String(), "xray") {
		t.Errorf("TRACING=otel must not touch the X-Ray SDK, but it logged about X-Ray")
	}

	// otellambda flushes before the invocation's answer is posted, so every span is here by now.
	spans := collector.received()
	byID := map[string]*span{}
	var handlers, writes, calls []*span
	for _, s := range spans {
		byID[hex.EncodeToString(s.SpanId)] = s
		if s.service != "xraystarter-go" {
			t.Errorf("span %q: service.name %q, want xraystarter-go", s.Name, s.service)
		}
		switch {
		case s.Name == "xraystarter-go":
			handlers = append(handlers, s)
		case s.Name == writeSubsegment:
			writes = append(writes, s)
		case s.Name == "DynamoDB.PutItem":
			calls = append(calls, s)
		default:
			t.Errorf("unexpected span %q", s.Name)
		}
	}
	if len(handlers) != 2 || len(writes) != 3 || len(calls) != 3 {
		t.Fatalf("got %d handler, %d write-items, %d DynamoDB.PutItem spans; want 2, 3, 3", len(handlers), len(writes), len(calls))
	}
	// The good invocation continues the trace Lambda started (X-Ray propagation).
	goodHandler := handlers[0]
	if handlers[1].Status.GetCode() != tracepb.Status_STATUS_CODE_ERROR {
		goodHandler = handlers[1]
	}
	if got := hex.EncodeToString(goodHandler.TraceId); got != strings.ReplaceAll(goodTrace[2:], "-", "") {
		t.Errorf("handler trace id %s, want the invocation's %s", got, goodTrace)
	}
	if hex.EncodeToString(goodHandler.ParentSpanId) != goodParent || goodHandler.Kind != tracepb.Span_SPAN_KIND_SERVER {
		t.Errorf("handler parent %x kind %v; want the Lambda segment %s, SERVER", goodHandler.ParentSpanId, goodHandler.Kind, goodParent)
	}
	if id := stringAttr(goodHandler.Attributes, "faas.invocation_id"); id != good.requestID {
		t.Errorf("faas.invocation_id %q, want %s", id, good.requestID)
	}
	for _, h := range handlers {
		if h != goodHandler && (h.Status.GetCode() != tracepb.Status_STATUS_CODE_ERROR || !strings.Contains(h.Status.GetMessage(), "not JSON")) {
			t.Errorf("bad invocation's span status %v, want the error", h.Status)
		}
	}
	var keys []string
	for _, w := range writes {
		if byID[hex.EncodeToString(w.ParentSpanId)] != goodHandler || stringAttr(w.Attributes, "runtime") != "go" ||
			stringAttr(w.Attributes, "aws.xray.annotations") != "runtime,key" {
			t.Errorf("write-items %v: want a child of the handler span with runtime=go, annotated for X-Ray", w.Attributes)
		}
		keys = append(keys, stringAttr(w.Attributes, "key"))
	}
	if got, want := strings.Join(keys, "|"), "test-20-0-0-0|photos/summer 2024/beach.jpg|test-20-0-0-1"; got != want {
		t.Errorf("write-items keys %s, want %s", got, want)
	}
	puts, _ := dynamo.received()
	for i, c := range calls {
		parent := byID[hex.EncodeToString(c.ParentSpanId)]
		if parent == nil || parent.Name != writeSubsegment || c.Kind != tracepb.Span_SPAN_KIND_CLIENT {
			t.Errorf("DynamoDB call %d: parent %v kind %v; want a CLIENT child of write-items", i, parent, c.Kind)
		}
		for key, want := range map[string]string{"rpc.system.name": "aws-api", "rpc.method": "DynamoDB/PutItem",
			"aws.region": "eu-central-1", "db.system.name": "aws.dynamodb", "aws.dynamodb.table_names": "items",
			"http.response.status_code": "200"} {
			if got := stringAttr(c.Attributes, key); got != want {
				t.Errorf("DynamoDB call %d: %s = %q, want %q", i, key, got, want)
			}
		}
		if !strings.HasPrefix(stringAttr(c.Attributes, "aws.request_id"), "FAKEREQUEST") {
			t.Errorf("DynamoDB call %d: aws.request_id %q", i, stringAttr(c.Attributes, "aws.request_id"))
		}
		// The call carries the trace on to DynamoDB with its own span as parent.
		want := fmt.Sprintf("Root=%s;Parent=%x;Sampled=1", goodTrace, c.SpanId)
		if !hasPut(puts, stringAttr(parent.Attributes, "key"), want) {
			t.Errorf("DynamoDB call %d: no PutItem with X-Amzn-Trace-Id %s", i, want)
		}
	}
}

func TestBootstrapRefusesAnUnknownTracingMode(t *testing.T) {
	cmd := exec.Command(buildBootstrap(t))
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "TABLE_NAME=items", "TRACING=jaeger"}
	for name, value := range awsEnv(t, "http://127.0.0.1:1") {
		cmd.Env = append(cmd.Env, name+"="+value)
	}
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), `environment variable TRACING is "jaeger"; use xray or otel`) {
		t.Fatalf("exit %v, output %q; want a failure naming TRACING's values", err, out)
	}
}
