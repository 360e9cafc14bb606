"""The OpenTelemetry Python SDK sends one traced request to an OTLP/HTTP endpoint (xspy --otlp).

A SERVER span for the request, an HTTP client span, and a DynamoDB PutItem client span (the AWS SDK
semantic conventions: rpc.system=aws-api) that fails with an exception. Prints the trace id.
Usage: python3 send_trace.py http://127.0.0.1:4318/v1/traces
"""
import sys
import time

from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.trace import SpanKind, Status, StatusCode


class ProvisionedThroughputExceededException(Exception):
    """What botocore raises when a table is over its capacity."""


def put_item(tracer):
    attributes = {
        "rpc.system": "aws-api",
        "rpc.service": "DynamoDB",
        "rpc.method": "PutItem",
        "aws.region": "eu-central-1",
        "aws.dynamodb.table_names": ["orders"],
        "aws.request_id": "V4D3J7K0QO9TS0HQ5A4B2C1D0EVV4KQNSO5AEMVJF66Q9ASUAAJG",
    }
    with tracer.start_as_current_span("DynamoDB.PutItem", kind=SpanKind.CLIENT, attributes=attributes):
        time.sleep(0.01)
        raise ProvisionedThroughputExceededException("Rate of requests exceeds the allowed throughput")


def main(endpoint):
    resource = Resource.create({"service.name": "shop-py", "service.version": "1.0.0"})
    provider = TracerProvider(resource=resource)
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=endpoint)))
    tracer = provider.get_tracer("xspy.sdk-test", "1.0")

    server_attributes = {"http.request.method": "POST", "url.scheme": "http", "server.address": "shop.example",
                         "url.path": "/orders", "aws.xray.annotations": ["order.tenant"], "order.tenant": "acme"}
    with tracer.start_as_current_span("POST /orders", kind=SpanKind.SERVER, attributes=server_attributes) as server:
        http_attributes = {"http.request.method": "GET", "url.full": "http://inventory.internal/items/42",
                           "server.address": "inventory.internal", "http.response.status_code": 200}
        with tracer.start_as_current_span("GET", kind=SpanKind.CLIENT, attributes=http_attributes):
            time.sleep(0.005)
        try:
            put_item(tracer)
        except ProvisionedThroughputExceededException:
            server.set_attribute("http.response.status_code", 500)
            server.set_status(Status(StatusCode.ERROR, "order not stored"))
        trace_id = format(server.get_span_context().trace_id, "032x")
    provider.shutdown()  # exports what is left, and waits for the answer
    print(trace_id)


if __name__ == "__main__":
    main(sys.argv[1])
