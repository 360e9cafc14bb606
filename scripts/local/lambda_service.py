"""What the AWS services write that nobody writes on a laptop: the S3 -> SNS event envelope, the SNS
topic's segment (active tracing), Lambda's two segments per invocation (AWS::Lambda with Dwell Time and
Attempt #1, AWS::Lambda::Function with Initialization on a cold start, Invocation and Overhead, in the
shapes X-Ray shows for the deployed stack), and Lambda's REPORT line. Times are the ones measured by
the Runtime API emulator (runtime_api.py).
"""
import json
import math
import secrets
import time
import urllib.parse

ACCOUNT = "000000000000"
REGION = "us-east-1"
BUCKET = "xraystarter-incoming"
TOPIC = "xraystarter-uploads"
TOPIC_ARN = f"arn:aws:sns:{REGION}:{ACCOUNT}:{TOPIC}"
DAEMON_HEADER = b'{"format":"json","version":1}\n'


def function_arn(name):
    return f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:{name}"


def new_trace_id(now=None):
    return f"1-{int(now or time.time()):08x}-{secrets.token_hex(12)}"


def new_id():
    return secrets.token_hex(8)


def iso(t):
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + f".{int(t * 1000) % 1000:03d}Z"


def sns_event(key, size, at):
    """The SNS notification the stack's topic delivers for one upload: S3's event, as the Message."""
    s3 = {"Records": [{
        "eventVersion": "2.1", "eventSource": "aws:s3", "awsRegion": REGION, "eventTime": iso(at),
        "eventName": "ObjectCreated:Put",
        "s3": {"s3SchemaVersion": "1.0",
               "bucket": {"name": BUCKET, "arn": f"arn:aws:s3:::{BUCKET}"},
               "object": {"key": urllib.parse.quote_plus(key, safe="/"), "size": size, "eTag": secrets.token_hex(16)}},
    }]}
    return {"Records": [{
        "EventSource": "aws:sns", "EventVersion": "1.0",
        "EventSubscriptionArn": f"{TOPIC_ARN}:{secrets.token_hex(4)}",
        "Sns": {"Type": "Notification", "MessageId": str(secrets.token_hex(16)), "TopicArn": TOPIC_ARN,
                "Subject": "Amazon S3 Notification", "Message": json.dumps(s3), "Timestamp": iso(at),
                "SignatureVersion": "1", "Signature": "", "SigningCertUrl": "", "UnsubscribeUrl": "",
                "MessageAttributes": {}},
    }]}


def sns_segment(trace_id, segment_id, start, end):
    return {"id": segment_id, "name": TOPIC, "trace_id": trace_id, "start_time": start, "end_time": end,
            "origin": "AWS::SNS::Topic", "resource_arn": TOPIC_ARN,
            "aws": {"topic_arn": TOPIC_ARN, "operation": "Publish", "region": REGION, "account_id": ACCOUNT}}


def lambda_segments(name, trace_id, parent_id, function_id, inv):
    """The AWS::Lambda and AWS::Lambda::Function segments of one finished invocation."""
    arn = function_arn(name)
    attempt_start = inv.init_start if inv.cold else inv.taken
    end = inv.next_poll
    fault = inv.outcome != "response"
    attempt = {"id": new_id(), "name": "Attempt #1", "start_time": attempt_start, "end_time": end,
               "http": {"response": {"status": 200}}}
    if fault:
        attempt["fault"] = True
    service = {"id": new_id(), "name": name, "trace_id": trace_id, "parent_id": parent_id,
               "start_time": inv.queued, "end_time": end, "origin": "AWS::Lambda", "resource_arn": arn,
               "aws": {"request_id": inv.request_id}, "http": {"response": {"status": 202}},
               "subsegments": [
                   {"id": new_id(), "name": "Dwell Time", "start_time": inv.queued, "end_time": attempt_start},
                   attempt]}
    if fault:
        service["fault"] = True
    phases = []
    if inv.cold:
        phases.append({"id": new_id(), "name": "Initialization", "start_time": inv.init_start,
                       "end_time": inv.init_end, "aws": {"function_arn": arn}})
    invocation = {"id": new_id(), "name": "Invocation", "start_time": inv.taken, "end_time": inv.answered}
    if fault:
        invocation["fault"] = True
    phases.append(invocation)
    phases.append({"id": new_id(), "name": "Overhead", "start_time": inv.answered, "end_time": end})
    function = {"id": function_id, "name": name, "trace_id": trace_id, "parent_id": attempt["id"],
                "start_time": attempt_start, "end_time": end, "origin": "AWS::Lambda::Function",
                "resource_arn": arn,
                "aws": {"function_arn": arn, "account_id": ACCOUNT, "request_id": inv.request_id,
                        "resource_names": [name], "cloudwatch_logs": [{"log_group": f"/aws/lambda/{name}"}]},
                "subsegments": phases}
    if fault:
        function["fault"] = True
        function["cause"] = {"exceptions": [{"id": new_id(), "type": error_type(inv),
                                             "message": error_message(inv)}]}
    return service, function


def error_type(inv):
    if inv.outcome == "timeout":
        return "Sandbox.Timedout"
    if inv.outcome == "exit":
        return "Runtime.ExitError"
    try:
        return json.loads(inv.body).get("errorType", "Error")
    except (ValueError, AttributeError):
        return "Error"


def error_message(inv):
    if inv.outcome == "timeout":
        return "Task timed out"
    if inv.outcome == "exit":
        return "Runtime exited without providing a reason"
    try:
        return str(json.loads(inv.body).get("errorMessage", ""))
    except (ValueError, AttributeError):
        return ""


def report_line(inv, memory_mb, max_memory_mb, trace_id=None, segment_id=None):
    """Lambda's REPORT line; Init Duration only on a cold start; the XRAY part when traced by X-Ray."""
    duration = (inv.answered - inv.taken) * 1000
    line = (f"REPORT RequestId: {inv.request_id}\tDuration: {duration:.2f} ms\t"
            f"Billed Duration: {math.ceil(duration)} ms\tMemory Size: {memory_mb} MB\t"
            f"Max Memory Used: {max_memory_mb} MB\t")
    if inv.cold:
        line += f"Init Duration: {(inv.init_end - inv.init_start) * 1000:.2f} ms\t"
    if inv.outcome == "timeout":
        line += "Status: timeout\t"
    elif inv.outcome == "init-error":
        line += "Status: error\tError Type: Runtime.InitError\t"
    elif inv.outcome == "exit":
        line += "Status: error\tError Type: Runtime.ExitError\t"
    if trace_id:
        line += f"\nXRAY TraceId: {trace_id}\tSegmentId: {segment_id}\tSampled: true\t"
    return line


def datagram(document):
    """One segment document as the X-Ray daemon protocol carries it."""
    return DAEMON_HEADER + json.dumps(document, separators=(",", ":")).encode()
