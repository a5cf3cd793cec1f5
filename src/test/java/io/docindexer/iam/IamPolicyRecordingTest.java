package io.docindexer.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.sqs.model.CancelMessageMoveTaskRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequest;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskRequest;
import software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskResponse;

/** How a recorded call becomes the permissions it needs on the template's resources: no network. */
class IamPolicyRecordingTest {

    private static final Region REGION = Region.US_EAST_1;
    private static final String QUEUE_URL = "http://127.0.0.1:9324/000000000000/docindexer-ingest";
    private static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:000000000000:docindexer-ingest";
    private static final String DLQ_ARN = "arn:aws:sqs:us-east-1:000000000000:docindexer-ingest-dlq";

    private final MoveTaskSources tasks = new MoveTaskSources();

    @Test
    void batchFormsNeedTheActionOfTheSingleFormOnTheQueueTheirUrlNames() {
        assertThat(needed(
                        DeleteMessageBatchRequest.builder().queueUrl(QUEUE_URL).build()))
                .containsExactly(new Permission("sqs:DeleteMessage", QUEUE_ARN));
        assertThat(needed(SendMessageBatchRequest.builder().queueUrl(QUEUE_URL).build()))
                .containsExactly(new Permission("sqs:SendMessage", QUEUE_ARN));
        assertThat(needed(ChangeMessageVisibilityBatchRequest.builder()
                        .queueUrl(QUEUE_URL)
                        .build()))
                .containsExactly(new Permission("sqs:ChangeMessageVisibility", QUEUE_ARN));
        assertThat(needed(GetQueueUrlRequest.builder()
                        .queueName("docindexer-ingest")
                        .queueOwnerAWSAccountId("000000000000")
                        .build()))
                .containsExactly(new Permission("sqs:GetQueueUrl", QUEUE_ARN));
    }

    @Test
    void readingANamedVersionNeedsGetObjectVersionAndAHeadNeedsGetObject() {
        assertThat(needed(
                        GetObjectRequest.builder().bucket("docs").key("a b.pdf").build()))
                .containsExactly(new Permission("s3:GetObject", "arn:aws:s3:::docs/a b.pdf"));
        assertThat(needed(GetObjectRequest.builder()
                        .bucket("docs")
                        .key("a.pdf")
                        .versionId("v1")
                        .build()))
                .containsExactly(new Permission("s3:GetObjectVersion", "arn:aws:s3:::docs/a.pdf"));
        assertThat(needed(
                        HeadObjectRequest.builder().bucket("docs").key("a.pdf").build()))
                .containsExactly(new Permission("s3:GetObject", "arn:aws:s3:::docs/a.pdf"));
        assertThat(needed(ListObjectsV2Request.builder().bucket("docs").build()))
                .containsExactly(new Permission("s3:ListBucket", "arn:aws:s3:::docs"));
    }

    @Test
    void deletingAnObjectNeedsDeleteObjectOnIt() {
        assertThat(needed(DeleteObjectRequest.builder()
                        .bucket("thumbs")
                        .key("thumbnails/d/1-a.jpg")
                        .build()))
                .containsExactly(new Permission("s3:DeleteObject", "arn:aws:s3:::thumbs/thumbnails/d/1-a.jpg"));
    }

    @Test
    void aMissingKeyAnswered404NeedsListBucketBecauseWithoutItS3Answers403() {
        GetObjectRequest get =
                GetObjectRequest.builder().bucket("docs").key("gone.pdf").build();

        assertThat(AwsPermissions.neededForAnswer(get, REGION, 404))
                .containsExactly(new Permission("s3:ListBucket", "arn:aws:s3:::docs"));
        assertThat(AwsPermissions.neededForAnswer(get, REGION, 200)).isEmpty();
    }

    @Test
    void aMoveTaskNeedsWhatSqsChecksOnTheSourceAndSendMessageOnTheDestination() {
        StartMessageMoveTaskRequest start = StartMessageMoveTaskRequest.builder()
                .sourceArn(DLQ_ARN)
                .destinationArn(QUEUE_ARN)
                .build();

        assertThat(needed(start))
                .containsExactlyInAnyOrder(
                        new Permission("sqs:StartMessageMoveTask", DLQ_ARN),
                        new Permission("sqs:ReceiveMessage", DLQ_ARN),
                        new Permission("sqs:DeleteMessage", DLQ_ARN),
                        new Permission("sqs:GetQueueAttributes", DLQ_ARN),
                        new Permission("sqs:SendMessage", QUEUE_ARN));
    }

    @Test
    void cancellingATaskNeedsPermissionOnTheQueueItsHandleCameFromOrNames() {
        StartMessageMoveTaskRequest start = StartMessageMoveTaskRequest.builder()
                .sourceArn(DLQ_ARN)
                .destinationArn(QUEUE_ARN)
                .build();
        tasks.remember(
                start,
                StartMessageMoveTaskResponse.builder()
                        .taskHandle("7ecff61f-e756")
                        .build());
        String sqsHandle = Base64.getEncoder()
                .encodeToString(
                        ("{\"taskId\":\"1\",\"sourceArn\":\"" + DLQ_ARN + "\"}").getBytes(StandardCharsets.UTF_8));

        assertThat(needed(CancelMessageMoveTaskRequest.builder()
                        .taskHandle("7ecff61f-e756")
                        .build()))
                .contains(new Permission("sqs:CancelMessageMoveTask", DLQ_ARN));
        assertThat(needed(CancelMessageMoveTaskRequest.builder()
                        .taskHandle(sqsHandle)
                        .build()))
                .contains(new Permission("sqs:CancelMessageMoveTask", DLQ_ARN));
        assertThatThrownBy(() -> needed(CancelMessageMoveTaskRequest.builder()
                        .taskHandle("never-seen")
                        .build()))
                .isInstanceOf(UnknownOperationException.class)
                .hasMessageContaining("never-seen");
    }

    @Test
    void anOperationWithoutAMappingIsUnknownRatherThanUnchecked() {
        assertThatThrownBy(
                        () -> needed(CreateQueueRequest.builder().queueName("q").build()))
                .isInstanceOf(UnknownOperationException.class)
                .hasMessageContaining("CreateQueueRequest");
    }

    @Test
    void localResourcesStandForTheTemplatesResources() {
        assertThat(LocalResources.templateArn("arn:aws:s3:::docindexer-local-cache/extractions/x.json.gz"))
                .isEqualTo("${ExtractionCacheBucket.Arn}/extractions/x.json.gz");
        assertThat(LocalResources.templateArn("arn:aws:s3:::docindexer-local-thumbnails/thumbnails/d/1-a.jpg"))
                .isEqualTo("${ThumbnailBucket.Arn}/thumbnails/d/1-a.jpg");
        assertThat(LocalResources.templateArn("arn:aws:s3:::docindexer-local/a.pdf"))
                .isEqualTo("${DocumentsBucket.Arn}/a.pdf");
        assertThat(LocalResources.templateArn("arn:aws:s3:::no-such-bucket")).isEqualTo("${DocumentsBucket.Arn}");
        assertThat(LocalResources.templateArn(DLQ_ARN)).isEqualTo("${DeadLetterQueue.Arn}");
        assertThat(LocalResources.templateArn(QUEUE_ARN)).isEqualTo("${IngestQueue.Arn}");
    }

    @Test
    void theAppIdInTheUserAgentNamesTheFunctionAndTheHarnessSendsNone() {
        String sdk = "aws-sdk-java/2.31.78 md/io#sync ua/2.1 api/SQS#2.31.78 lang/java#17";

        assertThat(DeployedFunction.fromUserAgent(sdk + " app/docindexer-ingest cfg/auth-source#stat"))
                .contains(DeployedFunction.INGEST);
        assertThat(DeployedFunction.fromUserAgent(sdk + " app/docindexer-redrive"))
                .contains(DeployedFunction.REDRIVE);
        assertThat(DeployedFunction.fromUserAgent(sdk)).isEmpty();
    }

    @Test
    void anOpenSearchRequestIsAuthorisedOnItsPathWithoutTheQuery() {
        assertThat(OpenSearchRecorder.path("/documents/_search?typed_keys=true"))
                .isEqualTo("/documents/_search");
        assertThat(OpenSearchRecorder.path("/_bulk")).isEqualTo("/_bulk");
    }

    private List<Permission> needed(SdkRequest request) {
        return AwsPermissions.needed(request, REGION, tasks);
    }
}
