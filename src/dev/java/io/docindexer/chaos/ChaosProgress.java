package io.docindexer.chaos;

import io.docindexer.local.LocalServers;
import io.docindexer.local.QueueDepth;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The chaos run's progress line, printed every few seconds: what is being done and which faults fired so far. */
final class ChaosProgress {

    private final PrintStream out;
    private final SqsClient sqs;
    private final LocalServers.Queues queues;
    private final ChaosProducer producer;
    private final int docs;
    private final FaultCounts faults;
    private final long started = System.nanoTime();

    ChaosProgress(
            PrintStream out,
            SqsClient sqs,
            LocalServers.Queues queues,
            ChaosProducer producer,
            int docs,
            FaultCounts faults) {
        this.out = out;
        this.sqs = sqs;
        this.queues = queues;
        this.producer = producer;
        this.docs = docs;
        this.faults = faults;
    }

    void print(
            Supplier<String> phase, FaultyHttpProxy s3Faults, List<CrashingHandler> crashing, OpenSearchOutage outage) {
        try {
            int handled = Math.max(
                    0, producer.sent() - QueueDepth.of(sqs, queues.queueUrl()).total());
            double seconds = Math.max((System.nanoTime() - started) / 1e9, 0.001);
            out.printf(
                    "chaos: %s | documents %d/%d, messages handled %d/%d (%.0f/s), in DLQ %d | S3 503s %d,"
                            + " abandoned %d, killed %d, out of memory %d, OpenSearch %s%n",
                    phase.get(),
                    producer.operationsDone(),
                    docs,
                    handled,
                    producer.sent(),
                    handled / seconds,
                    QueueDepth.of(sqs, queues.dlqUrl()).total(),
                    s3Faults.failed(),
                    crashing.stream().mapToInt(CrashingHandler::crashes).sum(),
                    faults.count(FaultCounts.RUNTIME_KILLED),
                    faults.count(FaultCounts.RUNTIME_OUT_OF_MEMORY),
                    outage.state());
        } catch (RuntimeException e) {
            out.println("chaos: progress unavailable: " + e);
        }
    }
}
