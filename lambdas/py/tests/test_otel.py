"""TRACING=otel: the handler under otel/otel-instrument (the local stand-in for the ADOT layer), exporting
to a fake OTLP collector, writing to a fake DynamoDB."""
import pytest

from tests.otel_capture import run_with_otel
from tests.xray_capture import new_trace_header, s3_event, sns_event

SERVER, CLIENT = 2, 3
ERROR = 2


def fields(trace_header):
    return dict(part.split("=", 1) for part in trace_header.split(";"))


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    header = new_trace_header()
    events = [sns_event(s3_event("incoming", "test-20-0-0-0", "my+file.txt")), sns_event("{broken")]
    spans, puts, outcomes, output = run_with_otel(tmp_path_factory.mktemp("otel"), events, [header])
    return fields(header), spans, puts, outcomes, output


def named(spans, name):
    return [s for s in spans if s["name"] == name]


def test_both_invocations_ran_and_only_the_good_one_wrote(run):
    _, _, puts, outcomes, output = run
    assert [o.get("result") or o.get("errorType") for o in outcomes] == [{"written": 2}, "BadEventError"], output
    assert sorted(p["key"] for p in puts) == ["my file.txt", "test-20-0-0-0"]


def test_every_span_has_the_service_and_a_known_name(run):
    _, spans, _, _, output = run
    assert spans, f"no spans arrived: {output}"
    assert {s["service"] for s in spans} == {"xraystarter-py"}
    assert sorted({s["name"] for s in spans}) == ["DynamoDB.PutItem", "handle-s3-event", "store-object", "xraystarter-py"]


def test_invocation_spans_continue_lambdas_trace_and_the_bad_one_fails(run):
    header, spans, _, outcomes, _ = run
    by_request = {s["attributes"].get("faas.invocation_id"): s for s in named(spans, "xraystarter-py")}
    good, bad = by_request[outcomes[0]["requestId"]], by_request[outcomes[1]["requestId"]]
    assert good["kind"] == SERVER
    assert good["trace_id"] == header["Root"][2:].replace("-", "")
    assert good["parent_span_id"] == header["Parent"]
    assert bad["status"] == ERROR


def test_our_spans_carry_the_annotations_as_attributes(run):
    _, spans, _, outcomes, _ = run
    by_id = {s["span_id"]: s for s in spans}
    outer_good, outer_bad = sorted(named(spans, "handle-s3-event"), key=lambda s: "objects" not in s["attributes"])
    assert outer_good["attributes"] == {"runtime": "py", "objects": 2}
    assert by_id[outer_good["parent_span_id"]]["name"] == "xraystarter-py"
    assert outer_bad["attributes"] == {"runtime": "py"}  # failed before it counted the objects
    assert outer_bad["status"] == ERROR and "not JSON" in outer_bad["status_message"]
    stores = named(spans, "store-object")
    assert sorted(s["attributes"]["key"] for s in stores) == ["my file.txt", "test-20-0-0-0"]
    assert all(s["attributes"]["runtime"] == "py" and s["parent_span_id"] == outer_good["span_id"] for s in stores)


def test_dynamodb_put_item_spans_name_the_table(run):
    header, spans, puts, _, _ = run
    by_id = {s["span_id"]: s for s in spans}
    calls = named(spans, "DynamoDB.PutItem")
    assert len(calls) == 2
    for call in calls:
        assert call["kind"] == CLIENT
        assert by_id[call["parent_span_id"]]["name"] == "store-object"
        attributes = call["attributes"]
        assert (attributes["rpc.system"], attributes["rpc.service"], attributes["rpc.method"]) == ("aws-api", "DynamoDB", "PutItem")
        assert attributes["aws.dynamodb.table_names"] == "items"
        assert attributes["cloud.region"] == "eu-central-1"
        assert attributes["http.status_code"] == 200
        assert attributes["aws.request_id"].startswith("FAKEREQUEST")
    # What reaches DynamoDB is Lambda's own header, which botocore's recursion detection passes on.
    assert [p["trace_header"] for p in puts] == [f"Root={header['Root']};Parent={header['Parent']};Sampled=1"] * 2
