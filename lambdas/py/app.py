"""xraystarter-py: SNS(S3 event notification) -> one DynamoDB item per uploaded object, traced with
X-Ray (env TRACING=xray, the default) or OpenTelemetry (TRACING=otel)."""
import json
import logging
import os
import urllib.parse
from contextlib import contextmanager
from datetime import datetime, timezone

import boto3

RUNTIME = "py"


def _tracing_mode():
    mode = os.environ.get("TRACING") or "xray"
    if mode not in ("xray", "otel"):
        raise RuntimeError(f"environment variable TRACING is {mode!r}; use xray or otel")
    return mode


if _tracing_mode() == "xray":
    from aws_xray_sdk.core import patch_all, xray_recorder

    # Patch botocore so every DynamoDB call becomes an X-Ray subsegment (namespace "aws").
    patch_all()

    @contextmanager
    def _span(name):
        """A subsegment of Lambda's facade segment; yields annotate(key, value)."""
        with xray_recorder.in_subsegment(name) as subsegment:
            # None only outside Lambda with no segment (context missing): nothing to annotate.
            yield (lambda key, value: None) if subsegment is None else subsegment.put_annotation
else:
    # The ADOT layer (in Lambda) or opentelemetry-instrument (off Lambda) sets up the SDK and
    # instruments the handler and botocore; the X-Ray SDK is never imported.
    from opentelemetry import trace

    _tracer = trace.get_tracer("xraystarter-py")

    @contextmanager
    def _span(name):
        """A child span of the current one (errors recorded); yields annotate(key, value)."""
        with _tracer.start_as_current_span(name) as span:
            yield span.set_attribute

logger = logging.getLogger()
logger.setLevel(logging.INFO)

_table = None


class BadEventError(ValueError):
    """The invocation event is not an SNS event carrying S3 event notifications."""


def _dynamodb_table():
    # Created on first use (not at import) so the client is reused across warm
    # invocations but tests can set TABLE_NAME / endpoints before the first call.
    global _table
    if _table is None:
        table_name = os.environ.get("TABLE_NAME")
        if not table_name:
            raise RuntimeError("environment variable TABLE_NAME is not set")
        _table = boto3.resource("dynamodb").Table(table_name)
    return _table


def _reject(reason):
    logger.error("bad event: %s", reason)
    raise BadEventError(f"bad event: {reason}")


def _short(text, limit=80):
    """A one-line, bounded preview of untrusted input for error messages."""
    return repr(text[:limit] + ("..." if len(text) > limit else ""))


def _get(value, *path):
    """value[path[0]][path[1]]..., or None when any step is not a dict or is missing."""
    for name in path:
        value = value.get(name) if isinstance(value, dict) else None
    return value


def parse_objects(event):
    """Validate the whole event and return [(bucket, key), ...] in order.

    Everything is checked before anything is written, so a bad record never leaves a partial write.
    An S3 "s3:TestEvent" (sent once when the notification is configured) carries no objects and is skipped.
    """
    if not isinstance(_get(event, "Records"), list) or not event["Records"]:
        _reject("expected an SNS event with a non-empty 'Records' list")
    objects = []
    for i, record in enumerate(event["Records"]):
        message = _get(record, "Sns", "Message")
        if not isinstance(message, str):
            _reject(f"record {i} has no Sns.Message string")
        try:
            notification = json.loads(message)
        except json.JSONDecodeError as e:
            _reject(f"record {i}: SNS message is not JSON ({e.msg} at char {e.pos}): {_short(message)}")
        if _get(notification, "Event") == "s3:TestEvent":
            logger.info("skipping s3:TestEvent in record %d", i)
            continue
        s3_records = _get(notification, "Records")
        if not isinstance(s3_records, list) or not s3_records:
            _reject(f"record {i}: SNS message is not an S3 event notification: {_short(message)}")
        for j, s3_record in enumerate(s3_records):
            bucket = _get(s3_record, "s3", "bucket", "name")
            key = _get(s3_record, "s3", "object", "key")
            if not isinstance(bucket, str) or not isinstance(key, str) or not key:
                _reject(f"record {i}: S3 record {j} lacks s3.bucket.name or s3.object.key")
            # S3 event keys are URL-encoded with '+' for spaces.
            objects.append((bucket, urllib.parse.unquote_plus(key)))
    return objects


def _item(bucket, key, written_at, request_id, index):
    return {
        "PK": key,
        # runtime first keeps the three functions' items apart; index keeps one invocation's items apart.
        "SK": f"{RUNTIME}#{written_at}#{request_id}#{index}",
        "runtime": RUNTIME,
        "key": key,
        "bucket": bucket,
        "writtenAt": written_at,
    }


def handler(event, context):
    request_id = getattr(context, "aws_request_id", None) or "local"
    # Lambda's facade segment cannot take annotations, so they go on our own subsegment.
    with _span("handle-s3-event") as annotate:
        annotate("runtime", RUNTIME)  # before validation: faults get it too
        objects = parse_objects(event)
        annotate("objects", len(objects))
        table = _dynamodb_table()
        written_at = datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        for index, (bucket, key) in enumerate(objects):
            with _span("store-object") as annotate_store:
                annotate_store("runtime", RUNTIME)
                annotate_store("key", key)
                table.put_item(Item=_item(bucket, key, written_at, request_id, index))
            logger.info("put item %s", key)
    return {"written": len(objects)}
