package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

var fixturesPath = flag.String("fixtures", "", "write the X-Ray segment documents the bootstrap emits to this file, one JSON per line")

var traceIDPattern = regexp.MustCompile(`^1-[0-9a-f]{8}-[0-9a-f]{24}$`)

// invocation is one event the fake Runtime API hands out, and what the function answered.
type invocation struct {
	requestID   string
	traceHeader string
	payload     []byte
	outcome     string // "response" or "error"
	body        []byte
}

// fakeRuntimeAPI serves the Lambda Runtime API (2018-06-01) to a bootstrap binary: each
// invocation once, then it holds the next poll open until the process is killed.
type fakeRuntimeAPI struct {
	*httptest.Server
	mu      sync.Mutex
	pending []*invocation
	byID    map[string]*invocation
	done    chan *invocation
}

// runBootstrap starts the binary with the fake DynamoDB's AWS settings added to its environment and
// returns its output once the runtime API has seen every invocation answered; at the end of the test
// the process is killed and its output logged.
func runBootstrap(t *testing.T, cmd *exec.Cmd, runtimeAPI *fakeRuntimeAPI, dynamoURL string) *bytes.Buffer {
	t.Helper()
	for name, value := range awsEnv(t, dynamoURL) {
		cmd.Env = append(cmd.Env, name+"="+value)
	}
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		runtimeAPI.Close()
		t.Logf("bootstrap output:\n%s", logs.String())
	})
	for range cap(runtimeAPI.done) {
		select {
		case <-runtimeAPI.done:
		case <-time.After(60 * time.Second):
			t.Fatalf("bootstrap did not answer every invocation in 60s")
		}
	}
	return &logs
}

func newFakeRuntimeAPI(t *testing.T, invocations ...*invocation) *fakeRuntimeAPI {
	f := &fakeRuntimeAPI{pending: invocations, byID: map[string]*invocation{}, done: make(chan *invocation, len(invocations))}
	for _, inv := range invocations {
		f.byID[inv.requestID] = inv
	}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	return f
}

func (f *fakeRuntimeAPI) serve(w http.ResponseWriter, r *http.Request) {
	const prefix = "/2018-06-01/runtime/invocation/"
	switch {
	case r.Method == http.MethodGet && r.URL.Path == prefix+"next":
		f.mu.Lock()
		if len(f.pending) == 0 {
			f.mu.Unlock()
			<-r.Context().Done() // the runtime waits here, as in Lambda between invocations
			return
		}
		inv := f.pending[0]
		f.pending = f.pending[1:]
		f.mu.Unlock()
		h := w.Header()
		h.Set("Lambda-Runtime-Aws-Request-Id", inv.requestID)
		h.Set("Lambda-Runtime-Deadline-Ms", strconv.FormatInt(time.Now().Add(time.Minute).UnixMilli(), 10))
		h.Set("Lambda-Runtime-Trace-Id", inv.traceHeader)
		h.Set("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:eu-central-1:123456789012:function:xraystarter-go")
		w.Write(inv.payload)
	case r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, prefix):
		id, outcome, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, prefix), "/")
		inv := f.byID[id]
		if inv == nil || (outcome != "response" && outcome != "error") {
			http.Error(w, "unknown invocation "+r.URL.Path, http.StatusBadRequest)
			return
		}
		inv.outcome = outcome
		inv.body, _ = io.ReadAll(r.Body)
		w.WriteHeader(http.StatusAccepted)
		f.done <- inv
	default:
		http.Error(w, "fake Runtime API does not serve "+r.Method+" "+r.URL.Path, http.StatusNotFound)
	}
}

// listenXRayDaemon opens the UDP socket the X-Ray SDK sends segment documents to.
func listenXRayDaemon(t *testing.T) *net.UDPConn {
	conn, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// readDatagrams collects datagrams until none arrives for quietFor.
func readDatagrams(t *testing.T, conn *net.UDPConn, quietFor time.Duration) [][]byte {
	var datagrams [][]byte
	buf := make([]byte, 64*1024)
	for {
		conn.SetReadDeadline(time.Now().Add(quietFor))
		n, err := conn.Read(buf)
		if err != nil {
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				return datagrams
			}
			t.Fatal(err)
		}
		datagrams = append(datagrams, append([]byte(nil), buf[:n]...))
	}
}

// The bootstrap binary, built once for all the tests that run it (linking takes seconds).
var bootstrap struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bootstrap.dir != "" {
		os.RemoveAll(bootstrap.dir)
	}
	os.Exit(code)
}

// buildBootstrap builds the main package as `make build` does, but for this machine.
func buildBootstrap(t *testing.T) string {
	bootstrap.once.Do(func() {
		if bootstrap.dir, bootstrap.err = os.MkdirTemp("", "xraystarter-go-bootstrap-"); bootstrap.err != nil {
			return
		}
		bootstrap.path = filepath.Join(bootstrap.dir, "bootstrap")
		cmd := exec.Command("go", "build", "-tags", "lambda.norpc", "-o", bootstrap.path, ".")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			bootstrap.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if bootstrap.err != nil {
		t.Fatal(bootstrap.err)
	}
	return bootstrap.path
}

type segmentDoc struct {
	Name        string            `json:"name"`
	ID          string            `json:"id"`
	TraceID     string            `json:"trace_id"`
	ParentID    string            `json:"parent_id"`
	Type        string            `json:"type"`
	Namespace   string            `json:"namespace"`
	StartTime   float64           `json:"start_time"`
	EndTime     float64           `json:"end_time"`
	Annotations map[string]any    `json:"annotations"`
	AWS         map[string]any    `json:"aws"`
	HTTP        map[string]any    `json:"http"`
	Subsegments []json.RawMessage `json:"subsegments"`
}

// TestBootstrapInLambdaEmitsXRaySegments runs the real bootstrap binary as Lambda would: against
// the Runtime API, with the X-Ray daemon address and task root in its environment and the trace
// header on each invocation. It checks the items and the segment documents the X-Ray SDK sends.
func TestBootstrapInLambdaEmitsXRaySegments(t *testing.T) {
	binary := buildBootstrap(t)
	dynamo := newFakeDynamo(t)
	daemon := listenXRayDaemon(t)

	goodTrace, goodParent := newTraceID(t), randomHex(t, 8)
	badTrace := newTraceID(t)
	goodEvent, _ := json.Marshal(snsEvent(
		s3Notification("xraystarter-incoming", "test-20-0-0-0", "photos/summer+2024%2Fbeach.jpg"),
		s3Notification("xraystarter-incoming", "test-20-0-0-1"),
	))
	badEvent, _ := json.Marshal(snsEvent("this is not JSON"))
	good := &invocation{requestID: "11111111-1111-4111-8111-111111111111", payload: goodEvent,
		traceHeader: fmt.Sprintf("Root=%s;Parent=%s;Sampled=1", goodTrace, goodParent)}
	bad := &invocation{requestID: "22222222-2222-4222-8222-222222222222", payload: badEvent,
		traceHeader: fmt.Sprintf("Root=%s;Parent=%s;Sampled=1", badTrace, randomHex(t, 8))}
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
		"AWS_XRAY_DAEMON_ADDRESS=" + daemon.LocalAddr().String(),
		"AWS_XRAY_CONTEXT_MISSING=LOG_ERROR",
		"TABLE_NAME=items",
	}
	logs := runBootstrap(t, cmd, runtimeAPI, dynamo.URL)
	if good.outcome != "response" {
		t.Fatalf("good event: %s %s", good.outcome, good.body)
	}
	if bad.outcome != "error" || !strings.Contains(string(bad.body), "SNS message is not JSON") || !strings.Contains(string(bad.body), `"errorType":"BadEventError"`) {
		t.Fatalf("bad event: %s %s, want an error naming the non-JSON message", bad.outcome, bad.body)
	}

	puts, calls := dynamo.received()
	if calls != 3 || len(puts) != 3 {
		t.Fatalf("%d DynamoDB calls, %d items; want 3 items, all from the good event", calls, len(puts))
	}
	for _, key := range []string{"test-20-0-0-0", "photos/summer 2024/beach.jpg", "test-20-0-0-1"} {
		if !strings.Contains(logs.String(), fmt.Sprintf("put item %q", key)) {
			t.Errorf("no log line put item %q", key)
		}
	}

	var docs []segmentDoc
	var raw [][]byte
	for _, datagram := range readDatagrams(t, daemon, time.Second) {
		header, body, ok := bytes.Cut(datagram, []byte("\n"))
		var h struct {
			Format  string `json:"format"`
			Version int    `json:"version"`
		}
		if !ok || json.Unmarshal(header, &h) != nil || h.Format != "json" || h.Version != 1 {
			t.Fatalf("datagram without the daemon header line: %q", datagram)
		}
		var doc segmentDoc
		if err := json.Unmarshal(body, &doc); err != nil {
			t.Fatalf("segment document is not JSON: %v: %s", err, body)
		}
		docs, raw = append(docs, doc), append(raw, body)
	}
	// In Lambda the SDK sends only subsegments of the facade segment: one write-items per object,
	// each holding the DynamoDB call. Nothing is traced for the bad event: it writes nothing.
	if len(docs) != 3 {
		t.Fatalf("got %d segment documents, want 3 (one write-items per object): %s", len(docs), bytes.Join(raw, []byte("\n")))
	}
	var annotatedKeys []string
	for i, doc := range docs {
		if doc.Name != "write-items" || doc.Type != "subsegment" || doc.TraceID != goodTrace || doc.ParentID != goodParent {
			t.Errorf("doc %d: name %q type %q trace %q parent %q; want write-items subsegment of %s/%s",
				i, doc.Name, doc.Type, doc.TraceID, doc.ParentID, goodTrace, goodParent)
		}
		if !traceIDPattern.MatchString(doc.TraceID) || doc.EndTime < doc.StartTime || doc.StartTime == 0 {
			t.Errorf("doc %d: trace id %q, start %f, end %f", i, doc.TraceID, doc.StartTime, doc.EndTime)
		}
		if doc.Annotations["runtime"] != "go" {
			t.Errorf("doc %d: annotation runtime = %v, want go", i, doc.Annotations["runtime"])
		}
		key, _ := doc.Annotations["key"].(string)
		annotatedKeys = append(annotatedKeys, key)

		if len(doc.Subsegments) != 1 {
			t.Fatalf("doc %d: %d nested subsegments, want the DynamoDB call", i, len(doc.Subsegments))
		}
		var call segmentDoc
		if err := json.Unmarshal(doc.Subsegments[0], &call); err != nil {
			t.Fatal(err)
		}
		if call.Name != "DynamoDB" || call.Namespace != "aws" || call.AWS["operation"] != "PutItem" || call.AWS["region"] != "eu-central-1" {
			t.Errorf("doc %d: nested %q namespace %q aws %v; want DynamoDB PutItem in namespace aws", i, call.Name, call.Namespace, call.AWS)
		}
		if id, _ := call.AWS["request_id"].(string); !strings.HasPrefix(id, "FAKEREQUEST") {
			t.Errorf("doc %d: aws.request_id %v, want the id DynamoDB answered with", i, call.AWS["request_id"])
		}
		// What the blog post saw on the service map: the Go SDK, unlike Node and Python, does not
		// record the table name, so X-Ray shows a DynamoDB node without the table.
		if _, has := call.AWS["table_name"]; has {
			t.Errorf("doc %d: the Go X-Ray SDK now records aws.table_name = %v; update the fixture notes", i, call.AWS["table_name"])
		}
		if status := call.HTTP["response"].(map[string]any)["status"]; status != float64(200) {
			t.Errorf("doc %d: http.response.status %v, want 200", i, status)
		}
		// The SDK propagates the trace to DynamoDB with the DynamoDB subsegment as parent.
		wantHeader := fmt.Sprintf("Root=%s;Parent=%s;Sampled=1", goodTrace, call.ID)
		if !hasPut(puts, key, wantHeader) {
			t.Errorf("doc %d: no PutItem for %q with X-Amzn-Trace-Id %s", i, key, wantHeader)
		}
	}
	sort.Strings(annotatedKeys)
	if want := []string{"photos/summer 2024/beach.jpg", "test-20-0-0-0", "test-20-0-0-1"}; strings.Join(annotatedKeys, "|") != strings.Join(want, "|") {
		t.Errorf("annotated keys %q, want %q", annotatedKeys, want)
	}

	if *fixturesPath != "" {
		out := append(bytes.Join(raw, []byte("\n")), '\n')
		if err := os.MkdirAll(filepath.Dir(*fixturesPath), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(*fixturesPath, out, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %d segment documents to %s", len(raw), *fixturesPath)
	}
}

func hasPut(puts []putRequest, key, traceHeader string) bool {
	for _, put := range puts {
		if put.Item["PK"] == key && put.TraceID == traceHeader {
			return true
		}
	}
	return false
}
