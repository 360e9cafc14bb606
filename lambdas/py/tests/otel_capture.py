"""Run the handler with TRACING=otel under otel/otel-instrument (the local stand-in for the ADOT layer)
in a child process, against a fake DynamoDB and a fake OTLP/HTTP collector, both on 127.0.0.1."""
import json
import os
import subprocess
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

HERE = Path(__file__).resolve().parent.parent
# xspy's test of this function (app FunctionSpansTest) sets this to its own receiver: the fake collector
# forwards every request there, as received.
FORWARD_ENV = "XSPY_OTLP_TRACES_URL"


def _value(any_value):
    kind = any_value.WhichOneof("value")
    if kind == "array_value":
        return ",".join(str(_value(v)) for v in any_value.array_value.values)
    return getattr(any_value, kind) if kind else None


def attributes(key_values):
    return {kv.key: _value(kv.value) for kv in key_values}


class _Server:
    """A ThreadingHTTPServer on 127.0.0.1 whose POST requests go to handle(path, headers, body) -> (status, body)."""

    def __init__(self, handle):
        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status, headers, reply = handle(self.path, self.headers, body)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def start_fake_collector():
    """Spans arrive as dicts: name, kind, ids (hex), attributes, status, service (its resource's)."""
    spans, forward = [], os.environ.get(FORWARD_ENV)

    def handle(path, headers, body):
        if path != "/v1/traces" or headers.get("Content-Type") != "application/x-protobuf":
            return 400, {}, b"want OTLP protobuf on POST /v1/traces"
        if forward:
            request = urllib.request.Request(forward, data=body, headers={"Content-Type": "application/x-protobuf"})
            with urllib.request.urlopen(request, timeout=60) as response:
                assert response.status == 200, f"forward to {forward}: {response.status}"
        export = ExportTraceServiceRequest.FromString(body)
        for resource_spans in export.resource_spans:
            service = attributes(resource_spans.resource.attributes).get("service.name")
            for scope_spans in resource_spans.scope_spans:
                for span in scope_spans.spans:
                    spans.append({"service": service, "name": span.name, "kind": span.kind,
                                  "trace_id": span.trace_id.hex(), "span_id": span.span_id.hex(),
                                  "parent_span_id": span.parent_span_id.hex(), "attributes": attributes(span.attributes),
                                  "status": span.status.code, "status_message": span.status.message})
        return 200, {"Content-Type": "application/x-protobuf"}, b""

    server = _Server(handle)
    server.spans = spans
    return server


def start_fake_dynamodb():
    """Answers PutItem as DynamoDB does (JSON 1.0); keeps each call's item and X-Amzn-Trace-Id header."""
    puts = []

    def handle(path, headers, body):
        reply = {"Content-Type": "application/x-amz-json-1.0", "x-amzn-RequestId": f"FAKEREQUEST{len(puts) + 1:04d}"}
        if headers.get("X-Amz-Target") != "DynamoDB_20120810.PutItem":
            return 400, reply, json.dumps({"__type": "com.amazonaws.dynamodb.v20120810#UnknownOperationException",
                                           "message": "fake knows only PutItem"}).encode()
        request = json.loads(body)
        puts.append({"table": request["TableName"], "key": request["Item"]["key"]["S"],
                     "trace_header": headers.get("X-Amzn-Trace-Id")})
        return 200, reply, b"{}"

    server = _Server(handle)
    server.puts = puts
    return server


def run_with_otel(tmp_path, events, trace_headers=()):
    """Invokes the handler once per event in one warm process; returns (spans, puts, outcomes, output)."""
    files = []
    for i, event in enumerate(events):
        files.append(tmp_path / f"event-{i}.json")
        files[-1].write_text(json.dumps(event))
    collector, dynamodb = start_fake_collector(), start_fake_dynamodb()
    try:
        env = {
            "PATH": os.environ["PATH"], "HOME": str(tmp_path),
            # As in Lambda: the task root is on the path (the instrumentation imports the handler's
            # module before any code of ours runs), and the runtime's variables are set.
            "LAMBDA_TASK_ROOT": str(HERE), "PYTHONPATH": str(HERE), "_HANDLER": "app.handler",
            "AWS_LAMBDA_FUNCTION_NAME": "xraystarter-py", "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "128",
            "XRAY_TRACE_HEADERS": ",".join(trace_headers),
            "TRACING": "otel", "OTEL_SERVICE_NAME": "xraystarter-py", "OTEL_EXPORTER_OTLP_ENDPOINT": collector.url,
            "TABLE_NAME": "items", "AWS_REGION": "eu-central-1", "AWS_DEFAULT_REGION": "eu-central-1",
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_MAX_ATTEMPTS": "1",
            "AWS_ENDPOINT_URL_DYNAMODB": dynamodb.url, "AWS_CONFIG_FILE": str(tmp_path / "none"),
            "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "none"), "AWS_EC2_METADATA_DISABLED": "true",
        }
        run = subprocess.run([str(HERE / "otel/otel-instrument"), str(HERE / ".venv/bin/python"), str(HERE / "otel/invoke.py"),
                              *map(str, files)], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
        outcomes = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
        # The aws-lambda instrumentation flushes before each invocation returns: every span is here.
        return list(collector.spans), list(dynamodb.puts), outcomes, run.stdout + run.stderr
    finally:
        collector.close()
        dynamodb.close()
