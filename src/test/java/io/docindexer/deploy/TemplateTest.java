package io.docindexer.deploy;

import static io.docindexer.deploy.TemplateChecks.list;
import static io.docindexer.deploy.TemplateChecks.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * template.yaml conforms to the SAM schema and holds the deployment invariants of DESIGN.md.
 * The "broken copy" tests mutate a freshly parsed template to prove each check can fail.
 */
class TemplateTest {

    private static final Path PROJECT = Paths.get(System.getProperty("user.dir"));
    private static final Path TEMPLATE = PROJECT.resolve("template.yaml");
    private static final Path SAM_SCHEMA = PROJECT.resolve("src/test/resources/sam/sam.schema.json");

    private static SamSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        schema = SamSchema.load(SAM_SCHEMA);
    }

    // --- The real template ------------------------------------------------------------------------

    @Test
    void theTemplateConformsToTheSamSchema() throws IOException {
        assertThat(schema.violations(template())).isEmpty();
    }

    @Test
    void theTemplateHoldsTheDeploymentInvariants() throws IOException {
        assertThat(TemplateChecks.problems(template())).isEmpty();
    }

    @Test
    void everyHandlerClassExistsAndHandlesItsEvents() throws IOException {
        assertThat(TemplateChecks.handlerProblems(template())).isEmpty();
    }

    @Test
    void shortFormIntrinsicsBecomeTheLongForm() {
        Map<String, Object> parsed = CloudFormationYaml.parse("""
                Version: 2010-09-09
                Ref: !Ref Bucket
                GetAttDotted: !GetAtt Stack.Outputs.Name
                GetAttList: !GetAtt [Queue, Arn]
                Sub: !Sub "${AWS::StackName}-x"
                If: !If [IsProd, !Ref A, !Ref AWS::NoValue]
                Not: !Not [!Equals [!Ref P, ""]]
                Condition: !Condition IsProd
                FindInMap: !FindInMap [M, !Ref K, Seconds]
                Select: !Select [0, !GetAZs ""]
                Split: !Split [",", !ImportValue Shared]
                Join: !Join ["", [!Base64 abc, !Cidr [10.0.0.0/16, 2, 8]]]
                And: !And [!Condition A, !Or [!Condition B, !Condition C]]
                """);

        assertThat(parsed.get("Version")).isEqualTo("2010-09-09");
        assertThat(parsed.get("Ref")).isEqualTo(Map.of("Ref", "Bucket"));
        assertThat(parsed.get("GetAttDotted")).isEqualTo(Map.of("Fn::GetAtt", List.of("Stack", "Outputs.Name")));
        assertThat(parsed.get("GetAttList")).isEqualTo(Map.of("Fn::GetAtt", List.of("Queue", "Arn")));
        assertThat(parsed.get("Sub")).isEqualTo(Map.of("Fn::Sub", "${AWS::StackName}-x"));
        assertThat(parsed.get("If"))
                .isEqualTo(Map.of("Fn::If", List.of("IsProd", Map.of("Ref", "A"), Map.of("Ref", "AWS::NoValue"))));
        assertThat(parsed.get("Not"))
                .isEqualTo(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "P"), "")))));
        assertThat(parsed.get("Condition")).isEqualTo(Map.of("Condition", "IsProd"));
        assertThat(parsed.get("FindInMap"))
                .isEqualTo(Map.of("Fn::FindInMap", List.of("M", Map.of("Ref", "K"), "Seconds")));
        assertThat(parsed.get("Select")).isEqualTo(Map.of("Fn::Select", List.of(0, Map.of("Fn::GetAZs", ""))));
        assertThat(parsed.get("Split"))
                .isEqualTo(Map.of("Fn::Split", List.of(",", Map.of("Fn::ImportValue", "Shared"))));
        assertThat(parsed.get("Join"))
                .isEqualTo(Map.of(
                        "Fn::Join",
                        List.of(
                                "",
                                List.of(
                                        Map.of("Fn::Base64", "abc"),
                                        Map.of("Fn::Cidr", List.of("10.0.0.0/16", 2, 8))))));
        assertThat(parsed.get("And"))
                .isEqualTo(Map.of(
                        "Fn::And",
                        List.of(
                                Map.of("Condition", "A"),
                                Map.of("Fn::Or", List.of(Map.of("Condition", "B"), Map.of("Condition", "C"))))));
    }

    // --- Broken copies: the schema ------------------------------------------------------------------

    @Test
    void anUnknownFunctionPropertyViolatesTheSchema() throws IOException {
        Map<String, Object> template = template();
        properties(template, "IngestFunction").put("Handlr", "io.docindexer.ingest.IngestHandler::handleRequest");

        assertThat(schema.violations(template))
                .containsExactly("$.Resources.IngestFunction.Properties: property 'Handlr' is not defined"
                        + " in the schema and the schema does not allow additional properties");
    }

    @Test
    void anUnknownServerlessTypeViolatesTheSchema() throws IOException {
        Map<String, Object> template = template();
        resource(template, "TesseractLayer").put("Type", "AWS::Serverless::Layer");

        assertThat(schema.violations(template))
                .anyMatch(v -> v.startsWith("$.Resources.TesseractLayer.Type: matches none of the types"));
    }

    @Test
    void aMisspelledSqsEventPropertyViolatesTheSchema() throws IOException {
        Map<String, Object> template = template();
        Map<String, Object> event = sqsEventProperties(template);
        event.put("FunctionResponseType", event.remove("FunctionResponseTypes"));

        assertThat(schema.violations(template))
                .anyMatch(v -> v.contains("property 'FunctionResponseType' is not defined"));
    }

    @Test
    void anUnknownEventTypeViolatesTheSchema() throws IOException {
        Map<String, Object> template = template();
        map(map(properties(template, "IngestFunction").get("Events")).get("IngestQueueMessages"))
                .put("Type", "SQSS");

        assertThat(schema.violations(template))
                .containsExactly("$.Resources.IngestFunction.Properties.Events"
                        + ".IngestQueueMessages.Type: matches none of the types allowed here (19 tried)");
    }

    @Test
    void aWrongPropertyTypeViolatesTheSchema() throws IOException {
        Map<String, Object> template = template();
        properties(template, "IngestFunction").put("Tracing", "Sometimes");

        assertThat(schema.violations(template))
                .anyMatch(v -> v.startsWith("$.Resources.IngestFunction.Properties.Tracing:"));
    }

    // --- Broken copies: the invariants ----------------------------------------------------------------

    @Test
    void aVisibilityTimeoutBelowSixFunctionTimeoutsIsReported() throws IOException {
        Map<String, Object> template = template();
        map(map(map(template.get("Mappings")).get("VisibilityTimeoutByFunctionTimeout"))
                        .get("900"))
                .put("Seconds", 5000);

        assertThat(TemplateChecks.problems(template))
                .anyMatch(p -> p.contains("IngestQueue VisibilityTimeout 5000 < 6 x Timeout 900"));
    }

    @Test
    void aFixedVisibilityTimeoutIsCheckedAgainstEveryAllowedFunctionTimeout() throws IOException {
        Map<String, Object> template = template();
        properties(template, "IngestQueue").put("VisibilityTimeout", 1830);

        assertThat(TemplateChecks.problems(template))
                .anyMatch(p -> p.contains("VisibilityTimeout 1830 < 6 x Timeout 600"))
                .anyMatch(p -> p.contains("VisibilityTimeout 1830 < 6 x Timeout 900"))
                .noneMatch(p -> p.contains("Timeout 300 "));
    }

    @Test
    void aMissingReportBatchItemFailuresIsReported() throws IOException {
        Map<String, Object> template = template();
        sqsEventProperties(template).remove("FunctionResponseTypes");

        assertThat(TemplateChecks.problems(template)).anyMatch(p -> p.contains("lacks ReportBatchItemFailures"));
    }

    @Test
    void anAllowOnResourceStarIsReported() throws IOException {
        Map<String, Object> template = template();
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", "TooBroad");
        statement.put("Effect", "Allow");
        statement.put("Action", List.of("s3:GetObject", "xray:PutTraceSegments"));
        statement.put("Resource", "*");
        ingestRoleStatements(template).add(statement);

        assertThat(TemplateChecks.problems(template))
                .contains("IngestFunctionRole statement TooBroad: allows [s3:GetObject] on Resource \"*\"");
    }

    @Test
    void anAllowOnResourceStarInsideAConditionIsReported() throws IOException {
        Map<String, Object> template = template();
        Map<String, Object> statement =
                map(list(map(properties(template, "IngestSearchAccessPolicy").get("PolicyDocument"))
                                .get("Statement"))
                        .get(0));
        // [condition, serverless branch, domain branch]
        List<Object> branches = list(statement.get("Fn::If"));
        map(branches.get(2)).put("Resource", Map.of("Fn::If", List.of("CreateDomain", "*", "arn:aws:es:x")));

        assertThat(TemplateChecks.problems(template))
                .anyMatch(p -> p.startsWith("IngestSearchAccessPolicy statement DomainHttpAccess: allows"));
    }

    @Test
    void aFunctionWithoutItsOwnRoleIsReported() throws IOException {
        Map<String, Object> template = template();
        properties(template, "IngestFunction").remove("Role");

        assertThat(TemplateChecks.problems(template)).anyMatch(p -> p.startsWith("IngestFunction: no Role"));
    }

    @Test
    void aLayerThatLacksAnArchitectureTheFunctionMayRunOnIsReported() throws IOException {
        Map<String, Object> template = template();
        properties(template, "TesseractLayer").put("CompatibleArchitectures", List.of("x86_64"));

        assertThat(TemplateChecks.problems(template))
                .anyMatch(p -> p.startsWith("IngestFunction layer TesseractLayer: CompatibleArchitectures"));
    }

    @Test
    void aFunctionThatLoadsNativesOfAFixedArchitectureIsReported() throws IOException {
        Map<String, Object> template = template();
        map(properties(template, "IngestFunction").get("Environment"))
                .put(
                        "Variables",
                        new LinkedHashMap<>(Map.of("JAVA_TOOL_OPTIONS", "-Djna.library.path=/opt/lib/x86_64")));

        assertThat(TemplateChecks.problems(template))
                .anyMatch(p -> p.startsWith("IngestFunction layer TesseractLayer: JAVA_TOOL_OPTIONS must contain "
                        + "-Djna.library.path=/opt/lib/${Architecture}"));
    }

    @Test
    void aMaxReceiveCountThatMayBeBelowFiveIsReported() throws IOException {
        Map<String, Object> template = template();
        map(map(template.get("Parameters")).get("MaxReceiveCount")).put("MinValue", 1);

        assertThat(TemplateChecks.problems(template)).anyMatch(p -> p.startsWith("IngestQueue: maxReceiveCount"));
    }

    @Test
    void aDeadLetterQueueThatDoesNotNameItsSourceQueueIsReported() throws IOException {
        Map<String, Object> template = template();
        properties(template, "DeadLetterQueue").put("RedriveAllowPolicy", Map.of("redrivePermission", "allowAll"));

        assertThat(TemplateChecks.problems(template))
                .contains(
                        "DeadLetterQueue: RedriveAllowPolicy must be byQueue with sourceQueueArns naming IngestQueue");
    }

    @Test
    void aQueueWithoutDeadLetterQueueIsReported() throws IOException {
        Map<String, Object> template = template();
        properties(template, "IngestQueue").remove("RedrivePolicy");

        assertThat(TemplateChecks.problems(template)).anyMatch(p -> p.startsWith("IngestQueue: RedrivePolicy"));
    }

    @Test
    void aPublicOrUnencryptedBucketIsReported() throws IOException {
        Map<String, Object> template = template();
        map(properties(template, "DocumentsBucket").get("PublicAccessBlockConfiguration"))
                .put("RestrictPublicBuckets", false);
        properties(template, "DocumentsBucket").remove("BucketEncryption");

        assertThat(TemplateChecks.problems(template))
                .contains("DocumentsBucket: PublicAccessBlockConfiguration.RestrictPublicBuckets must be true")
                .contains("DocumentsBucket: BucketEncryption with a default SSEAlgorithm is required");
    }

    @Test
    void aBucketWithoutATlsOnlyPolicyIsReported() throws IOException {
        Map<String, Object> template = template();
        map(template.get("Resources")).remove("ExtractionCacheBucketPolicy");

        assertThat(TemplateChecks.problems(template))
                .contains(
                        "ExtractionCacheBucket: no bucket policy denies requests without TLS (aws:SecureTransport false)");
    }

    @Test
    void anAlarmThatNeverSaysItClearedIsReported() throws IOException {
        Map<String, Object> template = template();
        properties(template, "IngestFunctionThrottlesAlarm").remove("OKActions");

        assertThat(TemplateChecks.problems(template))
                .contains("IngestFunctionThrottlesAlarm: AlarmActions without OKActions");
    }

    @Test
    void aBucketNameTheQueuePolicyDoesNotNameIsReported() throws IOException {
        Map<String, Object> template = template();
        properties(template, "DocumentsBucket").put("BucketName", Map.of("Fn::Sub", "${AWS::StackName}-other"));

        assertThat(TemplateChecks.problems(template))
                .anyMatch(p -> p.contains("aws:SourceArn arn:${AWS::Partition}:s3:::${AWS::StackName}-other"));
    }

    @Test
    void aBucketThatDoesNotWaitForTheQueuePolicyIsReported() throws IOException {
        Map<String, Object> template = template();
        resource(template, "DocumentsBucket").remove("DependsOn");

        assertThat(TemplateChecks.problems(template))
                .anyMatch(p -> p.startsWith("DocumentsBucket: must DependsOn the queue policy"));
    }

    @Test
    void anUnencryptedQueueIsReported() throws IOException {
        Map<String, Object> template = template();
        properties(template, "DeadLetterQueue").remove("SqsManagedSseEnabled");

        assertThat(TemplateChecks.problems(template)).anyMatch(p -> p.startsWith("DeadLetterQueue: not encrypted"));
    }

    @Test
    void aMissingEnvironmentVariableIsReported() throws IOException {
        Map<String, Object> template = template();
        map(map(properties(template, "IngestFunction").get("Environment")).get("Variables"))
                .remove("DLQ_URL");

        assertThat(TemplateChecks.problems(template))
                .contains("IngestFunction: environment variable DLQ_URL is not set");
    }

    @Test
    void aRedriveFunctionMissingAVariableItReadsIsReported() throws IOException {
        Map<String, Object> template = template();
        map(map(properties(template, "RedriveFunction").get("Environment")).get("Variables"))
                .remove("SOURCE_QUEUE_ARN");

        assertThat(TemplateChecks.problems(template))
                .contains("RedriveFunction: environment variable SOURCE_QUEUE_ARN is not set");
    }

    @Test
    void aRedriveFunctionWhoseUrlAndArnNameDifferentQueuesIsReported() throws IOException {
        Map<String, Object> template = template();
        map(map(properties(template, "RedriveFunction").get("Environment")).get("Variables"))
                .put("DLQ_ARN", Map.of("Fn::GetAtt", List.of("IngestQueue", "Arn")));

        assertThat(TemplateChecks.problems(template))
                .contains("RedriveFunction: DLQ_URL and DLQ_ARN must be !Ref and"
                        + " !GetAtt .Arn of the same queue of this template");
    }

    @Test
    void aRedriveFunctionThatMovesIntoTheWrongQueueIsReported() throws IOException {
        Map<String, Object> template = template();
        Map<String, Object> variables = map(
                map(properties(template, "RedriveFunction").get("Environment")).get("Variables"));
        variables.put("SOURCE_QUEUE_URL", Map.of("Ref", "DeadLetterQueue"));
        variables.put("SOURCE_QUEUE_ARN", Map.of("Fn::GetAtt", List.of("DeadLetterQueue", "Arn")));

        assertThat(TemplateChecks.problems(template))
                .contains("RedriveFunction: DLQ_URL names DeadLetterQueue,"
                        + " but the RedrivePolicy of DeadLetterQueue sends to no queue of this template");
    }

    @Test
    void aTemplateWithoutARedriveFunctionIsReported() throws IOException {
        Map<String, Object> template = template();
        properties(template, "RedriveFunction").put("Handler", "io.docindexer.ingest.IngestHandler::handleRequest");

        assertThat(TemplateChecks.problems(template))
                .contains("no function has the handler io.docindexer.redrive.RedriveHandler::handleRequest");
    }

    @Test
    void aRedriveHandlerThatDoesNotExistIsReported() throws IOException {
        Map<String, Object> template = template();
        properties(template, "RedriveFunction").put("Handler", "io.docindexer.redrive.Redriver::handleRequest");

        assertThat(TemplateChecks.handlerProblems(template))
                .containsExactly("RedriveFunction: handler class io.docindexer.redrive.Redriver does not exist");
    }

    @Test
    void aBrokenReferenceIsReported() throws IOException {
        Map<String, Object> template = template();
        map(map(properties(template, "IngestFunction").get("Environment")).get("Variables"))
                .put("DLQ_URL", Map.of("Ref", "DeadLetterQueu"));

        assertThat(TemplateChecks.problems(template)).contains("Resources: Ref to unknown DeadLetterQueu");
    }

    @Test
    void aMissingHandlerClassIsReported() throws IOException {
        Map<String, Object> template = template();
        properties(template, "IngestFunction").put("Handler", "io.docindexer.ingest.NoSuchHandler::handleRequest");

        assertThat(TemplateChecks.handlerProblems(template))
                .contains("IngestFunction: handler class io.docindexer.ingest.NoSuchHandler does not exist");
    }

    @Test
    void aHandlerThatIsNotARequestHandlerIsReported() throws IOException {
        Map<String, Object> template = template();
        properties(template, "IngestFunction").put("Handler", "io.docindexer.config.IngestConfig::handleRequest");

        assertThat(TemplateChecks.handlerProblems(template))
                .contains(
                        "IngestFunction: io.docindexer.config.IngestConfig implements neither RequestHandler nor RequestStreamHandler");
    }

    @Test
    void aHandlerOfSqsBatchesPasses() throws IOException {
        Map<String, Object> template = template();
        properties(template, "IngestFunction").put("Handler", BatchHandler.class.getName() + "::handleRequest");

        assertThat(TemplateChecks.handlerProblems(template)).isEmpty();
    }

    @Test
    void aHandlerThatCannotReturnBatchItemFailuresIsReported() throws IOException {
        Map<String, Object> template = template();
        properties(template, "IngestFunction").put("Handler", VoidHandler.class.getName() + "::handleRequest");

        assertThat(TemplateChecks.handlerProblems(template))
                .containsExactly("IngestFunction: " + VoidHandler.class.getName()
                        + " is fed by SQS and must implement RequestHandler<SQSEvent, SQSBatchResponse>, not"
                        + " [class com.amazonaws.services.lambda.runtime.events.SQSEvent, class java.lang.Void]");
    }

    /** Stands in for a correct handler, independent of the production one. */
    static final class BatchHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
        @Override
        public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
            return new SQSBatchResponse(List.of());
        }
    }

    /** A handler whose partial batch response Lambda would never see. */
    static final class VoidHandler implements RequestHandler<SQSEvent, Void> {
        @Override
        public Void handleRequest(SQSEvent event, Context context) {
            return null;
        }
    }

    // --- Helpers --------------------------------------------------------------------------------------

    /** A fresh parse each time, so that one test's mutation never leaks into another. */
    private static Map<String, Object> template() throws IOException {
        return CloudFormationYaml.load(TEMPLATE);
    }

    private static Map<String, Object> resource(Map<String, Object> template, String name) {
        Map<String, Object> resource = map(map(template.get("Resources")).get(name));
        assertThat(resource).as("resource %s", name).isNotEmpty();
        return resource;
    }

    private static Map<String, Object> properties(Map<String, Object> template, String name) {
        return map(resource(template, name).get("Properties"));
    }

    private static Map<String, Object> sqsEventProperties(Map<String, Object> template) {
        Map<String, Object> events = map(properties(template, "IngestFunction").get("Events"));
        return map(map(events.get("IngestQueueMessages")).get("Properties"));
    }

    private static List<Object> ingestRoleStatements(Map<String, Object> template) {
        Map<String, Object> policy = map(
                list(properties(template, "IngestFunctionRole").get("Policies")).get(0));
        return list(map(policy.get("PolicyDocument")).get("Statement"));
    }
}
