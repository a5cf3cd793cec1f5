package io.docindexer.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.docindexer.batch.BatchProcessor;
import io.docindexer.batch.TimeBudget;
import io.docindexer.config.IngestConfig;
import java.util.List;

/**
 * Lambda entry point for SQS batches of S3 events. Wires everything once per container (and so
 * into a SnapStart snapshot) and answers with the records SQS must redeliver.
 */
public final class IngestHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** Kept free at the end of an invocation for the bulk write and the response. */
    static final long SAFETY_MARGIN_MILLIS = 10_000;

    private final BatchProcessor processor;

    public IngestHandler() {
        this(IngestComponents.create(IngestConfig.fromEnv(System.getenv())).processor());
    }

    IngestHandler(BatchProcessor processor) {
        this.processor = processor;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        return processor.process(records, new TimeBudget(context::getRemainingTimeInMillis, SAFETY_MARGIN_MILLIS));
    }
}
