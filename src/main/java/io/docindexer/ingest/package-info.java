/**
 * The ingest function: its Lambda handler, the wiring of everything it uses, SnapStart's hooks, and
 * {@link io.docindexer.ingest.S3EventPreparer}, which turns an SQS message of S3 events into index
 * writes (with {@link io.docindexer.ingest.ExtractionReuse} deciding what a retry may reuse).
 */
package io.docindexer.ingest;
