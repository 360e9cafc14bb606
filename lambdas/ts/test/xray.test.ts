// The real aws-xray-sdk-core in Lambda mode, reporting to a UDP socket that stands in for the daemon.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { s3Notification, snsEvent } from "./support/events.ts";
import { captureLambdaInvocation, type Capture, type SegmentDocument } from "./support/xray-capture.ts";

const TRACE_ID = /^1-[0-9a-f]{8}-[0-9a-f]{24}$/;
let capture: Capture;

before(async () => {
  capture = await captureLambdaInvocation(
    snsEvent(s3Notification([{ key: "test-20-0-0-0", size: 20 }, { key: "my+file.txt", size: 3 }])),
    "items",
  );
});

const named = (name: string) => capture.documents.filter((doc) => doc.name === name);
const byId = (id: string): SegmentDocument | undefined => capture.documents.find((doc) => doc.id === id);

test("every document is a closed subsegment of the invocation's trace", () => {
  assert.ok(capture.documents.length >= 5, `got ${capture.documents.length} documents`);
  assert.match(capture.traceId, TRACE_ID);
  for (const doc of capture.documents) {
    assert.equal(doc.type, "subsegment");
    assert.equal(doc.trace_id, capture.traceId);
    assert.match(doc.id, /^[0-9a-f]{16}$/);
    assert.equal(typeof doc.start_time, "number");
    assert.ok(doc.end_time >= doc.start_time, `${doc.name} is closed`);
    assert.equal(doc.in_progress, undefined);
  }
});

test("a DynamoDB PutItem subsegment names the table", () => {
  const dynamo = named("DynamoDB");
  assert.equal(dynamo.length, 2, "one per object");
  for (const doc of dynamo) {
    assert.equal(doc.namespace, "aws");
    assert.equal(doc.aws.operation, "PutItem");
    assert.equal(doc.aws.table_name, "items");
    assert.equal(doc.aws.region, "eu-central-1");
    assert.equal(doc.http.response.status, 200);
    assert.equal(byId(doc.parent_id)?.name, "write-item", "DynamoDB call nests in its write-item subsegment");
  }
});

test("handler and write-item subsegments carry the annotations", () => {
  const [handler] = named("handler");
  assert.equal(handler.parent_id, capture.facadeId, "handler hangs off the Lambda facade segment");
  assert.deepEqual(handler.annotations, { runtime: "ts", key: "test-20-0-0-0", objects: 2 });
  const items = named("write-item");
  assert.deepEqual(items.map((doc) => doc.annotations), [
    { runtime: "ts", key: "test-20-0-0-0" },
    { runtime: "ts", key: "my file.txt" },
  ]);
  for (const doc of items) assert.equal(doc.parent_id, handler.id);
});

test("the trace header reaches DynamoDB", () => {
  const dynamoIds = named("DynamoDB").map((doc) => doc.id);
  assert.equal(capture.putItems.length, 2);
  capture.putItems.forEach((call, index) => {
    assert.equal(call.traceHeader, `Root=${capture.traceId};Parent=${dynamoIds[index]};Sampled=1`);
  });
});
