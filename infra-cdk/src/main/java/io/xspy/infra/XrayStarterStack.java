package io.xspy.infra;

import java.nio.file.Path;
import java.util.Map;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.EventType;
import software.amazon.awscdk.services.s3.notifications.SnsDestination;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.TracingConfig;
import software.amazon.awscdk.services.sns.subscriptions.LambdaSubscription;
import software.constructs.Construct;

/**
 * The stack xspy is demonstrated on: an upload to the bucket notifies the topic, which fans out to
 * three traced functions (TypeScript, Python, Go); each writes the object key to the table. They are
 * traced by the X-Ray SDKs, or with TRACING=otel by OpenTelemetry ({@link OtelInstrumentation}); either
 * way Transaction Search can be turned on with the stack ({@link TransactionSearch}).
 */
public class XrayStarterStack extends Stack {

    public static final String STACK_NAME = "xraystarter";
    public static final String TABLE_NAME = "items";
    public static final String BUCKET_EXPORT = "xraystarter-bucket-name";
    public static final String TABLE_EXPORT = "xraystarter-table-name";
    static final int MEMORY_MB = 1024;
    static final RetentionDays LOG_RETENTION = RetentionDays.ONE_WEEK;

    private final Topic topic;
    private final Table table;

    /** The stack of the blog post: the functions traced by the X-Ray SDKs. */
    public XrayStarterStack(Construct scope, String id, StackProps props, LambdaAssets assets) {
        this(scope, id, props, assets, TracingOptions.XRAY);
    }

    /**
     * The same shape traced as {@code tracing} says. OpenTelemetry needs the stack's region at synth time
     * (layers are regional): give the stack an env with a region.
     */
    public XrayStarterStack(Construct scope, String id, StackProps props, LambdaAssets assets, TracingOptions tracing) {
        super(scope, id, props);
        OtelInstrumentation otel = tracing.mode() == TracingMode.OTEL
                ? new OtelInstrumentation(this, OtelLayers.published().forRegion(knownRegion()), tracing.transactionSearch())
                : null;

        Bucket bucket = Bucket.Builder.create(this, "Incoming")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .autoDeleteObjects(true)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();

        // Active tracing on the topic keeps S3 -> SNS -> Lambda one trace in the service map.
        topic = Topic.Builder.create(this, "Uploads")
                .tracingConfig(TracingConfig.ACTIVE)
                .enforceSsl(true)
                .build();
        bucket.addEventNotification(EventType.OBJECT_CREATED, new SnsDestination(topic));

        table = Table.Builder.create(this, "Items")
                .tableName(TABLE_NAME)
                .partitionKey(Attribute.builder().name("PK").type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name("SK").type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();

        Function tsFunction = tracedFunction("TsFunction", "xraystarter-ts", Runtime.NODEJS_22_X, "index.handler", assets.ts());
        Function pyFunction = tracedFunction("PyFunction", "xraystarter-py", Runtime.PYTHON_3_13, "app.handler", assets.py());
        Function goFunction = tracedFunction("GoFunction", "xraystarter-go", Runtime.PROVIDED_AL2023, "bootstrap", assets.go());

        if (otel != null) {
            otel.autoInstrumentNode(tsFunction, "xraystarter-ts");
            otel.autoInstrumentPython(pyFunction, "xraystarter-py");
            otel.instrumentGoWithCollector(goFunction, "xraystarter-go");
        }
        if (tracing.transactionSearch()) {
            new TransactionSearch(this, "TransactionSearch");
        }

        output("BucketName", bucket.getBucketName(), BUCKET_EXPORT);
        output("TableName", table.getTableName(), TABLE_EXPORT);
        output("LambdaNameTS", tsFunction.getFunctionName(), "xraystarter-ts-name");
        output("LambdaNamePy", pyFunction.getFunctionName(), "xraystarter-py-name");
        output("LambdaNameGo", goFunction.getFunctionName(), "xraystarter-go-name");
    }

    private String knownRegion() {
        String region = getRegion();
        if (Token.isUnresolved(region)) {
            throw new IllegalArgumentException("TRACING=otel needs the region at synth time, for its Lambda layers: pass REGION=… to make"
                    + " (or set AWS_REGION / your profile's region, which cdk hands to the app as CDK_DEFAULT_REGION)");
        }
        return region;
    }

    private Function tracedFunction(String id, String functionName, Runtime runtime, String handler, Path code) {
        // A log group of our own: retention is set up front and the group goes away with the stack.
        LogGroup logs = LogGroup.Builder.create(this, id + "Logs")
                .logGroupName("/aws/lambda/" + functionName)
                .retention(LOG_RETENTION)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Function function = Function.Builder.create(this, id)
                .functionName(functionName)
                .runtime(runtime)
                .handler(handler)
                .code(Code.fromAsset(code.toString()))
                .architecture(Architecture.ARM_64)
                .memorySize(MEMORY_MB)
                .tracing(Tracing.ACTIVE)
                .logGroup(logs)
                .environment(Map.of("TABLE_NAME", table.getTableName()))
                .build();
        // The functions only put the uploaded key: grant exactly that, nothing to read or delete.
        table.grant(function, "dynamodb:PutItem");
        topic.addSubscription(new LambdaSubscription(function));
        return function;
    }

    private void output(String id, String value, String exportName) {
        CfnOutput.Builder.create(this, id).value(value).exportName(exportName).build();
    }
}
