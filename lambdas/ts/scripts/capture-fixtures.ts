// Captures the segment documents the real X-Ray SDK emits for one invocation and writes them,
// one JSON document per line, as test fixtures for xspy: npm run fixtures [-- <output file>]
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { s3Notification, snsEvent } from "../test/support/events.ts";
import { captureLambdaInvocation } from "../test/support/xray-capture.ts";

const TRACE_ID = /^1-[0-9a-f]{8}-[0-9a-f]{24}$/;

async function main(): Promise<void> {
  const output = resolve(process.argv[2] ?? "../../app/src/test/resources/sdk-segments/ts/segments.ndjson");
  const event = snsEvent(s3Notification([{ key: "test-20-0-0-0", size: 20 }, { key: "my+file.txt", size: 3 }]));
  const capture = await captureLambdaInvocation(event, "items");

  const bad = capture.documents.filter((doc) => !TRACE_ID.test(doc.trace_id));
  if (bad.length > 0) throw new Error(`invalid X-Ray trace ids: ${bad.map((doc) => doc.trace_id).join(", ")}`);
  const operations = capture.documents.filter((doc) => doc.namespace === "aws" && doc.aws?.operation === "PutItem");
  if (operations.length === 0) throw new Error("no DynamoDB PutItem subsegment was captured");

  await mkdir(dirname(output), { recursive: true });
  await writeFile(output, capture.documents.map((doc) => JSON.stringify(doc)).join("\n") + "\n");
  console.log(`wrote ${capture.documents.length} segment documents of trace ${capture.traceId} to ${output}`);
}

main().catch((error) => {
  console.error(`fixtures: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
