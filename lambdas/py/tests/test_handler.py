import json
import logging
import re
from datetime import datetime
from types import SimpleNamespace

import pytest

import app
from tests.xray_capture import s3_event, sns_event


def invoke(event, request_id="req-1"):
    return app.handler(event, SimpleNamespace(aws_request_id=request_id))


def items(table):
    return sorted(table.scan()["Items"], key=lambda item: item["SK"])


def test_writes_one_item_per_s3_record_across_sns_records(table, caplog):
    caplog.set_level(logging.INFO)
    event = sns_event(s3_event("incoming", "test-20-0-0-0", "my+report%282%29.csv"),
                      s3_event("incoming", "dir%2Fnested/file.txt"))

    assert invoke(event) == {"written": 3}

    written = items(table)
    assert sorted(item["key"] for item in written) == ["dir/nested/file.txt", "my report(2).csv", "test-20-0-0-0"]
    for item in written:
        assert item["PK"] == item["key"]
        assert item["runtime"] == "py"
        assert item["bucket"] == "incoming"
        assert item["SK"].startswith(f"py#{item['writtenAt']}#req-1#")
        assert datetime.fromisoformat(item["writtenAt"].replace("Z", "+00:00")).tzinfo is not None
    assert len({item["SK"] for item in written}) == 3
    assert "put item my report(2).csv" in caplog.messages


def test_same_key_twice_in_one_invocation_gives_two_items(table):
    invoke(sns_event(s3_event("incoming", "same.txt", "same.txt")))
    assert [item["PK"] for item in items(table)] == ["same.txt", "same.txt"]


def test_does_not_overwrite_items_of_other_runtimes_or_earlier_invocations(table):
    table.put_item(Item={"PK": "shared.txt", "SK": "ts#2024-01-01T00:00:00.000Z#abc", "runtime": "ts"})
    invoke(sns_event(s3_event("incoming", "shared.txt")), request_id="first")
    invoke(sns_event(s3_event("incoming", "shared.txt")), request_id="second")
    assert sorted(item["runtime"] for item in items(table)) == ["py", "py", "ts"]


def test_s3_test_event_is_skipped(table, caplog):
    caplog.set_level(logging.INFO)
    test_event = {"Service": "Amazon S3", "Event": "s3:TestEvent", "Bucket": "incoming"}
    assert invoke(sns_event(test_event)) == {"written": 0}
    assert items(table) == []
    assert any("s3:TestEvent" in message for message in caplog.messages)


VALID = s3_event("incoming", "good.txt")


@pytest.mark.parametrize("event, reason", [
    ({}, "non-empty 'Records'"),
    ({"Records": []}, "non-empty 'Records'"),
    ("not an event", "non-empty 'Records'"),
    ({"Records": [{"Sns": {}}]}, "record 0 has no Sns.Message"),
    (sns_event("this is {not json"), "record 0: SNS message is not JSON"),
    (sns_event({"hello": "world"}), "record 0: SNS message is not an S3 event notification"),
    (sns_event([1, 2]), "record 0: SNS message is not an S3 event notification"),
    (sns_event({"Records": [{"s3": {"bucket": {"name": "b"}}}]}), "S3 record 0 lacks s3.bucket.name or s3.object.key"),
    # A good record first: validation covers every record before the first write.
    (sns_event(VALID, "garbage\nmore garbage"), "record 1: SNS message is not JSON"),
    (sns_event({"Records": [VALID["Records"][0], {"s3": "nope"}]}), "S3 record 1 lacks"),
])
def test_bad_event_raises_logs_one_line_and_writes_nothing(table, caplog, event, reason):
    with pytest.raises(app.BadEventError, match=re.escape(reason)) as raised:
        invoke(event)
    assert str(raised.value).startswith("bad event: ")

    errors = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert len(errors) == 1
    assert reason in errors[0].getMessage()
    assert "\n" not in errors[0].getMessage()
    assert items(table) == []


def test_missing_table_name_is_a_clear_error(table, monkeypatch):
    monkeypatch.delenv("TABLE_NAME")
    with pytest.raises(RuntimeError, match="TABLE_NAME is not set"):
        invoke(sns_event(VALID))


def test_event_payload_round_trips_as_json():
    # The helpers build what SNS delivers: the S3 notification as a JSON *string*.
    message = sns_event(VALID)["Records"][0]["Sns"]["Message"]
    assert json.loads(message)["Records"][0]["s3"]["object"]["key"] == "good.txt"
