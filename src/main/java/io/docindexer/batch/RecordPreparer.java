package io.docindexer.batch;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;

/** Turns one SQS message into a {@link Preparation}; per-record problems are outcomes, not exceptions. */
public interface RecordPreparer {

    Preparation prepare(SQSMessage message);
}
