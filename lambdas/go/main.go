// Command bootstrap is the xraystarter-go Lambda function: it receives S3 upload notifications
// through SNS and writes one DynamoDB item per uploaded object, traced with X-Ray (TRACING=xray,
// the default) or with OpenTelemetry (TRACING=otel).
package main

import (
	"context"
	"log"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-xray-sdk-go/instrumentation/awsv2"
)

func main() {
	// Lambda stamps every log line itself.
	log.SetFlags(0)

	table := os.Getenv("TABLE_NAME")
	if table == "" {
		log.Fatal("ERROR environment variable TABLE_NAME is not set")
	}
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		log.Fatalf("ERROR load AWS config: %v", err)
	}
	switch mode := os.Getenv("TRACING"); mode {
	case "", "xray":
		lambda.Start(newXRayHandler(cfg, table).handle)
	case "otel":
		otelTracing, err := startOTel(ctx)
		if err != nil {
			log.Fatalf("ERROR %v", err)
		}
		lambda.Start(otelTracing.instrument(cfg, table))
	default:
		log.Fatalf("ERROR environment variable TRACING is %q; use xray or otel", mode)
	}
}

// newXRayHandler traces every DynamoDB call as an X-Ray subsegment (namespace "aws").
func newXRayHandler(cfg aws.Config, table string) *handler {
	awsv2.AWSV2Instrumentor(&cfg.APIOptions)
	return newHandler(dynamodb.NewFromConfig(cfg), table)
}
