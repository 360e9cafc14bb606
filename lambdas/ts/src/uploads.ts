import type { SNSEvent } from "aws-lambda";

/** One uploaded object, taken from an S3 event notification delivered through SNS. */
export interface Upload {
  bucket: string;
  key: string;
  size?: number;
}

/** Thrown for events this function cannot process; the message says which record is wrong. */
export class BadEventError extends Error {
  override name = "BadEventError";
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** S3 keys arrive url-encoded, with '+' for spaces. */
export function decodeS3Key(rawKey: string, where = "S3 record"): string {
  try {
    return decodeURIComponent(rawKey.replace(/\+/g, " "));
  } catch {
    throw new BadEventError(`${where}: object key ${JSON.stringify(rawKey)} is not valid url-encoding`);
  }
}

/**
 * Validates the whole SNS event and returns every uploaded object in it.
 * Nothing is written before this has checked all records, so a bad record means no partial write.
 */
export function parseUploads(event: unknown): Upload[] {
  if (!isObject(event) || !Array.isArray(event.Records) || event.Records.length === 0) {
    throw new BadEventError("event has no Records; expected an SNS event");
  }
  return (event as unknown as SNSEvent).Records.flatMap((snsRecord, snsIndex) => {
    const where = `SNS record ${snsIndex}`;
    const message: unknown = isObject(snsRecord) && isObject(snsRecord.Sns) ? snsRecord.Sns.Message : undefined;
    if (typeof message !== "string") {
      throw new BadEventError(`${where} has no Sns.Message string`);
    }
    let notification: unknown;
    try {
      notification = JSON.parse(message);
    } catch {
      throw new BadEventError(`${where}: Sns.Message is not JSON: ${truncate(message)}`);
    }
    // S3 sends this once when the notification is configured; it names no object.
    if (isObject(notification) && notification.Event === "s3:TestEvent") {
      console.log("skipping s3:TestEvent", where);
      return [];
    }
    if (!isObject(notification) || !Array.isArray(notification.Records) || notification.Records.length === 0) {
      throw new BadEventError(`${where}: Sns.Message is not an S3 event notification (no Records): ${truncate(message)}`);
    }
    return notification.Records.map((s3Record: unknown, s3Index: number) =>
      parseS3Record(s3Record, `${where}, S3 record ${s3Index}`),
    );
  });
}

function parseS3Record(s3Record: unknown, where: string): Upload {
  const s3 = isObject(s3Record) ? s3Record.s3 : undefined;
  const bucket = isObject(s3) && isObject(s3.bucket) ? s3.bucket.name : undefined;
  const object = isObject(s3) ? s3.object : undefined;
  const rawKey = isObject(object) ? object.key : undefined;
  if (typeof bucket !== "string" || bucket === "") {
    throw new BadEventError(`${where} has no s3.bucket.name`);
  }
  if (typeof rawKey !== "string" || rawKey === "") {
    throw new BadEventError(`${where} has no s3.object.key`);
  }
  const size = isObject(object) && typeof object.size === "number" ? object.size : undefined;
  return { bucket, key: decodeS3Key(rawKey, where), ...(size === undefined ? {} : { size }) };
}

function truncate(text: string, max = 120): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}...` : text);
}
