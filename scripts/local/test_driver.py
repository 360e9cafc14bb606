"""Tests of make local's Lambda stand-ins against small fake functions (stdlib only):
python3 -m unittest discover -s scripts/local -p 'test_*.py'  (run by the app's LocalDriverTest)."""
import json
import os
import sys
import tempfile
import time
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import lambda_service as svc  # noqa: E402
from runtime_api import Environment  # noqa: E402

# A function that speaks the Runtime API as the Go runtime does: its answer posted with chunked encoding.
FUNCTION = r'''
import http.client, json, os, sys
host, port = os.environ["AWS_LAMBDA_RUNTIME_API"].split(":")
print("init line", flush=True)
while True:
    c = http.client.HTTPConnection(host, int(port))
    c.request("GET", "/2018-06-01/runtime/invocation/next")
    r = c.getresponse()
    event = json.loads(r.read())
    rid = r.getheader("Lambda-Runtime-Aws-Request-Id")
    print("handling", event["n"], r.getheader("Lambda-Runtime-Trace-Id"), flush=True)
    if event.get("hang"):
        continue
    outcome = "error" if event.get("fail") else "response"
    body = json.dumps({"errorType": "BadEventError", "errorMessage": "no"} if event.get("fail") else {"n": event["n"]})
    c.request("POST", f"/2018-06-01/runtime/invocation/{rid}/{outcome}", body=iter([body.encode()]),
              encode_chunked=True)
    c.getresponse().read()
'''


class EnvironmentTest(unittest.TestCase):

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        script = Path(self.dir.name) / "function.py"
        script.write_text(FUNCTION)
        env = {"PATH": os.environ["PATH"], "XSPY_LOCAL_FUNCTION_ARN": "arn:aws:lambda:us-east-1:0:function:f"}
        self.env = Environment("f", [sys.executable, "-u", str(script)], env, self.dir.name, 128, 2,
                               Path(self.dir.name) / "f.out")

    def tearDown(self):
        self.env.close()
        self.dir.cleanup()

    def test_cold_then_warm_with_the_answer_and_the_lines_in_order(self):
        first = self.env.invoke({"n": 1}, "Root=1-00000001-000000000000000000000001;Parent=a;Sampled=1", time.time())
        second = self.env.invoke({"n": 2}, "Root=1-00000002-000000000000000000000002;Parent=b;Sampled=1", time.time())
        self.assertEqual(("response", True), (first.outcome, first.cold))
        self.assertEqual(("response", False), (second.outcome, second.cold))
        self.assertEqual({"n": 2}, json.loads(second.body))  # the chunked body, read whole
        self.assertTrue(first.init_start <= first.init_end <= first.taken <= first.answered <= first.next_poll)
        self.env.end_lines(second, "REPORT")
        lines = [m for _, m in self.env.take_lines()]
        self.assertTrue(lines[0].startswith("INIT_START "), lines)
        self.assertEqual("init line", lines[1])
        start = lines.index(f"START RequestId: {second.request_id} Version: $LATEST")
        self.assertIn("handling 2 Root=1-00000002-000000000000000000000002;Parent=b;Sampled=1", lines[start + 1])
        self.assertEqual([f"END RequestId: {second.request_id}", "REPORT"], lines[-2:])

    def test_an_error_is_the_function_s_answer(self):
        inv = self.env.invoke({"n": 1, "fail": True}, "Root=1-00000001-000000000000000000000001", time.time())
        self.assertEqual("error", inv.outcome)
        self.assertEqual("BadEventError", svc.error_type(inv))

    def test_a_function_that_never_answers_times_out_and_is_stopped(self):
        self.env.invoke({"n": 1}, "Root=1-00000001-000000000000000000000001", time.time())
        inv = self.env.invoke({"n": 2, "hang": True}, "Root=1-00000001-000000000000000000000001", time.time())
        self.assertEqual("timeout", inv.outcome)
        self.assertFalse(self.env.running())
        self.assertTrue(any("Task timed out after 2.00 seconds" in m for _, m in self.env.take_lines()))
        self.assertTrue(self.env.invoke({"n": 3}, "Root=1-00000001-000000000000000000000001", time.time()).cold)

    def test_a_stopped_environment_starts_cold(self):
        self.env.invoke({"n": 1}, "Root=1-00000001-000000000000000000000001", time.time())
        self.env.stop()
        inv = self.env.invoke({"n": 2}, "Root=1-00000001-000000000000000000000001", time.time())
        self.assertEqual(("response", True), (inv.outcome, inv.cold))


class ExitTest(unittest.TestCase):

    def test_a_process_that_ends_without_answering_is_an_exit_error_at_once(self):
        with tempfile.TemporaryDirectory() as d:
            env = Environment("f", ["sh", "-c", "echo bye; exit 3"], {"PATH": os.environ["PATH"],
                              "XSPY_LOCAL_FUNCTION_ARN": "arn"}, d, 128, 30, Path(d) / "f.out")
            try:
                started = time.time()
                inv = env.invoke({}, "Root=1-00000001-000000000000000000000001", started)
                self.assertEqual("exit", inv.outcome)
                self.assertLess(time.time() - started, 30, "not a timeout")
                lines = [m for _, m in env.take_lines()]
                self.assertIn("bye", lines)
                self.assertTrue(any("Runtime exited with error: exit status 3" in m for m in lines), lines)
            finally:
                env.close()


class LambdaServiceTest(unittest.TestCase):

    def invocation(self, cold, outcome="response"):
        from runtime_api import Invocation
        inv = Invocation(request_id="r-1", event={}, trace_header="", deadline_ms=0, queued=100.0)
        inv.cold, inv.outcome = cold, outcome
        inv.init_start, inv.init_end = (100.01, 100.2) if cold else (0.0, 0.0)
        inv.taken, inv.answered, inv.next_poll = 100.2 if cold else 100.01, 100.3, 100.301
        return inv

    def test_report_has_init_duration_only_when_cold(self):
        cold = svc.report_line(self.invocation(True), 1024, 50, "1-00000001-000000000000000000000001", "f1")
        warm = svc.report_line(self.invocation(False), 1024, 50)
        self.assertIn("Init Duration: 190.00 ms", cold)
        self.assertIn("\nXRAY TraceId: 1-00000001-000000000000000000000001\tSegmentId: f1\tSampled: true", cold)
        self.assertNotIn("Init Duration", warm)
        self.assertTrue(warm.startswith("REPORT RequestId: r-1\tDuration: 290.00 ms\tBilled Duration: 290 ms"), warm)

    def test_lambda_s_segments_chain_topic_attempt_function(self):
        service, function = svc.lambda_segments("xraystarter-go", "1-00000001-000000000000000000000001", "sns1",
                                                 "f1", self.invocation(True))
        self.assertEqual(("AWS::Lambda", "sns1", "r-1"), (service["origin"], service["parent_id"],
                                                          service["aws"]["request_id"]))
        dwell, attempt = service["subsegments"]
        self.assertEqual(("Dwell Time", "Attempt #1"), (dwell["name"], attempt["name"]))
        self.assertEqual(("AWS::Lambda::Function", "f1", attempt["id"]), (function["origin"], function["id"],
                                                                          function["parent_id"]))
        self.assertEqual(["Initialization", "Invocation", "Overhead"], [s["name"] for s in function["subsegments"]])
        self.assertEqual("/aws/lambda/xraystarter-go", function["aws"]["cloudwatch_logs"][0]["log_group"])
        _, warm = svc.lambda_segments("f", "t", "p", "f2", self.invocation(False))
        self.assertEqual(["Invocation", "Overhead"], [s["name"] for s in warm["subsegments"]])

    def test_a_failed_invocation_is_a_fault(self):
        inv = self.invocation(False, "error")
        inv.body = b'{"errorType":"BadEventError","errorMessage":"bad event: no Records"}'
        service, function = svc.lambda_segments("f", "t", "p", "f1", inv)
        self.assertTrue(service["fault"] and function["fault"])
        self.assertEqual("BadEventError", function["cause"]["exceptions"][0]["type"])

    def test_the_sns_envelope_carries_s3_s_event_with_the_key_url_encoded(self):
        event = svc.sns_event("reports/Q3 summary.csv", 12, 100.0)
        message = json.loads(event["Records"][0]["Sns"]["Message"])
        self.assertEqual("reports/Q3+summary.csv", message["Records"][0]["s3"]["object"]["key"])
        self.assertEqual("aws:sns", event["Records"][0]["EventSource"])


if __name__ == "__main__":
    unittest.main()
