// The esbuild bundle the Lambda runs (dist/index.js) works on its own, outside node_modules' reach.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { bundle } from "../scripts/build.ts";
import { s3Notification, snsEvent } from "./support/events.ts";
import { startFakeDynamoDB } from "./support/fake-dynamodb.ts";

test("the bundle exports index.handler and writes through the AWS SDK it carries", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "xraystarter-ts-bundle-"));
  const fake = await startFakeDynamoDB();
  t.after(async () => {
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  });
  await bundle(join(dir, "index.js"));
  const event = snsEvent(s3Notification([{ key: "bundled+key", size: 1 }]));
  await writeFile(join(dir, "event.json"), JSON.stringify(event));
  // Run from the temp dir so nothing can be resolved from this package's node_modules.
  const invoke = `require("./index.js").handler(require("./event.json"), { awsRequestId: "r-1" })
    .then((result) => console.log("RESULT " + JSON.stringify(result)))`;
  const { stdout } = await promisify(execFile)(process.execPath, ["--disable-warning=NodeVersionSupportWarning", "-e", invoke], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      AWS_REGION: "eu-central-1",
      AWS_ACCESS_KEY_ID: "AKIAFAKEFAKEFAKEFAKE",
      AWS_SECRET_ACCESS_KEY: "fake-secret",
      AWS_ENDPOINT_URL_DYNAMODB: fake.endpoint,
      AWS_XRAY_CONTEXT_MISSING: "IGNORE_ERROR",
      TABLE_NAME: "items",
    },
  });
  assert.match(stdout, /^put item bundled key$/m);
  const result = JSON.parse(stdout.split("RESULT ")[1]);
  assert.equal(result.written, 1);
  assert.deepEqual(fake.putItems.map((call) => [call.TableName, call.Item.PK.S, call.Item.runtime.S]), [["items", "bundled key", "ts"]]);
});
