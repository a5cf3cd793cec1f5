package io.docindexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.batch.RecordOutcome;
import io.docindexer.batch.RecordReport;
import io.docindexer.config.IngestConfig;
import io.docindexer.index.OpenSearchHttp;
import io.docindexer.local.Await;
import io.docindexer.local.BucketNotifications;
import io.docindexer.local.Closer;
import io.docindexer.local.EventSourcePoller;
import io.docindexer.local.LocalServers;
import io.docindexer.local.LocalServersExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Backoff on the real queue: ElasticMQ honours ChangeMessageVisibility, the local event source
 * passes ApproximateReceiveCount in the records as Lambda does (so each delivery backs off longer),
 * and a record that fails for its own reasons still reaches the DLQ after maxReceiveCount. The
 * queue's own visibility timeout is one second, so a record that comes back later than that was
 * hidden by the handler.
 */
@ExtendWith(LocalServersExtension.class)
class BackoffIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int VISIBILITY_TIMEOUT_SECONDS = 1;
    private static final int MAX_RECEIVE_COUNT = 3;
    /** Delivery 1 is hidden 2 to 4 s, delivery 2 4 to 8 s. */
    private static final int BACKOFF_FIRST_SECONDS = 4;

    private final String run = "backoff-" + UUID.randomUUID().toString().substring(0, 8);
    private final Queue<TimedReport> reports = new ConcurrentLinkedQueue<>();

    @AutoClose
    private final Closer toClose = new Closer();

    private record TimedReport(RecordReport report, long nanos) {}

    @Test
    void whileTheIndexIsBlockedARecordIsHiddenLongerWithEachDeliveryAndIndexedOnceItIsLifted(LocalServers stack)
            throws Exception {
        LocalServers.Queues queues = stack.createQueues(run, VISIBILITY_TIMEOUT_SECONDS, MAX_RECEIVE_COUNT);
        IngestComponents ingest = components(stack, queues);
        OpenSearchHttp openSearch = new OpenSearchHttp(stack.openSearchEndpoint());
        openSearch.put("/" + run + "/_settings", "{\"index.blocks.read_only_allow_delete\": true}");
        String key = run + "/note.txt";
        notify(stack, queues, key);
        toClose.add(poller(stack, queues, ingest));

        Await.until(PATIENCE, "two backed-off deliveries", () -> backedOff().size() == 2);
        openSearch.put("/" + run + "/_settings", "{\"index.blocks.read_only_allow_delete\": null}");
        Await.until(PATIENCE, "the note indexed", () -> outcomes(RecordOutcome.Indexed.class) == 1);

        List<TimedReport> backedOff = backedOff();
        RecordOutcome.BackedOff first =
                (RecordOutcome.BackedOff) backedOff.get(0).report().outcome();
        RecordOutcome.BackedOff second =
                (RecordOutcome.BackedOff) backedOff.get(1).report().outcome();
        assertThat(first.detail()).contains("cluster_block_exception").contains("delivery 1 backed off");
        assertThat(second.detail()).contains("delivery 2 backed off");
        assertThat(first.invisibleFor()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(second.invisibleFor()).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(Duration.ofNanos(backedOff.get(1).nanos() - backedOff.get(0).nanos()))
                .as("hidden for the first backoff, not the queue's one-second visibility timeout")
                .isGreaterThanOrEqualTo(first.invisibleFor().minusMillis(500));
        assertThat(stack.messagesIn(queues.dlqUrl())).isZero();
    }

    @Test
    void aRecordThatFailsForItsOwnReasonsIsNotBackedOffAndReachesTheDeadLetterQueueAfterMaxReceiveCount(
            LocalServers stack) throws Exception {
        LocalServers.Queues queues = stack.createQueues(run, VISIBILITY_TIMEOUT_SECONDS, MAX_RECEIVE_COUNT);
        IngestComponents ingest = components(stack, queues);
        // A bucket that does not exist: S3 answers 404 NoSuchBucket, the event's own fault, every time.
        stack.sqs()
                .sendMessage(request -> request.queueUrl(queues.queueUrl())
                        .messageBody(new BucketNotifications(stack.sqs(), queues.queueUrl())
                                .body("ObjectCreated:Put", run + "-no-such-bucket", "poison.txt", 10L, "0a0a")));
        notify(stack, queues, run + "/mate.txt");
        toClose.add(poller(stack, queues, ingest));

        Await.until(PATIENCE, "the poison message in the DLQ", () -> stack.messagesIn(queues.dlqUrl()) == 1);

        assertThat(outcomes(RecordOutcome.Retry.class)).isEqualTo(MAX_RECEIVE_COUNT);
        assertThat(outcomes(RecordOutcome.BackedOff.class)).isZero();
        assertThat(outcomes(RecordOutcome.Indexed.class)).as("its batch-mate").isEqualTo(1);
        assertThat(reports)
                .filteredOn(timed -> timed.report().outcome() instanceof RecordOutcome.Retry)
                .allSatisfy(
                        timed -> assertThat(timed.report().outcome().detail()).contains("refused with 404"));
    }

    private IngestComponents components(LocalServers stack, LocalServers.Queues queues) {
        Map<String, String> environment = new HashMap<>(stack.ingestEnvironment(queues));
        environment.put(IngestConfig.INDEX_NAME, run);
        environment.put(IngestConfig.BACKOFF_FIRST_SECONDS, Integer.toString(BACKOFF_FIRST_SECONDS));
        environment.put(IngestConfig.BACKOFF_MAX_SECONDS, "60");
        return toClose.add(IngestComponents.create(
                IngestConfig.fromEnv(environment), report -> reports.add(new TimedReport(report, System.nanoTime()))));
    }

    private static EventSourcePoller poller(LocalServers stack, LocalServers.Queues queues, IngestComponents ingest) {
        return new EventSourcePoller(
                stack.sqs(), queues.queueUrl(), queues.queueArn(), ingest.handler(), 10, 1, 60_000);
    }

    private static void notify(LocalServers stack, LocalServers.Queues queues, String key) {
        stack.s3()
                .putObject(
                        request -> request.bucket(LocalServers.BUCKET).key(key),
                        RequestBody.fromString("a note", StandardCharsets.UTF_8));
        new BucketNotifications(stack.sqs(), queues.queueUrl())
                .objectCreated(
                        LocalServers.BUCKET,
                        key,
                        stack.s3()
                                .headObject(request ->
                                        request.bucket(LocalServers.BUCKET).key(key)));
    }

    private List<TimedReport> backedOff() {
        return reports.stream()
                .filter(timed -> timed.report().outcome() instanceof RecordOutcome.BackedOff)
                .toList();
    }

    private long outcomes(Class<? extends RecordOutcome> outcome) {
        return reports.stream()
                .filter(timed -> outcome.isInstance(timed.report().outcome()))
                .count();
    }
}
