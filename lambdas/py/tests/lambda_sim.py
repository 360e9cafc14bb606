"""Run app.handler the way the Lambda runtime does, in this (child) process, against moto's DynamoDB.

The parent sets LAMBDA_TASK_ROOT and AWS_XRAY_DAEMON_ADDRESS before this process starts, because the
X-Ray SDK reads them once when aws_xray_sdk.core is imported. Like the runtime, we set _X_AMZN_TRACE_ID
before each invocation. Spec on stdin: {"table": str, "invocations": [{"event", "trace_header",
"request_id"}]}. Prints {"results": [...], "items": [...]} as JSON on stdout.
"""
import json
import logging
import os
import sys
from types import SimpleNamespace

import boto3
from aws_xray_sdk import global_sdk_config
from moto import mock_aws


def main():
    spec = json.load(sys.stdin)
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(levelname)s %(name)s %(message)s")
    with mock_aws():
        dynamodb = boto3.client("dynamodb")
        dynamodb.create_table(
            TableName=spec["table"],
            KeySchema=[{"AttributeName": "PK", "KeyType": "HASH"}, {"AttributeName": "SK", "KeyType": "RANGE"}],
            AttributeDefinitions=[{"AttributeName": "PK", "AttributeType": "S"},
                                  {"AttributeName": "SK", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        import app  # after the mock and the environment are in place, as the runtime imports at init

        results = []
        for invocation in spec["invocations"]:
            os.environ["_X_AMZN_TRACE_ID"] = invocation["trace_header"]
            context = SimpleNamespace(aws_request_id=invocation["request_id"])
            try:
                results.append({"ok": app.handler(invocation["event"], context)})
            except Exception as e:  # reported to the parent like the runtime reports an invocation error
                results.append({"error": type(e).__name__, "message": str(e)})
        global_sdk_config.set_sdk_enabled(False)  # the test's own read-back is not part of the trace
        items = boto3.resource("dynamodb").Table(spec["table"]).scan()["Items"]
    json.dump({"results": results, "items": items}, sys.stdout, default=str)


if __name__ == "__main__":
    main()
