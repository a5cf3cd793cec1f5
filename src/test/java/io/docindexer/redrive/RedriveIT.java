package io.docindexer.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.config.IngestConfig;
import io.docindexer.config.RedriveConfig;
import io.docindexer.event.S3EventParser;
import io.docindexer.index.SearchHit;
import io.docindexer.ingest.IngestComponents;
import io.docindexer.local.Await;
import io.docindexer.local.BucketNotifications;
import io.docindexer.local.Closer;
import io.docindexer.local.EventSourcePoller;
import io.docindexer.local.LocalContext;
import io.docindexer.local.LocalServers;
import io.docindexer.local.LocalServersExtension;
import io.docindexer.sqs.MessageAttributes;
import io.docindexer.sqs.SqsDeadLetterQueueGateway;
import io.docindexer.sqs.SqsMessageMoveTasks;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The redrive function against ElasticMQ, with dead letters put there the real way: S3 events for
 * a bucket that does not exist go through the event-source poller and the ingest handler until
 * SQS moves them to the DLQ after maxReceiveCount; a body that is not an S3 event is rejected
 * straight into the DLQ with its reason.
 */
@ExtendWith(LocalServersExtension.class)
class RedriveIT {

    private static final int MAX_RECEIVE_COUNT = 2;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String run = UUID.randomUUID().toString();
    private final String missingBucket = "redrive-" + run;

    @AutoClose
    private final Closer toClose = new Closer();

    @Test
    void allMovesEveryDeadLetterBackAndOnceTheCauseIsFixedTheyAreIndexed(LocalServers stack) throws Exception {
        LocalServers.Queues queues = stack.createQueues("redrive-all-" + run, 1, MAX_RECEIVE_COUNT);
        IngestComponents ingest = ingest(stack, queues);
        List<String> keys =
                List.of("it/" + run + "/first note.txt", "it/" + run + "/second+note.txt", "it/" + run + "/third.txt");
        EventSourcePoller failing = poll(stack, queues, ingest);
        keys.forEach(key -> notify(stack, queues, key));
        Await.until(
                PATIENCE,
                "the redrive",
                () -> stack.messagesIn(queues.dlqUrl()) == keys.size() && stack.messagesIn(queues.queueUrl()) == 0);
        failing.close();

        // The cause of the failures goes away: the bucket and its objects now exist.
        stack.s3().createBucket(request -> request.bucket(missingBucket));
        keys.forEach(key -> stack.s3()
                .putObject(
                        request -> request.bucket(missingBucket).key(key),
                        RequestBody.fromString("redriven note " + run)));
        RedriveHandler handler = redrive(stack, queues).handler();

        Map<String, Object> started = handler.handleRequest(Map.of("mode", "all", "maxPerSecond", 100), context());

        assertThat(started).containsEntry("mode", "all").containsKey("taskHandle");
        Await.until(PATIENCE, "the redrive", () -> stack.messagesIn(queues.dlqUrl()) == 0);
        assertThat(tasks(handler.handleRequest(Map.of("mode", "status"), context())))
                .first()
                .satisfies(task -> assertThat(task)
                        .containsEntry("status", "COMPLETED")
                        .containsEntry("approximateNumberOfMessagesMoved", (long) keys.size())
                        .containsEntry("destinationArn", queues.queueArn()));

        poll(stack, queues, ingest);
        Await.until(
                PATIENCE,
                "the redrive",
                () -> search(ingest, run).stream().map(SearchHit::key).toList().containsAll(keys));
        Await.until(
                PATIENCE,
                "the redrive",
                () -> stack.messagesIn(queues.queueUrl()) == 0 && stack.messagesIn(queues.dlqUrl()) == 0);
    }

    @Test
    void selectiveMovesOnlyTheMatchingDeadLettersWithTheirReasons(LocalServers stack) throws Exception {
        LocalServers.Queues queues = stack.createQueues("redrive-selective-" + run, 1, MAX_RECEIVE_COUNT);
        String movePrefix = "it/" + run + "/move me/";
        Map<String, String> bodies = new HashMap<>();
        for (String key : List.of(
                movePrefix + "a.txt", movePrefix + "b.txt", "it/" + run + "/keep/c.txt", "it/" + run + "/keep/d.txt")) {
            bodies.put(key, notify(stack, queues, key));
        }
        String unusable = "this is not an S3 event " + run;
        stack.sqs().sendMessage(request -> request.queueUrl(queues.queueUrl()).messageBody(unusable));
        EventSourcePoller failing = poll(stack, queues, ingest(stack, queues));
        Await.until(
                PATIENCE,
                "the redrive",
                () -> stack.messagesIn(queues.dlqUrl()) == 5 && stack.messagesIn(queues.queueUrl()) == 0);
        failing.close();
        RedriveHandler handler = redrive(stack, queues).handler();

        Map<String, Object> byKey = handler.handleRequest(
                Map.of("mode", "selective", "filter", Map.of("keyPrefix", movePrefix)), context());

        assertThat(byKey)
                .containsEntry("examined", 5)
                .containsEntry("matched", 2)
                .containsEntry("moved", 2)
                .containsEntry("left", 3)
                .containsEntry("failed", 0)
                .containsEntry("stoppedBecause", "dlq-empty");
        assertThat(receiveAll(stack, queues.queueUrl(), 2))
                .extracting(Message::body)
                .containsExactlyInAnyOrder(bodies.get(movePrefix + "a.txt"), bodies.get(movePrefix + "b.txt"));
        // What did not match is visible again at once, not after its visibility timeout.
        assertThat(visibleIn(stack, queues.dlqUrl())).isEqualTo(3);

        Map<String, Object> byErrorClass = handler.handleRequest(
                Map.of("mode", "selective", "filter", Map.of("errorClass", "UnusableMessage")), context());

        assertThat(byErrorClass).containsEntry("examined", 3).containsEntry("moved", 1);
        Message rejected = receiveAll(stack, queues.queueUrl(), 1).get(0);
        assertThat(rejected.body()).isEqualTo(unusable);
        assertThat(rejected.messageAttributes())
                .containsKeys(
                        MessageAttributes.REASON,
                        MessageAttributes.FIRST_FAILURE_TIME,
                        MessageAttributes.ORIGINAL_MESSAGE_ID);
        assertThat(rejected.messageAttributes()
                        .get(MessageAttributes.ERROR_CLASS)
                        .stringValue())
                .isEqualTo("UnusableMessage");
        assertThat(receiveAll(stack, queues.dlqUrl(), 2))
                .extracting(Message::body)
                .containsExactlyInAnyOrder(
                        bodies.get("it/" + run + "/keep/c.txt"), bodies.get("it/" + run + "/keep/d.txt"));
    }

    @Test
    void aDryRunMovesNothingAndLeavesEveryMessageVisible(LocalServers stack) throws Exception {
        LocalServers.Queues queues = stack.createQueues("redrive-dry-" + run, 1, MAX_RECEIVE_COUNT);
        List<String> keys = List.of("it/" + run + "/one.txt", "it/" + run + "/two.txt");
        keys.forEach(key -> notify(stack, queues, key));
        EventSourcePoller failing = poll(stack, queues, ingest(stack, queues));
        Await.until(PATIENCE, "the redrive", () -> stack.messagesIn(queues.dlqUrl()) == keys.size());
        failing.close();

        Map<String, Object> report =
                redrive(stack, queues).handler().handleRequest(Map.of("mode", "selective", "dryRun", true), context());

        assertThat(report)
                .containsEntry("dryRun", true)
                .containsEntry("matched", 2)
                .containsEntry("moved", 0)
                .containsEntry("left", 2);
        List<Object> wouldMoveKeys = ((List<?>) report.get("wouldMove"))
                .stream().<Object>map(entry -> ((Map<?, ?>) entry).get("keys")).toList();
        assertThat(wouldMoveKeys).containsExactlyInAnyOrder(List.of(keys.get(0)), List.of(keys.get(1)));
        assertThat(stack.messagesIn(queues.queueUrl())).isZero();
        assertThat(visibleIn(stack, queues.dlqUrl())).isEqualTo(2);
    }

    @Test
    void aRedriveKilledBetweenSendAndDeleteLosesNothingAndAtWorstDuplicates(LocalServers stack) throws Exception {
        LocalServers.Queues queues = stack.createQueues("redrive-crash-" + run, 1, MAX_RECEIVE_COUNT);
        List<String> keys = List.of("it/" + run + "/one.txt", "it/" + run + "/two.txt");
        List<String> bodies =
                keys.stream().map(key -> notify(stack, queues, key)).toList();
        EventSourcePoller failing = poll(stack, queues, ingest(stack, queues));
        Await.until(PATIENCE, "the redrive", () -> stack.messagesIn(queues.dlqUrl()) == keys.size());
        failing.close();
        RedriveConfig config = RedriveConfig.fromEnv(stack.redriveEnvironment(queues));
        DeadLetterQueueGateway sqsGateway =
                new SqsDeadLetterQueueGateway(stack.sqs(), config.dlqUrl(), config.sourceQueueUrl());
        RedriveHandler dying = new RedriveHandler(new Redrive(
                new SqsMessageMoveTasks(stack.sqs(), config.dlqArn(), config.sourceQueueArn()),
                new SelectiveRedrive(
                        new DiesOnDelete(sqsGateway),
                        new ObjectKeys(new S3EventParser(new ObjectMapper())),
                        Clock.systemUTC(),
                        1_000)));
        int invocationMillis = 8_000;

        assertThatThrownBy(() -> dying.handleRequest(Map.of("mode", "selective"), new LocalContext(invocationMillis)))
                .isInstanceOf(DiesOnDelete.Death.class);

        // The message was sent before the function died: it is in the source queue...
        Message sent = receiveAll(stack, queues.queueUrl(), 1).get(0);
        assertThat(bodies).contains(sent.body());
        // ...and, its delete never having happened, its DLQ copy comes back with the other one.
        Await.until(PATIENCE, "the redrive", () -> visibleIn(stack, queues.dlqUrl()) == keys.size());
        assertThat(receiveAll(stack, queues.dlqUrl(), keys.size()))
                .extracting(Message::body)
                .containsExactlyInAnyOrderElementsOf(bodies);
    }

    /** The SQS gateway, except that the function dies the moment it would delete a message. */
    private static final class DiesOnDelete implements DeadLetterQueueGateway {

        /** An Error, like the end of a process: nothing in the redrive catches it. */
        static final class Death extends Error {
            Death() {
                super("simulated death between send and delete");
            }
        }

        private final DeadLetterQueueGateway delegate;

        DiesOnDelete(DeadLetterQueueGateway delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<DeadLetter> receive(Duration hiddenFor) {
            return delegate.receive(hiddenFor);
        }

        @Override
        public String sendToSource(DeadLetter letter) {
            return delegate.sendToSource(letter);
        }

        @Override
        public void delete(DeadLetter letter) {
            throw new Death();
        }

        @Override
        public List<String> release(List<DeadLetter> letters) {
            return delegate.release(letters);
        }
    }

    // --- Helpers --------------------------------------------------------------------------------------

    private IngestComponents ingest(LocalServers stack, LocalServers.Queues queues) {
        IngestComponents components =
                IngestComponents.create(IngestConfig.fromEnv(stack.ingestEnvironment(queues)), report -> {});
        toClose.add(components);
        return components;
    }

    private EventSourcePoller poll(LocalServers stack, LocalServers.Queues queues, IngestComponents ingest) {
        EventSourcePoller poller = new EventSourcePoller(
                stack.sqs(), queues.queueUrl(), queues.queueArn(), ingest.handler(), 10, 1, 60_000);
        toClose.add(poller);
        return poller;
    }

    private RedriveComponents redrive(LocalServers stack, LocalServers.Queues queues) {
        RedriveComponents components =
                RedriveComponents.create(RedriveConfig.fromEnv(stack.redriveEnvironment(queues)));
        toClose.add(components);
        return components;
    }

    /** An S3 notification for an object in the bucket that does not exist (yet); returns the body sent. */
    private String notify(LocalServers stack, LocalServers.Queues queues, String key) {
        String body = new BucketNotifications(stack.sqs(), queues.queueUrl())
                .body("ObjectCreated:Put", missingBucket, key, 20L, null);
        stack.sqs().sendMessage(request -> request.queueUrl(queues.queueUrl()).messageBody(body));
        return body;
    }

    private static LocalContext context() {
        return new LocalContext(60_000);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tasks(Map<String, Object> status) {
        return (List<Map<String, Object>>) status.get("tasks");
    }

    private static List<SearchHit> search(IngestComponents ingest, String query) {
        ingest.index().refresh();
        return ingest.index().search(query, 20);
    }

    /** Receives (and deletes) exactly {@code count} messages, failing if they do not come. */
    private static List<Message> receiveAll(LocalServers stack, String queueUrl, int count)
            throws InterruptedException {
        List<Message> received = new ArrayList<>();
        Await.until(PATIENCE, "the redrive", () -> {
            stack.sqs()
                    .receiveMessage(request -> request.queueUrl(queueUrl)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .messageAttributeNames("All"))
                    .messages()
                    .forEach(message -> {
                        received.add(message);
                        stack.sqs()
                                .deleteMessage(
                                        request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                    });
            return received.size() >= count;
        });
        assertThat(received).hasSize(count);
        return received;
    }

    private static int visibleIn(LocalServers stack, String queueUrl) {
        return Integer.parseInt(attributes(stack, queueUrl).get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private static Map<QueueAttributeName, String> attributes(LocalServers stack, String queueUrl) {
        return stack.sqs()
                .getQueueAttributes(request -> request.queueUrl(queueUrl)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
    }
}
