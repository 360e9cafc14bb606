// Off Lambda, stands in for the ADOT Node.js layer (AWS_LAMBDA_EXEC_WRAPPER=/opt/otel-instrument):
// the same auto-instrumentation, set up before the handler module loads:
//   node --require ./otel/register.cjs <script that requires $LAMBDA_TASK_ROOT/index.js>
// - aws-lambda instrumentation: wraps the handler named by _HANDLER in LAMBDA_TASK_ROOT (one SERVER
//   span per invocation, continuing the invocation's X-Ray header _X_AMZN_TRACE_ID, as the layer does)
//   and flushes the provider before the invocation returns;
// - aws-sdk instrumentation: a CLIENT span per AWS SDK v3 call (DynamoDB.PutItem with rpc.* and
//   aws.dynamodb.* attributes);
// - X-Ray trace ids and propagation; an OTLP/HTTP exporter to OTEL_EXPORTER_OTLP_ENDPOINT
//   (OTEL_EXPORTER_OTLP_PROTOCOL http/protobuf, the default, or http/json); service.name from
//   OTEL_SERVICE_NAME.
"use strict";
const { ROOT_CONTEXT, metrics, trace } = require("@opentelemetry/api");
const { NodeSDK } = require("@opentelemetry/sdk-node");
const { AwsLambdaInstrumentation } = require("@opentelemetry/instrumentation-aws-lambda");
const { AwsInstrumentation } = require("@opentelemetry/instrumentation-aws-sdk");
const { AWSXRayPropagator } = require("@opentelemetry/propagator-aws-xray");
const { AWSXRayIdGenerator } = require("@opentelemetry/id-generator-aws-xray");

function traceExporter() {
  const protocol = process.env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL || process.env.OTEL_EXPORTER_OTLP_PROTOCOL || "http/protobuf";
  if (protocol === "http/json") return new (require("@opentelemetry/exporter-trace-otlp-http").OTLPTraceExporter)();
  if (protocol === "http/protobuf") return new (require("@opentelemetry/exporter-trace-otlp-proto").OTLPTraceExporter)();
  throw new Error(`otel/register: OTEL_EXPORTER_OTLP_PROTOCOL ${JSON.stringify(protocol)} is not supported; use http/protobuf or http/json`);
}

const xray = new AWSXRayPropagator();
let lambda;
const sdk = new NodeSDK({
  traceExporter: traceExporter(),
  // Only traces: nothing here receives metrics or logs.
  metricReaders: [],
  logRecordProcessors: [],
  idGenerator: new AWSXRayIdGenerator(),
  textMapPropagator: xray,
  instrumentations: [
    (lambda = new AwsLambdaInstrumentation({
      // The invocation's X-Ray header, which the Lambda runtime sets per invocation.
      eventContextExtractor: () =>
        xray.extract(ROOT_CONTEXT, { "x-amzn-trace-id": process.env._X_AMZN_TRACE_ID ?? "" }, {
          get: (carrier, key) => carrier[key.toLowerCase()],
          keys: (carrier) => Object.keys(carrier),
        }),
    })),
    new AwsInstrumentation(),
  ],
});
sdk.start();
// The instrumentation looks for forceFlush when it is registered, which NodeSDK does before it sets
// the global providers; handing them over again lets it flush at the end of every invocation.
lambda.setTracerProvider(trace.getTracerProvider());
lambda.setMeterProvider(metrics.getMeterProvider());
