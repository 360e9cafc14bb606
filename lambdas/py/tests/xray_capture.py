"""Capture what the real X-Ray SDK sends, in Lambda mode, to a fake daemon (a UDP socket on 127.0.0.1)."""
import json
import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
LAMBDA_DIR = HERE.parent
DAEMON_HEADER = {"format": "json", "version": 1}


def new_trace_header():
    """A Lambda-style trace header with a valid X-Ray trace id (1-<8 hex epoch>-<24 hex>)."""
    root = f"1-{int(time.time()):08x}-{secrets.token_hex(12)}"
    return f"Root={root};Parent={secrets.token_hex(8)};Sampled=1"


def s3_event(bucket, *keys):
    return {"Records": [{"eventVersion": "2.1", "eventSource": "aws:s3", "awsRegion": "eu-central-1",
                         "eventName": "ObjectCreated:Put",
                         "s3": {"bucket": {"name": bucket, "arn": f"arn:aws:s3:::{bucket}"},
                                "object": {"key": key, "size": 1024}}} for key in keys]}


def sns_event(*messages):
    return {"Records": [{"EventSource": "aws:sns", "EventVersion": "1.0",
                         "Sns": {"Type": "Notification", "Subject": "Amazon S3 Notification",
                                 "TopicArn": "arn:aws:sns:eu-central-1:123456789012:xraystarter",
                                 "Message": m if isinstance(m, str) else json.dumps(m)}} for m in messages]}


def parse_datagram(data: bytes):
    header, sep, body = data.decode("utf-8").partition("\n")
    if not sep or json.loads(header) != DAEMON_HEADER:
        raise ValueError(f"not an X-Ray daemon datagram: {data[:80]!r}")
    return json.loads(body)


def run_in_lambda_mode(invocations, table="items"):
    """Run the handler in a child process in Lambda mode; return (segment documents, child output)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as daemon:
        daemon.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 * 1024 * 1024)
        daemon.bind(("127.0.0.1", 0))
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "_X_AMZN"))},
            "LAMBDA_TASK_ROOT": str(LAMBDA_DIR),
            "AWS_LAMBDA_FUNCTION_NAME": "xraystarter-py",
            "AWS_XRAY_DAEMON_ADDRESS": f"127.0.0.1:{daemon.getsockname()[1]}",
            "AWS_REGION": "eu-central-1", "AWS_DEFAULT_REGION": "eu-central-1",
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
            "TABLE_NAME": table,
            "PYTHONPATH": os.pathsep.join([str(LAMBDA_DIR), os.environ.get("PYTHONPATH", "")]),
        }
        spec = {"table": table, "invocations": invocations}
        child = subprocess.run([sys.executable, str(HERE / "lambda_sim.py")], input=json.dumps(spec),
                               env=env, cwd=LAMBDA_DIR, capture_output=True, text=True, timeout=120)
        if child.returncode != 0:
            raise RuntimeError(f"lambda_sim failed ({child.returncode}):\n{child.stderr}")
        daemon.setblocking(False)
        documents = []
        while True:  # the SDK sends synchronously, so everything is queued once the child has exited
            try:
                documents.append(parse_datagram(daemon.recv(65536)))
            except BlockingIOError:
                break
    return documents, {**json.loads(child.stdout), "stderr": child.stderr}
