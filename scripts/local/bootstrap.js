// A small stand-in for the Node.js managed runtime's own bootstrap, which exists only inside Lambda:
// load the handler module (the init phase), then loop on the Lambda Runtime API: take the next event,
// set _X_AMZN_TRACE_ID from its Lambda-Runtime-Trace-Id header (the X-Ray SDK reads it per invocation,
// as under the real runtime), call the handler, post its response or error. console.* lines carry the
// timestamp, request id and level as the managed runtime writes them.
//   node bootstrap.js   with AWS_LAMBDA_RUNTIME_API, LAMBDA_TASK_ROOT and _HANDLER (index.handler) set
"use strict";
const path = require("node:path");
const { format } = require("node:util");

const api = `http://${process.env.AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime`;
let requestId = undefined;

for (const [method, level] of [["log", "INFO"], ["info", "INFO"], ["warn", "WARN"], ["error", "ERROR"], ["debug", "DEBUG"]]) {
  console[method] = (...args) => {
    const line = `${new Date().toISOString()}\t${requestId ?? "undefined"}\t${level}\t${format(...args)}`;
    process.stdout.write(line.replace(/\n/g, "\r") + "\n"); // one line per event, as the runtime frames it
  };
}

function errorBody(error) {
  const e = error instanceof Error ? error : new Error(String(error));
  return { errorType: e.name, errorMessage: e.message, trace: (e.stack ?? "").split("\n") };
}

async function post(url, body, errorType) {
  const headers = { "content-type": "application/json" };
  if (errorType) headers["Lambda-Runtime-Function-Error-Type"] = errorType;
  await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
}

async function main() {
  const [moduleName, handlerName] = (process.env._HANDLER ?? "index.handler").split(".");
  let handler;
  try {
    handler = require(path.join(process.env.LAMBDA_TASK_ROOT, moduleName))[handlerName];
    if (typeof handler !== "function") throw new Error(`${process.env._HANDLER} is not a function`);
  } catch (error) {
    console.error(`Runtime.ImportModuleError: ${error.message}`);
    await post(`${api}/init/error`, errorBody(error), "Runtime.ImportModuleError");
    process.exit(1);
  }
  for (;;) {
    const next = await fetch(`${api}/invocation/next`);
    requestId = next.headers.get("lambda-runtime-aws-request-id");
    const traceId = next.headers.get("lambda-runtime-trace-id");
    if (traceId) process.env._X_AMZN_TRACE_ID = traceId;
    else delete process.env._X_AMZN_TRACE_ID;
    const event = await next.json();
    const context = {
      awsRequestId: requestId,
      functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
      functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
      invokedFunctionArn: next.headers.get("lambda-runtime-invoked-function-arn"),
      memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
      logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
      logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
      getRemainingTimeInMillis: () => Number(next.headers.get("lambda-runtime-deadline-ms")) - Date.now(),
    };
    try {
      const result = await handler(event, context);
      await post(`${api}/invocation/${requestId}/response`, result ?? null);
    } catch (error) {
      console.error(`Invoke Error \t${JSON.stringify(errorBody(error))}`);
      await post(`${api}/invocation/${requestId}/error`, errorBody(error), `Handled.${errorBody(error).errorType}`);
    }
  }
}

main().catch((error) => {
  process.stderr.write(`bootstrap: ${error.stack ?? error}\n`);
  process.exit(1);
});
