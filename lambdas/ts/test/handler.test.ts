// Runs the handler outside Lambda mode against a fake DynamoDB on 127.0.0.1.
import assert from "node:assert/strict";
import { after, afterEach, before, describe, mock, test } from "node:test";
import { startFakeDynamoDB, useFakeAws, type FakeDynamoDB } from "./support/fake-dynamodb.ts";
import { s3Notification, snsEvent } from "./support/events.ts";

type HandlerModule = typeof import("../src/index.ts");

let fake: FakeDynamoDB;
let lambda: HandlerModule;

before(async () => {
  fake = await startFakeDynamoDB();
  useFakeAws(fake.endpoint, "items");
  process.env.AWS_XRAY_CONTEXT_MISSING = "IGNORE_ERROR"; // no Lambda facade segment outside Lambda
  lambda = await import("../src/index.ts"); // after the env: the SDK client is built at import time
});
after(() => fake.close());
afterEach(() => {
  fake.putItems.length = 0;
  fake.failWith(undefined);
  mock.restoreAll();
});

const context = { awsRequestId: "c0ffee00-0000-4000-8000-000000000001" };

describe("handler writes one item per uploaded object", () => {
  test("every S3 record of every SNS record, keys url-decoded", async () => {
    const log = mock.method(console, "log", () => {});
    const event = snsEvent(
      s3Notification([{ key: "test-20-0-0-0", size: 20 }, { key: "my+report+%282022%29.txt", size: 7 }]),
      s3Notification([{ key: "dir/caf%C3%A9+menu.pdf", bucket: "other-bucket" }]),
    );

    const result = await lambda.handler(event, context);

    assert.equal(result.written, 3);
    assert.deepEqual(
      fake.putItems.map((call) => [call.TableName, call.Item.PK.S, call.Item.key.S, call.Item.bucket.S]),
      [
        ["items", "test-20-0-0-0", "test-20-0-0-0", "xraystarter-incoming"],
        ["items", "my report (2022).txt", "my report (2022).txt", "xraystarter-incoming"],
        ["items", "dir/café menu.pdf", "dir/café menu.pdf", "other-bucket"],
      ],
    );
    for (const { Item } of fake.putItems) {
      assert.equal(Item.runtime.S, "ts");
      assert.match(Item.SK.S, /^ts#\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z#c0ffee00-0000-4000-8000-000000000001#\d+$/);
      assert.ok(Item.SK.S.includes(Item.writtenAt.S), "SK carries the write time");
      assert.ok(!Number.isNaN(Date.parse(Item.writtenAt.S)));
    }
    assert.equal(new Set(fake.putItems.map((call) => call.Item.SK.S)).size, 3, "sort keys are distinct");
    assert.deepEqual(fake.putItems.map((call) => call.Item.size?.N), ["20", "7", undefined]);
    assert.deepEqual(result.items, fake.putItems.map((call) => ({ PK: call.Item.PK.S, SK: call.Item.SK.S })));
    assert.deepEqual(log.mock.calls.map((call) => call.arguments), [
      ["put item", "test-20-0-0-0"],
      ["put item", "my report (2022).txt"],
      ["put item", "dir/café menu.pdf"],
    ]);
  });

  test("the same key written twice gets two distinct items", async () => {
    mock.method(console, "log", () => {});
    await lambda.handler(snsEvent(s3Notification([{ key: "same" }])), context);
    await lambda.handler(snsEvent(s3Notification([{ key: "same" }])), { awsRequestId: "another-request" });
    assert.equal(fake.putItems.length, 2);
    assert.notEqual(fake.putItems[0].Item.SK.S, fake.putItems[1].Item.SK.S);
  });

  test("the s3:TestEvent S3 sends on setup is skipped, not an error", async () => {
    mock.method(console, "log", () => {});
    const testEvent = JSON.stringify({ Service: "Amazon S3", Event: "s3:TestEvent", Bucket: "xraystarter-incoming" });
    const result = await lambda.handler(snsEvent(testEvent, s3Notification([{ key: "real" }])), context);
    assert.equal(result.written, 1);
    assert.deepEqual(fake.putItems.map((call) => call.Item.PK.S), ["real"]);
  });
});

describe("bad events are rejected before anything is written", () => {
  const cases: [string, unknown, RegExp][] = [
    ["no Records", {}, /event has no Records/],
    ["empty Records", { Records: [] }, /event has no Records/],
    ["not an object", "hello", /event has no Records/],
    ["SNS record without Message", { Records: [{ Sns: {} }] }, /SNS record 0 has no Sns.Message/],
    ["non-JSON message after a good one", snsEvent(s3Notification([{ key: "good" }]), "not json {"), /SNS record 1: Sns.Message is not JSON: "not json \{"/],
    ["JSON that is no S3 event", snsEvent(JSON.stringify({ hello: "world" })), /SNS record 0: Sns.Message is not an S3 event notification/],
    ["S3 record without a key", snsEvent(JSON.stringify({ Records: [{ s3: { bucket: { name: "b" }, object: {} } }] })), /SNS record 0, S3 record 0 has no s3.object.key/],
    ["S3 record without a bucket", snsEvent(JSON.stringify({ Records: [{ s3: { object: { key: "k" } } }] })), /S3 record 0 has no s3.bucket.name/],
    ["key with broken url-encoding", snsEvent(s3Notification([{ key: "ok" }, { key: "100%" }])), /SNS record 0, S3 record 1: object key "100%" is not valid url-encoding/],
  ];
  for (const [name, event, expected] of cases) {
    test(name, async () => {
      const errors = mock.method(console, "error", () => {});
      await assert.rejects(lambda.handler(event as never, context), (err: Error) => {
        assert.equal(err.name, "BadEventError");
        assert.match(err.message, expected);
        return true;
      });
      assert.equal(errors.mock.callCount(), 1);
      const [line] = errors.mock.calls[0].arguments as string[];
      assert.match(line, /^xraystarter-ts: bad event: /);
      assert.match(line, expected);
      assert.ok(!line.includes("\n"), "one-line error");
      assert.equal(fake.putItems.length, 0, "no partial write");
    });
  }
});

describe("DynamoDB failures", () => {
  test("a failing PutItem rejects the invocation and is logged", async () => {
    const errors = mock.method(console, "error", () => {});
    fake.failWith("ResourceNotFoundException");
    await assert.rejects(lambda.handler(snsEvent(s3Notification([{ key: "k" }])), context), { name: "ResourceNotFoundException" });
    assert.match(errors.mock.calls[0].arguments[0] as string, /^xraystarter-ts: writing to items failed: fake failure ResourceNotFoundException/);
  });

  test("a missing TABLE_NAME is a clear error", async () => {
    const errors = mock.method(console, "error", () => {});
    const saved = process.env.TABLE_NAME;
    delete process.env.TABLE_NAME;
    try {
      await assert.rejects(lambda.handler(snsEvent(s3Notification([{ key: "k" }])), context), /TABLE_NAME is not set/);
    } finally {
      process.env.TABLE_NAME = saved;
    }
    assert.equal(errors.mock.callCount(), 1);
    assert.equal(fake.putItems.length, 0);
  });
});
