package io.docindexer.chaos;

import java.time.Duration;

/**
 * What a chaos run does and which faults it injects.
 *
 * @param docs S3 operations (puts, overwrites, deletes)
 * @param openSearchDownFor how long OpenSearch stays stopped before it is started again (its
 *     start adds up to half a minute more); zero for no outage
 * @param s3FailureRate fraction of the handler's S3 requests (without a body) answered 503 SlowDown
 * @param crashRate fraction of invocations abandoned part-way
 * @param duplicateRate fraction of notifications sent twice
 * @param window operations whose notifications are shuffled together (reordered)
 * @param docsPerSecond how fast operations are done and sent
 * @param maxReceiveCount the queue's; the faults must fit in (maxReceiveCount - 1) visibility
 *     timeouts, or messages reach the DLQ as designed
 * @param drainTimeout how long the queue may take to drain once the faults end
 */
public record ChaosPlan(
        int docs,
        long seed,
        Duration openSearchDownFor,
        double s3FailureRate,
        double crashRate,
        double duplicateRate,
        int window,
        int docsPerSecond,
        int visibilityTimeoutSeconds,
        int maxReceiveCount,
        Duration drainTimeout) {

    /**
     * The command line's plan. A 5 s visibility timeout with 20 receives gives a message about
     * 100 s of retries: more than the outage plus OpenSearch's restart, as the template's 6 x
     * function timeout and maxReceiveCount give on AWS for a much longer outage.
     */
    public static ChaosPlan standard(int docs, long seed) {
        return new ChaosPlan(docs, seed, Duration.ofSeconds(10), 0.2, 0.1, 0.05, 20, 50, 5, 20, Duration.ofMinutes(10));
    }
}
