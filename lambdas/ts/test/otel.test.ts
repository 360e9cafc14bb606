// TRACING=otel: the dist-otel bundle, instrumented by otel/register.cjs (the local stand-in for the
// ADOT layer) in a child process as in Lambda, against a fake DynamoDB and a fake OTLP collector.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { before, test } from "node:test";
import { promisify } from "node:util";
import { bundle } from "../scripts/build.ts";
import { s3Notification, snsEvent } from "./support/events.ts";
import { startFakeCollector, type ReceivedSpan } from "./support/fake-collector.ts";
import { startFakeDynamoDB, type PutItemCall } from "./support/fake-dynamodb.ts";
import { newTraceId } from "./support/xray-capture.ts";

const PACKAGE = resolve(__dirname, "..");
const traceId = newTraceId();
const lambdaSegment = "53995c3f42cd8ad8";
let spans: ReceivedSpan[];
let putItems: PutItemCall[];
let outcomes: { requestId: string; result?: { written: number }; errorType?: string }[];

before(async () => {
  const dir = await mkdtemp(join(tmpdir(), "xraystarter-ts-otel-"));
  const dynamodb = await startFakeDynamoDB();
  const collector = await startFakeCollector();
  try {
    await bundle(join(dir, "index.js"), "otel");
    await writeFile(join(dir, "good.json"), JSON.stringify(snsEvent(s3Notification([{ key: "test-20-0-0-0", size: 20 }, { key: "my+file.txt", size: 3 }]))));
    await writeFile(join(dir, "bad.json"), JSON.stringify(snsEvent("this is not JSON")));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--disable-warning=NodeVersionSupportWarning", "--require", join(PACKAGE, "otel/register.cjs"), join(PACKAGE, "otel/invoke.cjs"), "good.json", "bad.json"],
      {
        cwd: dir,
        env: {
          PATH: process.env.PATH,
          // As in Lambda: the handler's directory holds only the bundle; the AWS SDK and the OTel API
          // come from outside it (the runtime's and the layer's node_modules there, ours here).
          NODE_PATH: join(PACKAGE, "node_modules"),
          LAMBDA_TASK_ROOT: dir,
          _HANDLER: "index.handler",
          AWS_LAMBDA_FUNCTION_NAME: "xraystarter-ts",
          XRAY_TRACE_HEADERS: `Root=${traceId};Parent=${lambdaSegment};Sampled=1`,
          TRACING: "otel",
          OTEL_SERVICE_NAME: "xraystarter-ts",
          OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
          OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
          AWS_REGION: "eu-central-1",
          AWS_ACCESS_KEY_ID: "AKIAFAKEFAKEFAKEFAKE",
          AWS_SECRET_ACCESS_KEY: "fake-secret",
          AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
          AWS_MAX_ATTEMPTS: "1",
          TABLE_NAME: "items",
        },
      },
    ).catch((error) => error); // exit code 1: the bad event failed, as it should
    outcomes = stdout.trim().split("\n").filter((line: string) => line.startsWith("{")).map((line: string) => JSON.parse(line));
    // The aws-lambda instrumentation flushes before each invocation returns, so all spans are here.
    spans = [...collector.spans];
    putItems = [...dynamodb.putItems];
  } finally {
    await collector.close();
    await dynamodb.close();
    await rm(dir, { recursive: true, force: true });
  }
});

const named = (name: string) => spans.filter((span) => span.name === name);
const byId = (id?: string) => spans.find((span) => span.spanId === id);

test("both invocations ran: the good one wrote two items, the bad one failed", () => {
  assert.deepEqual(outcomes.map((o) => o.result?.written ?? o.errorType), [2, "BadEventError"]);
  assert.equal(putItems.length, 2);
});

test("every span carries the service name, and only the known spans arrive", () => {
  assert.ok(spans.length > 0, "no spans arrived");
  for (const span of spans) assert.equal(span.service, "xraystarter-ts");
  assert.deepEqual([...new Set(spans.map((s) => s.name))].sort(), ["DynamoDB.PutItem", "handler", "write-item", "xraystarter-ts"]);
});

test("the invocation span continues Lambda's X-Ray trace, and the bad event marks its span failed", () => {
  const invocations = named("xraystarter-ts");
  assert.equal(invocations.length, 2);
  const good = invocations.find((s) => s.attributes["faas.invocation_id"] === outcomes[0].requestId)!;
  const bad = invocations.find((s) => s.attributes["faas.invocation_id"] === outcomes[1].requestId)!;
  assert.equal(good.kind, 2, "SERVER");
  assert.equal(good.traceId, traceId.slice(2).replace("-", ""));
  assert.equal(good.parentSpanId, lambdaSegment);
  assert.equal(good.attributes["faas.invocation_id"], outcomes[0].requestId);
  assert.equal(bad.status?.code, 2, "ERROR");
  assert.match(bad.status?.message ?? "", /not JSON/);
});

test("handler and write-item spans carry the X-Ray annotations as attributes", () => {
  const [handler] = named("handler");
  assert.equal(byId(handler.parentSpanId)?.name, "xraystarter-ts");
  assert.deepEqual(handler.attributes, { runtime: "ts", key: "test-20-0-0-0", objects: 2 });
  const items = named("write-item");
  assert.deepEqual(items.map((s) => s.attributes).sort((a, b) => String(a.key).localeCompare(String(b.key))), [
    { runtime: "ts", key: "my file.txt" },
    { runtime: "ts", key: "test-20-0-0-0" },
  ]);
  for (const item of items) assert.equal(item.parentSpanId, handler.spanId);
});

test("a DynamoDB PutItem span per object, with the table", () => {
  const calls = named("DynamoDB.PutItem");
  assert.equal(calls.length, 2);
  for (const call of calls) {
    assert.equal(call.kind, 3, "CLIENT");
    assert.equal(byId(call.parentSpanId)?.name, "write-item");
    for (const [key, value] of Object.entries({ "rpc.system": "aws-api", "rpc.service": "DynamoDB", "rpc.method": "PutItem",
      "aws.dynamodb.table_names": "items", "cloud.region": "eu-central-1", "http.response.status_code": 200 })) {
      assert.equal(call.attributes[key], value, key);
    }
    assert.match(String(call.attributes["aws.request.id"]), /^[A-Z0-9]{52}$/);
  }
  // The aws-sdk instrumentation injects no header; the SDK's own recursion detection passes Lambda's on.
  assert.deepEqual(putItems.map((put) => put.traceHeader), putItems.map(() => `Root=${traceId};Parent=${lambdaSegment};Sampled=1`));
});
