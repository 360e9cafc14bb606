package main

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"go.opentelemetry.io/contrib/instrumentation/github.com/aws/aws-lambda-go/otellambda"
	"go.opentelemetry.io/contrib/instrumentation/github.com/aws/aws-sdk-go-v2/otelaws"
	"go.opentelemetry.io/contrib/propagators/aws/xray"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// otelTracing is the OpenTelemetry setup of TRACING=otel. Go has no ADOT layer, so the function
// instruments itself with the OTel Go SDK, as AWS's ADOT Go guide does: otellambda around the
// handler, otelaws on the AWS SDK, X-Ray trace ids and propagation, and an OTLP/HTTP exporter
// configured by the standard OTEL_EXPORTER_OTLP_* variables (default http://localhost:4318).
type otelTracing struct {
	provider *sdktrace.TracerProvider
}

func startOTel(ctx context.Context) (*otelTracing, error) {
	exporter, err := otlptracehttp.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("OTLP exporter: %w", err)
	}
	// service.name comes from OTEL_SERVICE_NAME (resource.WithFromEnv), the function's name.
	res, err := resource.New(ctx, resource.WithFromEnv(), resource.WithTelemetrySDK(),
		resource.WithAttributes(lambdaResource()...))
	if err != nil {
		return nil, fmt.Errorf("OTel resource: %w", err)
	}
	provider := sdktrace.NewTracerProvider(
		sdktrace.WithBatcher(exporter),
		sdktrace.WithResource(res),
		// X-Ray accepts these ids as they are, and they sort by time as X-Ray's do.
		sdktrace.WithIDGenerator(xray.NewIDGenerator()),
	)
	otel.SetTracerProvider(provider)
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(xray.Propagator{}, propagation.TraceContext{}))
	return &otelTracing{provider: provider}, nil
}

// instrument returns the handler wrapped by otellambda, which opens the invocation's SERVER span
// and flushes the provider at its end: Lambda freezes the process between invocations.
func (o *otelTracing) instrument(cfg aws.Config, table string) any {
	otelaws.AppendMiddlewares(&cfg.APIOptions, otelaws.WithTracerProvider(o.provider))
	h := newHandler(dynamodb.NewFromConfig(cfg), table)
	h.traceWrite = otelWrite(o.provider.Tracer("xraystarter-go"))
	handle := func(ctx context.Context, event events.SNSEvent) error {
		err := h.handle(ctx, event)
		if err != nil { // otellambda leaves the invocation span's status alone
			span := trace.SpanFromContext(ctx)
			span.RecordError(err)
			span.SetStatus(codes.Error, err.Error())
		}
		return err
	}
	return otellambda.InstrumentHandler(handle,
		otellambda.WithTracerProvider(o.provider),
		otellambda.WithFlusher(o.provider),
		otellambda.WithPropagator(xray.Propagator{}),
		otellambda.WithEventToCarrier(lambdaTraceHeader),
	)
}

// lambdaTraceHeader hands otellambda the invocation's X-Ray trace header, which aws-lambda-go puts
// into _X_AMZN_TRACE_ID before each call, so the spans continue the trace Lambda started.
func lambdaTraceHeader([]byte) propagation.TextMapCarrier {
	return propagation.MapCarrier{"X-Amzn-Trace-Id": os.Getenv("_X_AMZN_TRACE_ID")}
}

// lambdaResource describes the function as OTel's Lambda resource detector does.
func lambdaResource() []attribute.KeyValue {
	attrs := []attribute.KeyValue{attribute.String("cloud.provider", "aws"), attribute.String("cloud.platform", "aws_lambda")}
	for key, env := range map[string]string{"cloud.region": "AWS_REGION", "faas.name": "AWS_LAMBDA_FUNCTION_NAME",
		"faas.version": "AWS_LAMBDA_FUNCTION_VERSION"} {
		if value := os.Getenv(env); value != "" {
			attrs = append(attrs, attribute.String(key, value))
		}
	}
	return attrs
}
