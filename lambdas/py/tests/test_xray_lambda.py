"""The real X-Ray SDK in Lambda mode, sending to a fake daemon on a local UDP port."""
import re

import pytest

from tests.xray_capture import new_trace_header, run_in_lambda_mode, s3_event, sns_event

TRACE_ID = re.compile(r"^1-[0-9a-f]{8}-[0-9a-f]{24}$")


def header_fields(trace_header):
    return dict(part.split("=", 1) for part in trace_header.split(";"))


@pytest.fixture(scope="module")
def good_run():
    trace_header = new_trace_header()
    invocation = {"event": sns_event(s3_event("incoming", "test-20-0-0-0", "my+file.txt")),
                  "trace_header": trace_header, "request_id": "11111111-2222-3333-4444-555555555555"}
    documents, output = run_in_lambda_mode([invocation], table="items")
    return header_fields(trace_header), documents, output


def test_handler_succeeds_and_writes_both_items(good_run):
    _, _, output = good_run
    assert output["results"] == [{"ok": {"written": 2}}]
    assert sorted(item["key"] for item in output["items"]) == ["my file.txt", "test-20-0-0-0"]


def test_every_document_is_a_subsegment_of_the_lambda_trace(good_run):
    header, documents, _ = good_run
    assert documents, "the fake daemon received nothing"
    for doc in documents:
        assert TRACE_ID.match(doc["trace_id"])
        assert doc["trace_id"] == header["Root"]
        assert doc["type"] == "subsegment"
        assert doc["in_progress"] is False
        assert doc["start_time"] <= doc["end_time"]


def test_dynamodb_put_item_subsegments_carry_the_table_name(good_run):
    _, documents, _ = good_run
    puts = [doc for doc in documents if doc.get("namespace") == "aws"]
    assert len(puts) == 2
    for doc in puts:
        assert doc["name"] == "dynamodb"
        assert doc["aws"]["operation"] == "PutItem"
        assert doc["aws"]["table_name"] == "items"
        assert doc["http"]["response"]["status"] == 200


def test_annotations_sit_on_our_subsegments_below_the_facade(good_run):
    header, documents, _ = good_run
    by_id = {doc["id"]: doc for doc in documents}
    [outer] = [doc for doc in documents if doc["name"] == "handle-s3-event"]
    assert outer["parent_id"] == header["Parent"]  # the Lambda facade segment
    assert outer["annotations"] == {"runtime": "py", "objects": 2}
    stores = [doc for doc in documents if doc["name"] == "store-object"]
    assert sorted(doc["annotations"]["key"] for doc in stores) == ["my file.txt", "test-20-0-0-0"]
    assert all(doc["annotations"]["runtime"] == "py" and doc["parent_id"] == outer["id"] for doc in stores)
    for put in (doc for doc in documents if doc.get("namespace") == "aws"):
        assert by_id[put["parent_id"]]["name"] == "store-object"


def test_bad_event_is_a_fault_with_the_cause_and_no_dynamodb_call():
    invocation = {"event": sns_event("{broken"), "trace_header": new_trace_header(), "request_id": "bad-1"}
    documents, output = run_in_lambda_mode([invocation])
    assert output["results"][0]["error"] == "BadEventError"
    assert output["items"] == []
    assert "ERROR root bad event: record 0: SNS message is not JSON" in output["stderr"]
    [outer] = documents
    assert outer["name"] == "handle-s3-event" and outer["fault"] is True
    assert outer["annotations"] == {"runtime": "py"}
    [exception] = outer["cause"]["exceptions"]
    assert exception["type"] == "BadEventError"
    assert exception["message"].startswith("bad event: record 0: SNS message is not JSON")


def test_warm_invocations_get_their_own_trace():
    first, second = new_trace_header(), new_trace_header()
    invocations = [{"event": sns_event(s3_event("incoming", key)), "trace_header": header, "request_id": key}
                   for key, header in (("cold.txt", first), ("warm.txt", second))]
    documents, output = run_in_lambda_mode(invocations)
    assert [r["ok"]["written"] for r in output["results"]] == [1, 1]
    keys_by_trace = {doc["trace_id"]: doc["annotations"]["key"] for doc in documents if doc["name"] == "store-object"}
    assert keys_by_trace == {header_fields(first)["Root"]: "cold.txt", header_fields(second)["Root"]: "warm.txt"}
