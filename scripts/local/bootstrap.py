"""A small stand-in for the Python managed runtime's own bootstrap, which exists only inside Lambda.

Imports the handler module (the init phase), then loops on the Lambda Runtime API: takes the next event,
sets _X_AMZN_TRACE_ID from its Lambda-Runtime-Trace-Id header (the X-Ray SDK reads it per invocation, as
under the real runtime), calls the handler, posts its response or error. Log records are written as the
managed runtime writes them: [LEVEL]<tab>time<tab>request id<tab>message, one line per record.

    python bootstrap.py   with AWS_LAMBDA_RUNTIME_API, LAMBDA_TASK_ROOT and _HANDLER (app.handler) set
"""
import importlib
import json
import logging
import os
import sys
import time
import traceback
import urllib.request
from types import SimpleNamespace

API = f"http://{os.environ['AWS_LAMBDA_RUNTIME_API']}/2018-06-01/runtime"
request_id = None


class LambdaFormatter(logging.Formatter):
    converter = time.gmtime

    def format(self, record):
        when = self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z"
        message = record.getMessage()
        if record.exc_info:
            message += "\n" + self.formatException(record.exc_info)
        return f"[{record.levelname}]\t{when}\t{request_id or ''}\t{message}".replace("\n", "\r")


def post(url, body, error_type=None):
    headers = {"Content-Type": "application/json"}
    if error_type:
        headers["Lambda-Runtime-Function-Error-Type"] = error_type
    urllib.request.urlopen(urllib.request.Request(url, json.dumps(body).encode(), headers, method="POST")).read()


def error_body(e):
    return {"errorType": type(e).__name__, "errorMessage": str(e),
            "stackTrace": traceback.format_tb(e.__traceback__)}


def main():
    handler_name = os.environ.get("_HANDLER", "app.handler")
    module_name, function_name = handler_name.rsplit(".", 1)
    logging.basicConfig(stream=sys.stdout)  # the root logger at WARNING, as the runtime leaves it
    logging.getLogger().handlers[0].setFormatter(LambdaFormatter())
    sys.path.insert(0, os.environ["LAMBDA_TASK_ROOT"])
    try:
        handler = getattr(importlib.import_module(module_name), function_name)
    except Exception as e:  # the runtime's Runtime.ImportModuleError
        print(f"[ERROR] Runtime.ImportModuleError: Unable to import module '{module_name}': {e}", flush=True)
        post(f"{API}/init/error", error_body(e), "Runtime.ImportModuleError")
        sys.exit(1)
    global request_id
    while True:
        with urllib.request.urlopen(f"{API}/invocation/next") as response:
            headers = response.headers
            event = json.loads(response.read())
        request_id = headers["Lambda-Runtime-Aws-Request-Id"]
        trace = headers.get("Lambda-Runtime-Trace-Id")
        if trace:
            os.environ["_X_AMZN_TRACE_ID"] = trace
        else:
            os.environ.pop("_X_AMZN_TRACE_ID", None)
        deadline = int(headers.get("Lambda-Runtime-Deadline-Ms", "0"))
        context = SimpleNamespace(
            aws_request_id=request_id,
            function_name=os.environ.get("AWS_LAMBDA_FUNCTION_NAME"),
            function_version=os.environ.get("AWS_LAMBDA_FUNCTION_VERSION"),
            invoked_function_arn=headers.get("Lambda-Runtime-Invoked-Function-Arn"),
            memory_limit_in_mb=os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"),
            log_group_name=os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME"),
            log_stream_name=os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME"),
            get_remaining_time_in_millis=lambda: deadline - int(time.time() * 1000),
        )
        try:
            result = handler(event, context)
        except Exception as e:
            body = error_body(e)
            print(f"[ERROR] {body['errorType']}: {body['errorMessage']}".replace("\n", "\r"), flush=True)
            post(f"{API}/invocation/{request_id}/error", body, f"Handled.{body['errorType']}")
            continue
        sys.stdout.flush()
        post(f"{API}/invocation/{request_id}/response", result)


if __name__ == "__main__":
    main()
