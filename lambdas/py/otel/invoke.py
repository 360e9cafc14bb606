"""Invoke the handler named by _HANDLER (e.g. app.handler, importable from LAMBDA_TASK_ROOT) once per
event file, as the Lambda runtime would, printing each outcome as one JSON line. Under
otel/otel-instrument it runs instrumented as under the ADOT layer:

    LAMBDA_TASK_ROOT=. _HANDLER=app.handler TRACING=otel otel/otel-instrument .venv/bin/python otel/invoke.py event.json

Each invocation gets a fresh request id, and _X_AMZN_TRACE_ID from XRAY_TRACE_HEADERS (one header per
event, comma-separated) when given, as the runtime sets it per invocation. Exit code 1 if one failed.
"""
import importlib
import json
import logging
import os
import sys
import uuid
from types import SimpleNamespace


def main(files):
    # As the Lambda runtime, which logs at INFO through the root logger to stdout/stderr.
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="[%(levelname)s] %(message)s")
    sys.path.insert(0, os.environ.get("LAMBDA_TASK_ROOT") or os.getcwd())
    module_name, _, function_name = (os.environ.get("_HANDLER") or "app.handler").rpartition(".")
    # opentelemetry-instrument has already wrapped the handler in this module.
    handler = getattr(importlib.import_module(module_name), function_name)
    headers = [h for h in (os.environ.get("XRAY_TRACE_HEADERS") or "").split(",") if h]
    name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME", "xraystarter-py")
    region = os.environ.get("AWS_REGION", "eu-central-1")
    failed = 0
    for i, path in enumerate(files):
        request_id = str(uuid.uuid4())
        if i < len(headers):
            os.environ["_X_AMZN_TRACE_ID"] = headers[i]
        else:
            os.environ.pop("_X_AMZN_TRACE_ID", None)
        context = SimpleNamespace(aws_request_id=request_id, function_name=name, function_version="$LATEST",
                                  invoked_function_arn=f"arn:aws:lambda:{region}:123456789012:function:{name}",
                                  memory_limit_in_mb="128", get_remaining_time_in_millis=lambda: 30_000)
        with open(path, encoding="utf-8") as f:
            event = json.load(f)
        try:
            print(json.dumps({"requestId": request_id, "result": handler(event, context)}), flush=True)
        except Exception as e:  # reported like the runtime reports an invocation error
            failed += 1
            print(json.dumps({"requestId": request_id, "errorType": type(e).__name__, "errorMessage": str(e)}), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
