package io.xspy.infra;

import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.logs.CfnResourcePolicy;
import software.amazon.awscdk.services.xray.CfnTransactionSearchConfig;
import software.constructs.Construct;

/**
 * Turns on CloudWatch Transaction Search for the account and region (`-c transactionSearch=true`), with
 * the two resources AWS documents for CloudFormation: a CloudWatch Logs resource policy that lets X-Ray
 * write spans to `aws/spans` and `/aws/application-signals/data`, only on behalf of this account's X-Ray
 * in this region, and the X-Ray setting itself, created after the policy.
 */
final class TransactionSearch extends Construct {

    /** The share of spans X-Ray indexes as trace summaries: 1 % is AWS's default and free; xspy lists the rest from aws/spans. */
    static final int INDEXING_PERCENTAGE = 1;
    static final String POLICY_NAME = "xraystarter-TransactionSearchAccess";

    static final String POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "TransactionSearchXRayAccess",
                  "Effect": "Allow",
                  "Principal": { "Service": "xray.amazonaws.com" },
                  "Action": "logs:PutLogEvents",
                  "Resource": [
                    "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:aws/spans:*",
                    "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/application-signals/data:*"
                  ],
                  "Condition": {
                    "ArnLike": { "aws:SourceArn": "arn:${AWS::Partition}:xray:${AWS::Region}:${AWS::AccountId}:*" },
                    "StringEquals": { "aws:SourceAccount": "${AWS::AccountId}" }
                  }
                }
              ]
            }
            """;

    TransactionSearch(Construct scope, String id) {
        super(scope, id);
        CfnResourcePolicy policy = CfnResourcePolicy.Builder.create(this, "XRayWritesSpans")
                .policyName(POLICY_NAME)
                .policyDocument(Fn.sub(POLICY))
                .build();
        CfnTransactionSearchConfig config = CfnTransactionSearchConfig.Builder.create(this, "Config")
                .indexingPercentage(INDEXING_PERCENTAGE)
                .build();
        config.getNode().addDependency(policy);
    }
}
