// Command bootstrap is the xraystarter-go Lambda function: it receives S3 upload notifications
// through SNS and writes one DynamoDB item per uploaded object, traced with X-Ray.
package main

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
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
	db, err := newDynamoClient(context.Background())
	if err != nil {
		log.Fatalf("ERROR %v", err)
	}
	lambda.Start(newHandler(db, table).handle)
}

// newDynamoClient builds a DynamoDB client from the standard AWS environment, with every call
// traced as an X-Ray subsegment (namespace "aws").
func newDynamoClient(ctx context.Context) (*dynamodb.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, fmt.Errorf("load AWS config: %w", err)
	}
	awsv2.AWSV2Instrumentor(&cfg.APIOptions)
	return dynamodb.NewFromConfig(cfg), nil
}
