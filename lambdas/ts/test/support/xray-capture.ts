import { randomBytes } from "node:crypto";
import { createSocket } from "node:dgram";
import type { AddressInfo } from "node:net";
import type { SNSEvent } from "aws-lambda";
import { startFakeDynamoDB, useFakeAws, type PutItemCall } from "./fake-dynamodb.ts";

const DAEMON_HEADER = '{"format":"json","version":1}';

/** A segment or subsegment document as the X-Ray SDK sends it to the daemon. */
export type SegmentDocument = Record<string, any>;

export interface Capture {
  traceId: string;
  /** The Lambda facade segment id the SDK parents its subsegments on (Parent= of _X_AMZN_TRACE_ID). */
  facadeId: string;
  documents: SegmentDocument[];
  putItems: PutItemCall[];
}

/** A fresh X-Ray trace id: 1-<epoch seconds, 8 hex>-<96 random bits, 24 hex>. */
export function newTraceId(now = new Date()): string {
  const epochHex = Math.floor(now.getTime() / 1000).toString(16).padStart(8, "0");
  return `1-${epochHex}-${randomBytes(12).toString("hex")}`;
}

/**
 * Runs the real handler with the real X-Ray SDK in Lambda mode: a fake DynamoDB for the writes and a
 * UDP socket standing in for the X-Ray daemon. The SDK reads its env when first imported, so call this
 * in a process that has not imported the handler or aws-xray-sdk-core yet, and only once per process.
 */
export async function captureLambdaInvocation(event: SNSEvent, tableName = "items"): Promise<Capture> {
  const fake = await startFakeDynamoDB();
  const daemon = createSocket("udp4");
  const documents: SegmentDocument[] = [];
  const malformed: string[] = [];
  daemon.on("message", (datagram) => {
    const text = datagram.toString("utf8");
    const newline = text.indexOf("\n");
    if (newline < 0 || text.slice(0, newline) !== DAEMON_HEADER) {
      malformed.push(text);
      return;
    }
    documents.push(JSON.parse(text.slice(newline + 1)));
  });
  await new Promise<void>((resolve) => daemon.bind(0, "127.0.0.1", resolve));
  const daemonPort = (daemon.address() as AddressInfo).port;

  const traceId = newTraceId();
  const facadeId = randomBytes(8).toString("hex");
  useFakeAws(fake.endpoint, tableName);
  Object.assign(process.env, {
    LAMBDA_TASK_ROOT: process.cwd(),
    AWS_LAMBDA_FUNCTION_NAME: "xraystarter-ts",
    _X_AMZN_TRACE_ID: `Root=${traceId};Parent=${facadeId};Sampled=1`,
    AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${daemonPort}`,
    AWS_XRAY_CONTEXT_MISSING: "LOG_ERROR",
  });

  try {
    const { handler } = await import("../../src/index.ts");
    await handler(event, { awsRequestId: "3f1c2a9e-5b7d-4e21-9c4a-1d2e3f4a5b6c" });
    // The "handler" subsegment closes last; wait for its datagram.
    const deadline = Date.now() + 5000;
    while (!documents.some((doc) => doc.name === "handler")) {
      if (Date.now() > deadline) throw new Error(`no "handler" subsegment reached the fake daemon; got ${documents.length} documents`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (malformed.length > 0) throw new Error(`datagrams without the daemon header: ${malformed.join(" | ")}`);
    return { traceId, facadeId, documents, putItems: [...fake.putItems] };
  } finally {
    daemon.close();
    await fake.close();
  }
}
