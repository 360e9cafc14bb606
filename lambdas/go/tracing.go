package main

import (
	"context"

	"github.com/aws/aws-xray-sdk-go/xray"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

// writeTracer runs write inside the writeSubsegment span for one object key, annotated with the
// runtime and the key: an X-Ray subsegment (TRACING=xray) or an OpenTelemetry span (TRACING=otel).
type writeTracer func(ctx context.Context, key string, write func(context.Context) error) error

func xrayWrite(ctx context.Context, key string, write func(context.Context) error) error {
	return xray.Capture(ctx, writeSubsegment, func(ctx context.Context) error {
		// These fail only without a segment (outside Lambda), where there is nothing to annotate.
		_ = xray.AddAnnotation(ctx, "runtime", runtimeName)
		_ = xray.AddAnnotation(ctx, "key", key)
		return write(ctx)
	})
}

// otelWrite makes the same span with tracer; the X-Ray annotations become span attributes.
func otelWrite(tracer trace.Tracer) writeTracer {
	return func(ctx context.Context, key string, write func(context.Context) error) error {
		ctx, span := tracer.Start(ctx, writeSubsegment, trace.WithAttributes(
			attribute.String("runtime", runtimeName), attribute.String("key", key)))
		defer span.End()
		err := write(ctx)
		if err != nil {
			span.RecordError(err)
			span.SetStatus(codes.Error, err.Error())
		}
		return err
	}
}
