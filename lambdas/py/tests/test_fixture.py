"""The committed fixture (make fixtures) is what the SDK sends: valid ids, linked subsegments, PutItem on items."""
import json
import re

from tests.capture_fixtures import DEFAULT_OUT

TRACE_ID = re.compile(r"^1-[0-9a-f]{8}-[0-9a-f]{24}$")
ENTITY_ID = re.compile(r"^[0-9a-f]{16}$")


def test_committed_fixture_is_well_formed():
    documents = [json.loads(line) for line in DEFAULT_OUT.read_text().splitlines()]
    assert len({doc["trace_id"] for doc in documents}) == 3
    ids = {doc["id"] for doc in documents}
    for doc in documents:
        assert TRACE_ID.match(doc["trace_id"]) and ENTITY_ID.match(doc["id"]) and ENTITY_ID.match(doc["parent_id"])
        assert doc["type"] == "subsegment" and doc["start_time"] <= doc["end_time"]
        # Only handle-s3-event hangs off the Lambda function segment, which the Lambda service sends, not the SDK.
        assert (doc["parent_id"] in ids) == (doc["name"] != "handle-s3-event")
    puts = [doc for doc in documents if doc.get("namespace") == "aws"]
    assert len(puts) == 3
    assert all(doc["aws"]["operation"] == "PutItem" and doc["aws"]["table_name"] == "items" for doc in puts)
    assert sum(1 for doc in documents if doc.get("fault")) == 1
