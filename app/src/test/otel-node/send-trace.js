// The OpenTelemetry Node SDK sends one traced request to an OTLP/HTTP endpoint (xspy --otlp):
// a SERVER span for the request, an HTTP client span, and a DynamoDB PutItem client span (the AWS SDK
// semantic conventions: rpc.system=aws-api) that fails with an exception. Prints the trace id.
// Usage: node send-trace.js http://127.0.0.1:4318/v1/traces
'use strict';
const api = require('@opentelemetry/api');
const { NodeTracerProvider, BatchSpanProcessor } = require('@opentelemetry/sdk-trace-node');
const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-proto');
const { defaultResource, resourceFromAttributes } = require('@opentelemetry/resources');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function putItem(tracer) {
  const attributes = {
    'rpc.system': 'aws-api',
    'rpc.service': 'DynamoDB',
    'rpc.method': 'PutItem',
    'aws.region': 'eu-central-1',
    'aws.dynamodb.table_names': ['orders'],
    'aws.request_id': 'V4D3J7K0QO9TS0HQ5A4B2C1D0EVV4KQNSO5AEMVJF66Q9ASUAAJG',
  };
  return tracer.startActiveSpan('DynamoDB.PutItem', { kind: api.SpanKind.CLIENT, attributes }, async (span) => {
    try {
      await sleep(10);
      const error = new Error('Rate of requests exceeds the allowed throughput');
      error.name = 'ProvisionedThroughputExceededException';
      throw error;
    } catch (error) {
      span.recordException(error);
      span.setStatus({ code: api.SpanStatusCode.ERROR, message: error.message });
      throw error;
    } finally {
      span.end();
    }
  });
}

async function main(url) {
  const provider = new NodeTracerProvider({
    // the SDK's own attributes (telemetry.sdk.*), as NodeSDK adds them, then the service's
    resource: defaultResource().merge(resourceFromAttributes({ 'service.name': 'shop-node', 'service.version': '1.0.0' })),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
  });
  provider.register();
  const tracer = api.trace.getTracer('xspy.sdk-test', '1.0');
  const serverAttributes = {
    'http.request.method': 'POST', 'url.scheme': 'http', 'server.address': 'shop.example', 'url.path': '/orders',
    'aws.xray.annotations': ['order.tenant'], 'order.tenant': 'acme',
  };
  const traceId = await tracer.startActiveSpan('POST /orders', { kind: api.SpanKind.SERVER, attributes: serverAttributes },
    async (server) => {
      const http = tracer.startSpan('GET', {
        kind: api.SpanKind.CLIENT,
        attributes: {
          'http.request.method': 'GET', 'url.full': 'http://inventory.internal/items/42',
          'server.address': 'inventory.internal', 'http.response.status_code': 200,
        },
      });
      await sleep(5);
      http.end();
      try {
        await putItem(tracer);
      } catch (error) {
        server.setAttribute('http.response.status_code', 500);
        server.setStatus({ code: api.SpanStatusCode.ERROR, message: 'order not stored' });
      }
      server.end();
      return server.spanContext().traceId;
    });
  await provider.shutdown(); // exports what is left, and waits for the answer
  console.log(traceId);
}

main(process.argv[2]).catch((error) => {
  console.error(error);
  process.exit(1);
});
