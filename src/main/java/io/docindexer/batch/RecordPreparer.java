package io.docindexer.batch;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.docindexer.invocation.TimeBudget;

/** Turns one SQS message into a {@link Preparation}; per-record problems are outcomes, not exceptions. */
public interface RecordPreparer {

    /** @param budget the invocation's time: long work pauses (see {@link Preparation.Continued}) when it runs out */
    Preparation prepare(SQSMessage message, TimeBudget budget);
}
