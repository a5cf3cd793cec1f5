package io.docindexer.iam;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.sqs.model.CancelMessageMoveTaskRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskRequest;

/**
 * The IAM permissions an SDK request needs: its action, which is not always the operation's name
 * (a batch delete is {@code sqs:DeleteMessage}, reading a named version is
 * {@code s3:GetObjectVersion}), on the resource the request names, plus what AWS checks on the
 * caller's behalf. Any other operation is an {@link UnknownOperationException}: a call the
 * functions start making is never silently left unchecked, it fails the check until it is taught
 * here.
 */
final class AwsPermissions {

    /** What SQS checks on the source queue when a message move task is started or cancelled for the caller. */
    private static final List<String> MOVE_TASK_SOURCE_ACTIONS =
            List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");

    private static final int NOT_FOUND = 404;

    private AwsPermissions() {}

    static List<Permission> needed(SdkRequest request, Region region, MoveTaskSources tasks) {
        String partition = PartitionMetadata.of(region).id();
        if (request instanceof GetObjectRequest get) {
            return List.of(read(partition, get.bucket(), get.key(), get.versionId()));
        }
        if (request instanceof HeadObjectRequest head) {
            return List.of(read(partition, head.bucket(), head.key(), head.versionId()));
        }
        if (request instanceof PutObjectRequest put) {
            return List.of(new Permission("s3:PutObject", objectArn(partition, put.bucket(), put.key())));
        }
        if (request instanceof DeleteObjectRequest delete) {
            return List.of(new Permission("s3:DeleteObject", objectArn(partition, delete.bucket(), delete.key())));
        }
        if (request instanceof ListObjectsV2Request list) {
            return List.of(new Permission("s3:ListBucket", bucketArn(partition, list.bucket())));
        }
        String queueAction = queueAction(request);
        if (queueAction != null) {
            return List.of(new Permission(queueAction, queueArn(partition, region, queueUrl(request))));
        }
        if (request instanceof GetQueueUrlRequest lookup) {
            // Without an owner the queue is the caller's own, whose account id the request does not carry.
            String account =
                    lookup.queueOwnerAWSAccountId() == null ? "caller-account" : lookup.queueOwnerAWSAccountId();
            return List.of(new Permission(
                    "sqs:GetQueueUrl",
                    "arn:" + partition + ":sqs:" + region.id() + ":" + account + ":" + lookup.queueName()));
        }
        if (request instanceof StartMessageMoveTaskRequest start) {
            if (start.destinationArn() == null) {
                throw new UnknownOperationException(
                        "StartMessageMoveTask without DestinationArn sends each message back"
                                + " to the queue it came from, which the request does not name");
            }
            List<Permission> needs = onMoveTaskSource("sqs:StartMessageMoveTask", start.sourceArn());
            needs.add(new Permission("sqs:SendMessage", start.destinationArn()));
            return needs;
        }
        if (request instanceof ListMessageMoveTasksRequest list) {
            return List.of(new Permission("sqs:ListMessageMoveTasks", list.sourceArn()));
        }
        if (request instanceof CancelMessageMoveTaskRequest cancel) {
            String source = tasks.sourceOf(cancel.taskHandle())
                    .orElseThrow(() -> new UnknownOperationException(
                            "CancelMessageMoveTask: no source queue known for task handle " + cancel.taskHandle()));
            return onMoveTaskSource("sqs:CancelMessageMoveTask", source);
        }
        throw new UnknownOperationException(request.getClass().getSimpleName()
                + " is not mapped to IAM actions: add it to " + AwsPermissions.class.getSimpleName());
    }

    /**
     * What a request needs because of how it was answered. S3 answers 404 for a missing key only
     * to a caller who may list the bucket, and 403 otherwise; the functions rely on the 404 (a
     * document deleted before it was read is gone, not a failure; a cache entry not there is a miss).
     */
    static List<Permission> neededForAnswer(SdkRequest request, Region region, int status) {
        String partition = PartitionMetadata.of(region).id();
        if (status == NOT_FOUND && request instanceof GetObjectRequest get) {
            return List.of(new Permission("s3:ListBucket", bucketArn(partition, get.bucket())));
        }
        if (status == NOT_FOUND && request instanceof HeadObjectRequest head) {
            return List.of(new Permission("s3:ListBucket", bucketArn(partition, head.bucket())));
        }
        return List.of();
    }

    private static Permission read(String partition, String bucket, String key, String versionId) {
        return new Permission(
                versionId == null ? "s3:GetObject" : "s3:GetObjectVersion", objectArn(partition, bucket, key));
    }

    /** The action of a request that names its queue by URL; null for any other request. */
    private static String queueAction(SdkRequest request) {
        if (request instanceof SendMessageRequest || request instanceof SendMessageBatchRequest) {
            return "sqs:SendMessage";
        }
        if (request instanceof ReceiveMessageRequest) {
            return "sqs:ReceiveMessage";
        }
        if (request instanceof DeleteMessageRequest || request instanceof DeleteMessageBatchRequest) {
            return "sqs:DeleteMessage";
        }
        if (request instanceof ChangeMessageVisibilityRequest
                || request instanceof ChangeMessageVisibilityBatchRequest) {
            return "sqs:ChangeMessageVisibility";
        }
        if (request instanceof GetQueueAttributesRequest) {
            return "sqs:GetQueueAttributes";
        }
        return null;
    }

    private static String queueUrl(SdkRequest request) {
        return request.getValueForField("QueueUrl", String.class)
                .orElseThrow(
                        () -> new UnknownOperationException(request.getClass().getSimpleName() + " names no QueueUrl"));
    }

    private static List<Permission> onMoveTaskSource(String action, String sourceArn) {
        List<Permission> needs = new ArrayList<>();
        needs.add(new Permission(action, sourceArn));
        MOVE_TASK_SOURCE_ACTIONS.forEach(sourceAction -> needs.add(new Permission(sourceAction, sourceArn)));
        return needs;
    }

    /** {@code https://sqs.REGION.amazonaws.com/ACCOUNT/NAME} (or a local server's) to the queue's ARN. */
    private static String queueArn(String partition, Region region, String queueUrl) {
        String[] path = URI.create(queueUrl).getPath().split("/");
        if (path.length != 3) {
            throw new UnknownOperationException("queue URL " + queueUrl + " is not .../ACCOUNT/NAME");
        }
        return "arn:" + partition + ":sqs:" + region.id() + ":" + path[1] + ":" + path[2];
    }

    private static String bucketArn(String partition, String bucket) {
        return "arn:" + partition + ":s3:::" + bucket;
    }

    private static String objectArn(String partition, String bucket, String key) {
        return bucketArn(partition, bucket) + "/" + key;
    }
}
