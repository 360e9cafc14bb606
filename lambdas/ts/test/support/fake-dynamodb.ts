import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A PutItem request as the fake DynamoDB received it. */
export interface PutItemCall {
  TableName: string;
  Item: Record<string, Record<string, string>>;
  traceHeader?: string;
}

export interface FakeDynamoDB {
  endpoint: string;
  putItems: PutItemCall[];
  /** Make the next PutItem calls fail with this DynamoDB error type (e.g. "ResourceNotFoundException"). */
  failWith(errorType: string | undefined): void;
  close(): Promise<void>;
}

const JSON_1_0 = "application/x-amz-json-1.0";

/** Shaped like DynamoDB's 52-character request ids; the counter keeps them distinct. */
function dynamoRequestId(counter: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  const random = Array.from(randomBytes(44), (byte) => alphabet[byte % alphabet.length]).join("");
  return random + String(counter).padStart(8, "0");
}

/** Speaks just enough of the DynamoDB JSON 1.0 protocol for PutItem, on 127.0.0.1. */
export async function startFakeDynamoDB(): Promise<FakeDynamoDB> {
  const putItems: PutItemCall[] = [];
  let failure: string | undefined;
  let requestCounter = 0;

  const reply = (res: ServerResponse, status: number, body: object) => {
    const payload = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": JSON_1_0,
      "content-length": Buffer.byteLength(payload),
      "x-amzn-requestid": dynamoRequestId(++requestCounter),
    });
    res.end(payload);
  };
  const error = (res: ServerResponse, status: number, type: string, message: string) =>
    reply(res, status, { __type: `com.amazonaws.dynamodb.v20120810#${type}`, message });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const target = req.headers["x-amz-target"];
    if (req.method !== "POST" || target !== "DynamoDB_20120810.PutItem") {
      return error(res, 400, "UnknownOperationException", `fake DynamoDB only knows PutItem, got ${target}`);
    }
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    if (typeof body.TableName !== "string" || typeof body.Item?.PK?.S !== "string" || typeof body.Item?.SK?.S !== "string") {
      return error(res, 400, "ValidationException", "PutItem needs TableName and an Item with string PK and SK");
    }
    if (failure) return error(res, 400, failure, `fake failure ${failure}`);
    const traceHeader = req.headers["x-amzn-trace-id"];
    putItems.push({ TableName: body.TableName, Item: body.Item, ...(typeof traceHeader === "string" ? { traceHeader } : {}) });
    reply(res, 200, {});
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => error(res, 500, "InternalServerError", String(err)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    putItems,
    failWith: (errorType) => {
      failure = errorType;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** Points the AWS SDK at the fake with dummy credentials; must run before the handler module is imported. */
export function useFakeAws(endpoint: string, tableName = "items"): void {
  Object.assign(process.env, {
    AWS_REGION: "eu-central-1",
    AWS_ACCESS_KEY_ID: "AKIAFAKEFAKEFAKEFAKE",
    AWS_SECRET_ACCESS_KEY: "fake-secret",
    AWS_ENDPOINT_URL_DYNAMODB: endpoint,
    AWS_MAX_ATTEMPTS: "1",
    AWS_EC2_METADATA_DISABLED: "true",
    TABLE_NAME: tableName,
  });
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
}
