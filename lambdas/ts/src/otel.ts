import { SpanStatusCode, trace } from "@opentelemetry/api";
import type { Tracing } from "./tracing";

// The API is a facade: the ADOT layer (in Lambda) or otel/register.cjs (off Lambda) registers the SDK.
const tracer = trace.getTracer("xraystarter-ts");

/**
 * TRACING=otel: the invocation span and the DynamoDB spans come from the layer's auto-instrumentation
 * (aws-lambda, aws-sdk); the function adds only its own spans, children of the active span.
 */
export const otelTracing: Tracing = {
  // Patched by the layer's aws-sdk instrumentation, which needs an SDK loaded with require (see build.ts).
  dynamodb: (client) => client,
  span: (name, attributes, work) =>
    tracer.startActiveSpan(name, { attributes }, async (span) => {
      try {
        return await work();
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    }),
};
