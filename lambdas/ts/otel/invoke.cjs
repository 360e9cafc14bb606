// Invokes the handler in LAMBDA_TASK_ROOT (module and function from _HANDLER, e.g. index.handler) once
// per event file, as the Lambda runtime would, and prints each outcome as one JSON line; with
// otel/register.cjs preloaded, it runs instrumented as under the ADOT layer:
//   LAMBDA_TASK_ROOT=dist-otel _HANDLER=index.handler TRACING=otel \
//     node --require ./otel/register.cjs otel/invoke.cjs event.json [event.json ...]
// Each invocation gets a fresh request id, and _X_AMZN_TRACE_ID from XRAY_TRACE_HEADERS (one
// header per event, comma-separated) when given, as the runtime sets it per invocation.
"use strict";
const { randomUUID } = require("node:crypto");
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

async function main(files) {
  const [module, name] = (process.env._HANDLER || "index.handler").split(".");
  const handler = require(join(process.env.LAMBDA_TASK_ROOT || process.cwd(), module))[name];
  const headers = (process.env.XRAY_TRACE_HEADERS || "").split(",").filter(Boolean);
  let failed = 0;
  for (const [i, file] of files.entries()) {
    const requestId = randomUUID();
    if (headers[i]) process.env._X_AMZN_TRACE_ID = headers[i];
    else delete process.env._X_AMZN_TRACE_ID;
    const context = {
      awsRequestId: requestId,
      functionName: process.env.AWS_LAMBDA_FUNCTION_NAME || "xraystarter-ts",
      invokedFunctionArn: `arn:aws:lambda:${process.env.AWS_REGION || "eu-central-1"}:123456789012:function:${process.env.AWS_LAMBDA_FUNCTION_NAME || "xraystarter-ts"}`,
      getRemainingTimeInMillis: () => 30_000,
    };
    try {
      const result = await handler(JSON.parse(readFileSync(file, "utf8")), context);
      console.log(JSON.stringify({ requestId, result }));
    } catch (error) {
      failed++;
      console.log(JSON.stringify({ requestId, errorType: error.name, errorMessage: error.message }));
    }
  }
  process.exitCode = failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).catch((error) => {
  console.error(`invoke: ${error.stack || error}`);
  process.exitCode = 2;
});
