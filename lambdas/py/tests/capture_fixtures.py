"""Write the segment documents the real X-Ray SDK sends from xraystarter-py, one JSON per line.

Usage (from lambdas/py): .venv/bin/python -m tests.capture_fixtures [OUT]
Default OUT: app/src/test/resources/sdk-segments/py/segments.ndjson in the repository.
Three invocations in one warm process: a cold one with one object, a warm one with two (one key
URL-encoded), and a bad event (a fault with its cause). Only the local working directory in the
fault's cause is rewritten, to Lambda's /var/task, so the fixture does not depend on this checkout.
"""
import json
import sys
from pathlib import Path

from tests.xray_capture import LAMBDA_DIR, new_trace_header, run_in_lambda_mode, s3_event, sns_event

DEFAULT_OUT = LAMBDA_DIR.parent.parent / "app/src/test/resources/sdk-segments/py/segments.ndjson"
BUCKET = "xraystarter-incoming0b397865-1hx8j3qf51d0x"


def capture():
    invocations = [
        {"event": sns_event(s3_event(BUCKET, "test-20-0-0-0")), "request_id": "b510437d-5a9c-4d1e-9a3f-3c1f2e8d7a01"},
        {"event": sns_event(s3_event(BUCKET, "test-20-0-0-1", "reports/Q3+summary%282%29.csv")),
         "request_id": "c7e872b4-1fd4-492b-81f9-8cf22d67827b"},
        {"event": sns_event("not json at all"), "request_id": "99b658c0-d946-4f17-bed1-890668051b74"},
    ]
    for invocation in invocations:
        invocation["trace_header"] = new_trace_header()
    documents, output = run_in_lambda_mode(invocations, table="items")
    if [("ok" in r) for r in output["results"]] != [True, True, False] or len(output["items"]) != 3:
        raise SystemExit(f"unexpected handler results: {output['results']}\n{output['stderr']}")
    for doc in documents:
        if "cause" in doc:
            doc["cause"]["working_directory"] = "/var/task"
    return sorted(documents, key=lambda doc: doc["start_time"])


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    documents = capture()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(doc, sort_keys=True) + "\n" for doc in documents))
    print(f"wrote {len(documents)} segment documents to {out}")


if __name__ == "__main__":
    main()
