import { randomUUID } from "node:crypto";
import { DynamoDBClient, PutItemCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import type { Context, SNSEvent } from "aws-lambda";
import { tracingMode, type Tracing } from "./tracing";
import { BadEventError, parseUploads, type Upload } from "./uploads";

export { BadEventError } from "./uploads";

const RUNTIME = "ts";

// Loaded lazily, so TRACING=otel never loads the X-Ray SDK.
const tracing: Tracing =
  tracingMode() === "otel" ? require("./otel").otelTracing : require("./xray").xrayTracing;

// Created once per container.
const dynamodb = tracing.dynamodb(new DynamoDBClient({}));

export interface HandlerResult {
  written: number;
  items: { PK: string; SK: string }[];
}

export async function handler(event: SNSEvent, context?: Pick<Context, "awsRequestId">): Promise<HandlerResult> {
  const tableName = process.env.TABLE_NAME;
  if (!tableName) {
    const message = "xraystarter-ts: environment variable TABLE_NAME is not set";
    console.error(message);
    throw new Error(message);
  }
  let uploads: Upload[];
  try {
    uploads = parseUploads(event);
  } catch (error) {
    if (error instanceof BadEventError) console.error(`xraystarter-ts: bad event: ${error.message}`);
    throw error;
  }
  const requestId = context?.awsRequestId ?? randomUUID();

  // The Lambda facade segment takes no annotations, so the work runs in our own subsegments.
  // S3 publishes one record per notification, so the first key is normally the only one;
  // every key is also annotated on its own write-item subsegment.
  const annotations = { runtime: RUNTIME, ...(uploads.length > 0 ? { key: uploads[0].key } : {}), objects: uploads.length };
  return tracing.span("handler", annotations, async () => {
    try {
      const items: HandlerResult["items"] = [];
      for (const [index, upload] of uploads.entries()) {
        items.push(await writeItem(tableName, upload, `${requestId}#${index}`));
      }
      return { written: items.length, items };
    } catch (error) {
      console.error(`xraystarter-ts: writing to ${tableName} failed: ${(error as Error).message}`);
      throw error;
    }
  });
}

function writeItem(tableName: string, upload: Upload, writeId: string): Promise<{ PK: string; SK: string }> {
  return tracing.span("write-item", { runtime: RUNTIME, key: upload.key }, async () => {
    const writtenAt = new Date().toISOString();
    // PK is shared with the py and go functions; the runtime-prefixed SK keeps their items apart.
    const item: Record<string, AttributeValue> = {
      PK: { S: upload.key },
      SK: { S: `${RUNTIME}#${writtenAt}#${writeId}` },
      runtime: { S: RUNTIME },
      key: { S: upload.key },
      bucket: { S: upload.bucket },
      writtenAt: { S: writtenAt },
      ...(upload.size === undefined ? {} : { size: { N: String(upload.size) } }),
    };
    await dynamodb.send(new PutItemCommand({ TableName: tableName, Item: item }));
    console.log("put item", upload.key);
    return { PK: upload.key, SK: item.SK.S! };
  });
}
