import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A span as OTLP JSON carries it, with the service.name of its resource. */
export interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
  status?: { code?: number; message?: string };
}

export interface FakeCollector {
  /** The base URL, for OTEL_EXPORTER_OTLP_ENDPOINT. */
  endpoint: string;
  spans: ReceivedSpan[];
  close(): Promise<void>;
}

/** An OTLP JSON attribute value as a plain value (arrays joined with ","). */
function plain(value: Record<string, any>): unknown {
  if ("stringValue" in value) return value.stringValue;
  if ("intValue" in value) return Number(value.intValue);
  if ("boolValue" in value) return value.boolValue;
  if ("doubleValue" in value) return value.doubleValue;
  if ("arrayValue" in value) return (value.arrayValue.values ?? []).map(plain).join(",");
  return undefined;
}

const attributes = (list: { key: string; value: Record<string, any> }[] = []) =>
  Object.fromEntries(list.map(({ key, value }) => [key, plain(value)]));

/**
 * A minimal OTLP/HTTP traces endpoint for OTLP JSON (OTEL_EXPORTER_OTLP_PROTOCOL=http/json) on
 * 127.0.0.1. With forwardTo it also posts every request, as received, to that URL: xspy's test of
 * this function (app FunctionSpansTest) passes its own receiver's through XSPY_OTLP_TRACES_URL.
 */
export async function startFakeCollector(forwardTo = process.env.XSPY_OTLP_TRACES_URL): Promise<FakeCollector> {
  const spans: ReceivedSpan[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (req.method !== "POST" || req.url !== "/v1/traces" || !String(req.headers["content-type"]).startsWith("application/json")) {
      res.writeHead(400).end("want OTLP JSON on POST /v1/traces");
      return;
    }
    if (forwardTo) {
      const forwarded = await fetch(forwardTo, { method: "POST", headers: { "content-type": "application/json" }, body });
      if (!forwarded.ok) {
        res.writeHead(502).end(`forward to ${forwardTo}: ${forwarded.status} ${await forwarded.text()}`);
        return;
      }
    }
    for (const resourceSpans of JSON.parse(body.toString("utf8")).resourceSpans ?? []) {
      const service = String(attributes(resourceSpans.resource?.attributes)["service.name"]);
      for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
        for (const span of scopeSpans.spans ?? []) {
          spans.push({ ...span, service, attributes: attributes(span.attributes) });
        }
      }
    }
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
