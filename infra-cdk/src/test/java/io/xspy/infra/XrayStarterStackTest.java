package io.xspy.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Assertions on the synthesized CloudFormation template of the xraystarter stack (synthesized once). */
class XrayStarterStackTest {

    private static final String FUNCTION = "AWS::Lambda::Function";
    private static final String MARKER = "marker.txt";

    @TempDir
    static Path tmp;

    private static Path cdkOut;
    private static Template template;

    @BeforeAll
    static void synthesize() throws IOException {
        Path lambdas = tmp.resolve("lambdas");
        for (String lang : List.of("ts", "py", "go")) {
            Path dist = Files.createDirectories(lambdas.resolve(lang).resolve("dist"));
            Files.writeString(dist.resolve(MARKER), "code of " + lang);
        }
        cdkOut = tmp.resolve("cdk.out");
        App app = App.Builder.create()
                .outdir(cdkOut.toString())
                // the CLI sets this; it records which staged asset directory each function uses
                .context(Map.of("aws:cdk:enable-asset-metadata", true))
                .build();
        XrayStarterStack stack = new XrayStarterStack(app, "xraystarter",
                StackProps.builder().stackName("xraystarter").build(), LambdaAssets.under(lambdas));
        template = Template.fromStack(stack);
        app.synth();
    }

    static Stream<Arguments> functions() {
        return Stream.of(
                Arguments.of("xraystarter-ts", "nodejs22.x", "index.handler", "ts"),
                Arguments.of("xraystarter-py", "python3.13", "app.handler", "py"),
                Arguments.of("xraystarter-go", "provided.al2023", "bootstrap", "go"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void functionIsTracedArm64WithItsRuntimeHandlerAndTableName(String name, String runtime, String handler, String lang) {
        template.hasResourceProperties(FUNCTION, Map.of(
                "FunctionName", name,
                "Runtime", runtime,
                "Handler", handler,
                "Architectures", List.of("arm64"),
                "MemorySize", 1024,
                "TracingConfig", Map.of("Mode", "Active"),
                "Environment", Map.of("Variables", Map.of("TABLE_NAME", Map.of("Ref", tableId())))));
    }

    @Test
    void exactlyTheThreeAppFunctionsAreTraced() {
        template.resourcePropertiesCountIs(FUNCTION,
                Map.of("TracingConfig", Map.of("Mode", "Active"), "MemorySize", 1024), 3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void functionCodeIsTheStagedCopyOfItsOwnDistDirectory(String name, String runtime, String handler, String lang)
            throws IOException {
        Map<String, Object> function = resource(functionId(name));
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) function.get("Metadata");
        assertEquals("Code", metadata.get("aws:asset:property"));
        assertEquals(false, metadata.get("aws:asset:is-bundled"), "prebuilt dist is zipped as is, no bundling");
        Path staged = cdkOut.resolve((String) metadata.get("aws:asset:path"));
        assertEquals("code of " + lang, Files.readString(staged.resolve(MARKER)));

        @SuppressWarnings("unchecked")
        Map<String, Object> code = (Map<String, Object>) properties(functionId(name)).get("Code");
        assertEquals(staged.getFileName().toString().substring("asset.".length()) + ".zip", code.get("S3Key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void functionLogsToItsOwnLogGroupKeptOneWeek(String name, String runtime, String handler, String lang) {
        Map<String, Map<String, Object>> groups = template.findResources("AWS::Logs::LogGroup", Map.of(
                "Properties", Map.of("LogGroupName", "/aws/lambda/" + name, "RetentionInDays", 7),
                "DeletionPolicy", "Delete"));
        assertEquals(1, groups.size(), "log group of " + name);
        template.hasResourceProperties(FUNCTION, Map.of(
                "FunctionName", name,
                "LoggingConfig", Map.of("LogGroup", Map.of("Ref", groups.keySet().iterator().next()))));
    }

    @Test
    void topicHasActiveTracing() {
        template.resourceCountIs("AWS::SNS::Topic", 1);
        template.hasResourceProperties("AWS::SNS::Topic", Map.of("TracingConfig", "Active"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void functionIsSubscribedToTheTopicAndMayBeInvokedByIt(String name, String runtime, String handler, String lang) {
        String function = functionId(name);
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "lambda",
                "Endpoint", Map.of("Fn::GetAtt", List.of(function, "Arn")),
                "TopicArn", Map.of("Ref", topicId())));
        template.hasResourceProperties("AWS::Lambda::Permission", Map.of(
                "Action", "lambda:InvokeFunction",
                "Principal", "sns.amazonaws.com",
                "FunctionName", Map.of("Fn::GetAtt", List.of(function, "Arn")),
                "SourceArn", Map.of("Ref", topicId())));
    }

    @Test
    void thereAreExactlyThreeSubscriptions() {
        template.resourceCountIs("AWS::SNS::Subscription", 3);
    }

    @Test
    void bucketNotifiesTheTopicOfCreatedObjects() {
        template.hasResourceProperties("Custom::S3BucketNotifications", Map.of(
                "BucketName", Map.of("Ref", bucketId()),
                "NotificationConfiguration", Map.of("TopicConfigurations", List.of(Map.of(
                        "Events", List.of("s3:ObjectCreated:*"),
                        "TopicArn", Map.of("Ref", topicId()))))));
        // S3 may publish to the topic, but only for this bucket
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Action", "sns:Publish",
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "s3.amazonaws.com"),
                        "Condition", Map.of("ArnLike",
                                Map.of("aws:SourceArn", Map.of("Fn::GetAtt", List.of(bucketId(), "Arn"))))))))))));
    }

    @Test
    void bucketIsPrivateSslOnlyAndEmptiedOnDestroy() {
        template.hasResource("AWS::S3::Bucket", Map.of(
                "Properties", Match.objectLike(Map.of("PublicAccessBlockConfiguration", Map.of(
                        "BlockPublicAcls", true,
                        "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true,
                        "RestrictPublicBuckets", true))),
                "DeletionPolicy", "Delete"));
        template.hasResourceProperties("AWS::S3::BucketPolicy", Map.of(
                "Bucket", Map.of("Ref", bucketId()),
                "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Action", "s3:*",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))));
        template.hasResourceProperties("Custom::S3AutoDeleteObjects", Map.of("BucketName", Map.of("Ref", bucketId())));
    }

    @Test
    void tableIsItemsKeyedByPkAndSkOnDemandAndDeletedWithTheStack() {
        template.resourceCountIs("AWS::DynamoDB::Table", 1);
        template.hasResource("AWS::DynamoDB::Table", Map.of(
                "Properties", Match.objectLike(Map.of(
                        "TableName", "items",
                        "BillingMode", "PAY_PER_REQUEST",
                        "KeySchema", List.of(
                                Map.of("AttributeName", "PK", "KeyType", "HASH"),
                                Map.of("AttributeName", "SK", "KeyType", "RANGE")),
                        "AttributeDefinitions", List.of(
                                Map.of("AttributeName", "PK", "AttributeType", "S"),
                                Map.of("AttributeName", "SK", "AttributeType", "S")))),
                "DeletionPolicy", "Delete"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void functionRoleMayPutItemsIntoTheTable(String name, String runtime, String handler, String lang) {
        template.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "Roles", List.of(Map.of("Ref", roleIdOf(name))),
                "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Map.of(
                        "Action", "dynamodb:PutItem",
                        "Effect", "Allow",
                        "Resource", List.of(Map.of("Fn::GetAtt", List.of(tableId(), "Arn"))))))))));
    }

    @Test
    void noRoleGetsAnyOtherDynamoDbActionThanPutItem() {
        List<Object> dynamoActions = new ArrayList<>();
        for (Map<String, Object> policy : template.findResources("AWS::IAM::Policy").values()) {
            collectActions(policy, dynamoActions);
        }
        assertEquals(3, dynamoActions.size(), "one PutItem grant per function: " + dynamoActions);
        assertTrue(dynamoActions.stream().allMatch("dynamodb:PutItem"::equals), dynamoActions.toString());
    }

    static Stream<Arguments> outputs() {
        return Stream.of(
                Arguments.of("BucketName", "xraystarter-bucket-name", "AWS::S3::Bucket"),
                Arguments.of("TableName", "xraystarter-table-name", "AWS::DynamoDB::Table"),
                Arguments.of("LambdaNameTS", "xraystarter-ts-name", "xraystarter-ts"),
                Arguments.of("LambdaNamePy", "xraystarter-py-name", "xraystarter-py"),
                Arguments.of("LambdaNameGo", "xraystarter-go-name", "xraystarter-go"));
    }

    @ParameterizedTest(name = "{0} exported as {1}")
    @MethodSource("outputs")
    void outputIsExportedUnderTheNameTheScriptsLookFor(String output, String exportName, String refersTo) {
        String target = refersTo.startsWith("AWS::") ? onlyResourceOf(refersTo) : functionId(refersTo);
        template.hasOutput(output, Map.of(
                "Value", Map.of("Ref", target),
                "Export", Map.of("Name", exportName)));
    }

    @Test
    void stackHasExactlyTheFiveOutputs() {
        assertEquals(5, template.findOutputs("*").size());
    }

    // --- template navigation -------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static void collectActions(Object node, List<Object> dynamoActions) {
        if (node instanceof Map<?, ?> map) {
            Object action = map.get("Action");
            List<Object> actions = action instanceof List<?> list ? (List<Object>) list : action == null ? List.of() : List.of(action);
            actions.stream().filter(a -> a.toString().startsWith("dynamodb:")).forEach(dynamoActions::add);
            map.values().forEach(value -> collectActions(value, dynamoActions));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectActions(value, dynamoActions));
        }
    }

    private static String onlyResourceOf(String type) {
        Map<String, Map<String, Object>> found = template.findResources(type);
        assertEquals(1, found.size(), "resources of type " + type);
        return found.keySet().iterator().next();
    }

    private static String tableId() {
        return onlyResourceOf("AWS::DynamoDB::Table");
    }

    private static String topicId() {
        return onlyResourceOf("AWS::SNS::Topic");
    }

    private static String bucketId() {
        return onlyResourceOf("AWS::S3::Bucket");
    }

    private static String functionId(String functionName) {
        Map<String, Map<String, Object>> found = template.findResources(FUNCTION,
                Map.of("Properties", Map.of("FunctionName", functionName)));
        assertEquals(1, found.size(), "function " + functionName);
        return found.keySet().iterator().next();
    }

    @SuppressWarnings("unchecked")
    private static String roleIdOf(String functionName) {
        Map<String, Object> role = (Map<String, Object>) properties(functionId(functionName)).get("Role");
        return (String) ((List<Object>) role.get("Fn::GetAtt")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resource(String logicalId) {
        return (Map<String, Object>) ((Map<String, Object>) template.toJSON().get("Resources")).get(logicalId);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(String logicalId) {
        return (Map<String, Object>) resource(logicalId).get("Properties");
    }
}
