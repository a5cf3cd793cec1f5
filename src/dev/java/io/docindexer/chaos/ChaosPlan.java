package io.docindexer.chaos;

import java.time.Duration;

/**
 * What a chaos run does and which faults it injects.
 *
 * @param docs S3 operations (puts, overwrites, deletes), besides the poison documents
 * @param openSearchDownFor how long OpenSearch stays stopped before it is started again (its
 *     start adds up to half a minute more); zero for no outage
 * @param s3FailureRate fraction of the function's S3 requests (without a body) that start a burst
 *     of 503 SlowDown answers longer than the SDK's retries
 * @param crashRate fraction of invocations the poller abandons part-way (the function carries on)
 * @param killRate fraction of invocations whose function process is killed with SIGKILL part-way
 * @param duplicateRate fraction of notifications sent twice
 * @param window operations whose notifications are shuffled together (reordered)
 * @param docsPerSecond how fast operations are done and sent
 * @param maxReceiveCount the queue's; faults that outlast maxReceiveCount visibility timeouts move
 *     messages to the DLQ unless the function backs off
 * @param poison documents that drive the function's heap out of memory: each must end in the DLQ
 * @param functionHeapMegabytes the function process's -Xmx: ample for the workload's small files,
 *     too small for a poison document
 * @param drainTimeout how long the queue may take to drain once the faults end
 */
public record ChaosPlan(
        int docs,
        long seed,
        Duration openSearchDownFor,
        double s3FailureRate,
        double crashRate,
        double killRate,
        double duplicateRate,
        int window,
        int docsPerSecond,
        int visibilityTimeoutSeconds,
        int maxReceiveCount,
        int poison,
        int functionHeapMegabytes,
        Duration drainTimeout) {

    private static final Duration DEFAULT_OUTAGE = Duration.ofSeconds(10);
    private static final int OUTAGE_RECEIVES = 8;
    /** A chosen outage lasts this many times maxReceiveCount x visibility (from 144 s on; less below). */
    private static final int OUTAGE_OVER_RECEIVE_WINDOW = 6;
    /** Below this a visibility timeout is shorter than a function cold start, and batches overlap. */
    private static final int MIN_VISIBILITY_SECONDS = 3;

    /**
     * Where the function's backoff starts: two visibility timeouts, or a sixteenth of the outage
     * if that is longer. Doubling from there, the shortest waits before maxReceiveCount's 8
     * deliveries add up to about 63 times this step: with a sixteenth of the outage, about four
     * outages, room for OpenSearch's restart after it (minutes on a loaded machine) and for the
     * receives that kills and abandoned invocations spend without backing off. The template's
     * defaults likewise span the outage they are meant for.
     */
    public Duration backoffFirst() {
        return Duration.ofSeconds(Math.max(2L * visibilityTimeoutSeconds, openSearchDownFor.toSeconds() / 16));
    }

    /** The longest backoff: at least the eighth doubling of the first step, so that it never caps it. */
    public Duration backoffMax() {
        return backoffFirst().multipliedBy(128);
    }

    /**
     * The command line's plan. Without {@code --outage}, a 10 s outage that fits in the receives:
     * a 5 s visibility timeout with 20 receives gives a message about 100 s of retries, more than
     * the outage plus OpenSearch's restart. With {@code --outage S}, the receives are scaled down
     * instead (8 receives, a visibility timeout of S / 48 s, at least 3 s), so that only a
     * function that backs off keeps its messages out of the DLQ.
     *
     * @param outageSeconds the chosen outage, or -1 for the default one
     */
    public static ChaosPlan standard(int docs, long seed, int outageSeconds, int poison) {
        boolean chosen = outageSeconds >= 0;
        Duration outage = chosen ? Duration.ofSeconds(outageSeconds) : DEFAULT_OUTAGE;
        int visibility = chosen
                ? Math.max(MIN_VISIBILITY_SECONDS, outageSeconds / (OUTAGE_RECEIVES * OUTAGE_OVER_RECEIVE_WINDOW))
                : 5;
        int receives = chosen ? OUTAGE_RECEIVES : 20;
        return new ChaosPlan(
                docs,
                seed,
                outage,
                0.03,
                0.05,
                0.08,
                0.05,
                20,
                50,
                visibility,
                receives,
                poison,
                256,
                Duration.ofMinutes(10).plus(outage));
    }
}
