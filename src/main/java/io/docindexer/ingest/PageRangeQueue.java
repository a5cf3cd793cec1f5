package io.docindexer.ingest;

import java.util.List;

/** Where a big scan's page-range tasks go: back to the queue its S3 event came from, for the function to read. */
@FunctionalInterface
public interface PageRangeQueue {

    /**
     * @param queueArn the ARN of the (standard) queue the S3 event was received from
     * @param bodies the tasks' message bodies
     * @throws RuntimeException when a task could not be sent: the S3 event is then retried, and
     *     sends its tasks again
     */
    void send(String queueArn, List<String> bodies);
}
