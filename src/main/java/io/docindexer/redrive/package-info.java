/**
 * The redrive function: takes messages from the ingest DLQ back to the source queue, all of them
 * through an SQS message move task or some of them, filtered, one by one. It owns the ports it
 * needs ({@link io.docindexer.redrive.DeadLetterQueueGateway},
 * {@link io.docindexer.redrive.MessageMoveTasks}); the sqs package implements them.
 */
package io.docindexer.redrive;
