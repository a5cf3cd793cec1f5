/**
 * Every use of SQS, by both functions: the ingest function's dead-letter queue and source queue
 * (the batch's ports {@code DeadLetterQueue} and {@code SourceQueue}), the redrive function's view
 * of the DLQ and its message move tasks (the redrive's ports), how their SDK clients are built, and
 * the names of the message attributes they write and read. Adapters only: the packages that use
 * them own the interfaces, and this package implements them.
 */
package io.docindexer.sqs;
