import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";

/** The attributes of a span: X-Ray annotations in xray mode, span attributes in otel mode. */
export type Annotations = Record<string, string | number>;

/** What the handler needs from a tracing mode (env TRACING: xray, the default, or otel). */
export interface Tracing {
  /** The DynamoDB client, instrumented if this mode instruments it in code. */
  dynamodb(client: DynamoDBClient): DynamoDBClient;
  /** Runs work in a child span named name, closed with work's outcome (an error marks it failed). */
  span<T>(name: string, annotations: Annotations, work: () => Promise<T>): Promise<T>;
}

/** The mode env TRACING names; anything but xray/otel is refused at load, before any invocation. */
export function tracingMode(value = process.env.TRACING): "xray" | "otel" {
  if (value === undefined || value === "" || value === "xray") return "xray";
  if (value === "otel") return "otel";
  throw new Error(`xraystarter-ts: environment variable TRACING is ${JSON.stringify(value)}; use xray or otel`);
}
